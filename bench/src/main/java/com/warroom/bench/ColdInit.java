package com.warroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Cold init of the flag-read handler: starts the embedded stack here, seeds a launch-week flag table, then
 * starts fresh JVMs one after another ({@link ColdInitChild}), each constructing the handler and answering its
 * first {@code GET /v1/system-flags}, and reports min / median / p90 / max of each phase per JVM variant.
 * Not Lambda: no Firecracker micro-VM, no runtime interface client, no SnapStart.
 */
public final class ColdInit {

    /** Other processes using more than this many cores during a child's run disturb it: it is run again. */
    static final double MAX_OTHER_CORES = 0.25;
    static final int MAX_ATTEMPTS = 6;

    private ColdInit() {
    }

    /** One child's figures, in milliseconds. */
    record Sample(double spawnToMain, double jvmStartToMain, double construct, double event, double first,
                  double total, double second, double cpuToFirst, double otherCores, double hostSpeed) {

        static Sample of(ChildJvm.Run run, double hostSpeed) {
            Map<String, String> r = run.lines().getFirst();
            long mainEpoch = Long.parseLong(r.get("mainEpochMs"));
            double construct = nanosAsMillis(r, "constructNs");
            double event = nanosAsMillis(r, "eventNs");
            double first = nanosAsMillis(r, "firstNs");
            double spawnToMain = mainEpoch - run.spawnEpochMillis();
            return new Sample(spawnToMain, mainEpoch - Long.parseLong(r.get("jvmStartEpochMs")), construct, event, first,
                    spawnToMain + construct + event + first, nanosAsMillis(r, "secondNs"),
                    Long.parseLong(r.get("cpuFirstMs")), run.otherCores(Long.parseLong(r.get("cpuEndMs"))), hostSpeed);
        }

        private static double nanosAsMillis(Map<String, String> r, String key) {
            return Long.parseLong(r.get(key)) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace(); // System.exit below would otherwise swallow it
        } finally {
            // DynamoDB Local leaves a non-daemon job thread behind after stop(): without this the JVM lingers for minutes
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, ordered(
                "runs", "10",
                "variants", "lambda-c1-serial,jdk-defaults",
                "classpath", "lambda-jar",
                "lambda-jar", System.getProperty("bench.lambdaJar", "functions/flag-toggle/target/flag-toggle-lambda.jar"),
                "logs", "bench/target/bench-logs",
                "class-histogram", "true"));
        int runs = options.number("runs");
        List<JvmVariant> variants = JvmVariant.parse(options.text("variants"));
        String classpath = switch (options.text("classpath")) {
            case "lambda-jar" -> ChildJvm.lambdaJarClasspath(Path.of(options.text("lambda-jar")));
            case "maven" -> ChildJvm.launcherClasspath();
            default -> throw new IllegalArgumentException("--classpath is lambda-jar or maven");
        };
        Path logs = Files.createDirectories(Path.of(options.text("logs")));

        MachineInfo.print("cold init: fresh JVM -> first answered GET /v1/system-flags");
        System.out.printf(Locale.ROOT, "child classpath: %s (%s)%n", options.text("classpath"),
                options.text("classpath").equals("lambda-jar") ? describeJar(Path.of(options.text("lambda-jar"))) : "module jars");

        try (BenchStack stack = BenchStack.startSeeded()) {
            APIGatewayV2HTTPResponse reference = BenchStack.warmUp(300);
            String expectedHash = Integer.toString(reference.getBody().hashCode());
            System.out.printf(Locale.ROOT, "seeded %d flag states; the list answer is %,d bytes; DynamoDB Local warmed with 300 scans%n",
                    FlagSeed.ITEMS, reference.getBody().length());
            ChildJvm child = new ChildJvm(classpath, stack.lambdaEnvironment());

            Map<JvmVariant, List<Sample>> samples = new LinkedHashMap<>();
            variants.forEach(v -> samples.put(v, new ArrayList<>()));
            int reruns = 0;
            // one discarded run per variant pulls the jars into the page cache; then the variants alternate, so drift hits both alike
            for (int run = 0; run <= runs; run++) {
                for (JvmVariant variant : variants) {
                    for (int attempt = 1; ; attempt++) {
                        Duration waited = CpuClock.awaitQuiet(0.15, Duration.ofMinutes(2));
                        double hostSpeed = HostSpeed.megabytesPerSecond(60);
                        Path log = logs.resolve("cold-init-" + variant.label() + "-" + run + ".log");
                        ChildJvm.Run result = child.run(variant.options(), ColdInitChild.class, List.of(), ColdInitChild.MARKER, log);
                        Map<String, String> line = result.lines().getFirst();
                        if (!line.get("status").equals("200") || !line.get("secondStatus").equals("200")
                                || !line.get("bodyHash").equals(expectedHash)) {
                            throw new IllegalStateException("child answered " + line + ", expected 200 with the reference body; see " + log);
                        }
                        Sample sample = Sample.of(result, hostSpeed);
                        boolean disturbed = sample.otherCores() > MAX_OTHER_CORES;
                        System.out.printf(Locale.ROOT, "  %-17s run %2d%-12s total %7.1f ms (spawn->main %5.1f, construct %6.1f, "
                                        + "first request %6.1f; second %5.1f; child CPU to first answer %5.0f ms; other load %.2f cores; host %,.0f MB/s%s)%n",
                                variant.label(), run, run == 0 ? " (discarded)" : "", sample.total(), sample.spawnToMain(),
                                sample.construct(), sample.first(), sample.second(), sample.cpuToFirst(), sample.otherCores(), sample.hostSpeed(),
                                (disturbed ? ", DISTURBED" : "") + (waited.toMillis() > 1500 ? ", waited " + waited.toSeconds() + " s for quiet" : ""));
                        if (!disturbed || attempt == MAX_ATTEMPTS) {
                            if (run > 0) {
                                samples.get(variant).add(sample);
                            }
                            break;
                        }
                        reruns++;
                    }
                }
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%d runs were repeated because other processes used more than %.2f cores meanwhile%n%n",
                    reruns, MAX_OTHER_CORES);
            samples.forEach(ColdInit::report);

            if (Boolean.parseBoolean(options.text("class-histogram"))) {
                // one more child, not among the figures above: class-load logging slows it down
                Path classLog = logs.resolve("cold-init-classes-" + variants.getFirst().label() + ".txt");
                List<String> jvmOptions = new ArrayList<>(variants.getFirst().options());
                jvmOptions.addAll(ClassLoadHistogram.jvmOptions(classLog));
                child.run(jvmOptions, ColdInitChild.class, List.of(), ColdInitChild.MARKER,
                        logs.resolve("cold-init-classes-" + variants.getFirst().label() + ".log"));
                System.out.println(variants.getFirst().label() + ", one extra child with -Xlog:class+load:");
                ClassLoadHistogram.print(classLog, 14);
            }
        }
    }

    private static void report(JvmVariant variant, List<Sample> samples) {
        System.out.printf(Locale.ROOT, "%s %s, %d fresh JVMs, milliseconds%n", variant.label(), variant.options(), samples.size());
        System.out.println("| phase | min | median | p90 | max |");
        System.out.println("|---|---:|---:|---:|---:|");
        row("process spawn -> main()", samples, Sample::spawnToMain);
        row("  of which JVM start (JMX start time) -> main()", samples, Sample::jvmStartToMain);
        row("main() -> handler constructed", samples, Sample::construct);
        row("event + context built", samples, Sample::event);
        row("first handleRequest (answered 200)", samples, Sample::first);
        row("**total: spawn -> first answer**", samples, Sample::total);
        row("child CPU time to first answer (all threads)", samples, Sample::cpuToFirst);
        row("second handleRequest, same JVM", samples, Sample::second);
        System.out.println("| host speed yardstick: SHA-256 MB/s in the launcher just before each child (not ms) "
                + Summary.of(samples.stream().map(Sample::hostSpeed).toList()).cells(0));
        System.out.println();
    }

    private static void row(String phase, List<Sample> samples, Function<Sample, Double> figure) {
        System.out.println("| " + phase + " " + Summary.of(samples.stream().map(figure).toList()).cells(1));
    }

    private static String describeJar(Path jar) throws java.io.IOException {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            long classes = zip.stream().filter(e -> e.getName().endsWith(".class")).count();
            return String.format(Locale.ROOT, "%s, %.1f MB, %,d classes", jar.toAbsolutePath().normalize(),
                    Files.size(jar) / 1e6, classes);
        }
    }

    static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
