package com.warroom.bench;

import com.warroom.local.stack.HttpEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a fresh JVM (same java binary) on a given classpath and environment, waits for it, and returns
 * the lines it printed under a marker, each parsed as {@code key=value} pairs. Everything it printed goes to
 * a log file, so the launcher never competes with the child for a pipe.
 */
final class ChildJvm {

    private static final List<String> INHERITED_NOISE = List.of("AWS_", "WARROOM_", "POWERTOOLS_", "_X_AMZN");

    private final String classpath;
    private final Map<String, String> environment;

    ChildJvm(String classpath, Map<String, String> environment) {
        this.classpath = classpath;
        this.environment = Map.copyOf(environment);
    }

    /** The classpath of a deployed function: its Lambda jar, plus the bench's own classes and the event builders. */
    static String lambdaJarClasspath(Path lambdaJar) {
        if (!Files.isRegularFile(lambdaJar)) {
            throw new IllegalArgumentException("no Lambda jar at " + lambdaJar.toAbsolutePath()
                    + "; build it with ./mvnw -pl bench -am package -DskipTests");
        }
        return String.join(java.io.File.pathSeparator, lambdaJar.toAbsolutePath().toString(),
                codeSource(HttpEvents.class), codeSource(ChildJvm.class));
    }

    /** Whatever classpath the launcher itself runs with (the module jars side by side, as Maven resolves them). */
    static String launcherClasspath() {
        return System.getProperty("java.class.path");
    }

    /**
     * One started child: its result lines, its wall time from spawn to exit, and the CPU the whole machine and
     * this launcher (which serves DynamoDB Local) used meanwhile.
     */
    record Run(long spawnEpochMillis, long wallMillis, long machineBusyMillis, long launcherCpuMillis,
               List<Map<String, String>> lines, Path log) {

        /** Cores' worth of CPU that neither the child nor the launcher used during the run: other processes. */
        double otherCores(long childCpuMillis) {
            return (machineBusyMillis - launcherCpuMillis - childCpuMillis) / (double) Math.max(wallMillis, 1);
        }
    }

    Run run(List<String> jvmOptions, Class<?> mainClass, List<String> args, String marker, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> INHERITED_NOISE.stream().anyMatch(name::startsWith)
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS") || name.equals("_JAVA_OPTIONS"));
        env.putAll(environment);
        long machineBefore = CpuClock.machineBusyMillis();
        long launcherBefore = CpuClock.processMillis();
        long spawnEpochMillis = System.currentTimeMillis();
        long spawnNanos = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("child " + mainClass.getSimpleName() + " did not finish; see " + log);
        }
        long wallMillis = (System.nanoTime() - spawnNanos) / 1_000_000;
        long machineBusy = CpuClock.machineBusyMillis() - machineBefore;
        long launcherCpu = CpuClock.processMillis() - launcherBefore;
        List<Map<String, String>> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith(marker + " ")) {
                lines.add(parse(line.substring(marker.length() + 1)));
            }
        }
        if (process.exitValue() != 0 || lines.isEmpty()) {
            throw new IllegalStateException("child " + mainClass.getSimpleName() + " exited " + process.exitValue()
                    + " with " + lines.size() + " result lines; see " + log);
        }
        return new Run(spawnEpochMillis, wallMillis, machineBusy, launcherCpu, lines, log);
    }

    private static Map<String, String> parse(String pairs) {
        Map<String, String> values = new HashMap<>();
        for (String pair : pairs.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
