package com.warroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cached {@link com.warroom.flags.FlagGate} checks per second: starts the embedded stack here, seeds the same
 * launch-week flag table as {@link ColdInit}, then runs {@link FlagGateThroughputFork} in fresh JVMs (forks) per
 * JVM variant and thread count, and reports the measured iterations of all forks together. Iterations during which
 * other processes used the CPU are dropped; a fork that could not collect enough clean ones is run again.
 */
public final class FlagGateThroughput {

    static final double MAX_OTHER_CORES = 0.25;
    static final int MAX_ATTEMPTS = 6;

    private FlagGateThroughput() {
    }

    /** One measured iteration. */
    record Iteration(double opsPerSecond, double nsPerOpPerThread, double bytesPerOp, double allowedShare, long staleDecisions) {

        static Iteration of(Map<String, String> line) {
            return new Iteration(Double.parseDouble(line.get("opsPerSecond")), Double.parseDouble(line.get("nsPerOpPerThread")),
                    Double.parseDouble(line.get("bytesPerOp")), Double.parseDouble(line.get("allowedShare")),
                    Long.parseLong(line.get("staleDecisions")));
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
        BenchArgs options = new BenchArgs(args, ColdInit.ordered(
                "forks", "3",
                "threads", "1,2",
                "variants", "lambda-c1-serial,jdk-defaults",
                "warmup", "5",
                "iterations", "5",
                "seconds", "1",
                "lambda-jar", System.getProperty("bench.lambdaJar", "functions/flag-toggle/target/flag-toggle-lambda.jar"),
                "logs", "bench/target/bench-logs"));
        int forks = options.number("forks");
        List<Integer> threadCounts = Arrays.stream(options.text("threads").split(",")).map(String::strip).map(Integer::valueOf).toList();
        List<JvmVariant> variants = JvmVariant.parse(options.text("variants"));
        List<String> forkArgs = List.of(options.text("warmup"), options.text("iterations"),
                Integer.toString(options.number("seconds") * 1000), Double.toString(MAX_OTHER_CORES));
        Path logs = Files.createDirectories(Path.of(options.text("logs")));

        MachineInfo.print("FlagGate.check throughput, warm cache over the real FlagStore");
        System.out.printf(Locale.ROOT, "%d forks x (%s warm-up + %s measured iterations of %s s) per variant and thread count%n",
                forks, forkArgs.get(0), forkArgs.get(1), options.text("seconds"));

        try (BenchStack stack = BenchStack.startSeeded()) {
            ChildJvm child = new ChildJvm(ChildJvm.lambdaJarClasspath(Path.of(options.text("lambda-jar"))), stack.lambdaEnvironment());
            Map<String, List<Iteration>> results = new LinkedHashMap<>();
            Map<String, Long> storeReads = new LinkedHashMap<>();
            int reruns = 0;
            int droppedIterations = 0;
            List<Double> hostSpeeds = new ArrayList<>();
            String forkSummary = "";
            for (JvmVariant variant : variants) {
                for (int threads : threadCounts) {
                    String key = variant.label() + "|" + threads;
                    results.put(key, new ArrayList<>());
                    storeReads.put(key, 0L);
                    for (int fork = 1; fork <= forks; fork++) {
                        for (int attempt = 1; ; attempt++) {
                            CpuClock.awaitQuiet(0.15, Duration.ofMinutes(2));
                            double hostSpeed = HostSpeed.megabytesPerSecond(60);
                            Path log = logs.resolve("gate-" + variant.label() + "-t" + threads + "-fork" + fork + ".log");
                            List<String> command = new ArrayList<>(List.of(Integer.toString(threads)));
                            command.addAll(forkArgs);
                            ChildJvm.Run run = child.run(variant.options(), FlagGateThroughputFork.class, command,
                                    FlagGateThroughputFork.ITERATION, log);
                            List<Map<String, String>> measured = run.lines().stream().filter(l -> l.get("phase").equals("measure")).toList();
                            Map<String, String> summary = forkSummary(log);
                            List<Iteration> iterations = measured.stream().map(Iteration::of).toList();
                            int disturbedIterations = Integer.parseInt(summary.get("disturbedIterations"));
                            boolean complete = iterations.size() == Integer.parseInt(forkArgs.get(1));
                            System.out.printf(Locale.ROOT, "  %-17s threads %d fork %d: %s ops/s per clean iteration; %d disturbed iterations "
                                            + "dropped; store reads in the measured window %s%s%n",
                                    variant.label(), threads, fork,
                                    iterations.stream().map(i -> String.format(Locale.ROOT, "%,.0f", i.opsPerSecond())).toList(),
                                    disturbedIterations, summary.get("storeReadsMeasured"), complete ? "" : ", TOO FEW CLEAN ITERATIONS");
                            droppedIterations += disturbedIterations;
                            if (!iterations.isEmpty() && (complete || attempt == MAX_ATTEMPTS)) {
                                results.get(key).addAll(iterations);
                                storeReads.merge(key, Long.parseLong(summary.get("storeReadsMeasured")), Long::sum);
                                hostSpeeds.add(hostSpeed);
                                forkSummary = "snapshot of " + summary.get("snapshotItems") + " flag states; "
                                        + String.format(Locale.ROOT, "%.1f%%", 100 * Double.parseDouble(summary.get("blockedShare")))
                                        + " of the workload's checks are blocked";
                                break;
                            }
                            reruns++;
                        }
                    }
                }
            }
            System.out.println();
            System.out.println(forkSummary + "; " + droppedIterations + " iterations were dropped and " + reruns
                    + " forks repeated because other processes used more than " + MAX_OTHER_CORES + " cores meanwhile");
            System.out.println();
            System.out.println("| JVM | threads | checks/s (median) | checks/s min - max | ns per check per thread (median) | bytes allocated per check (median) | measured iterations | store reads in measured windows | stale decisions |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            results.forEach((key, iterations) -> {
                String[] parts = key.split("\\|");
                Summary ops = Summary.of(iterations.stream().map(Iteration::opsPerSecond).toList());
                Summary ns = Summary.of(iterations.stream().map(Iteration::nsPerOpPerThread).toList());
                Summary bytes = Summary.of(iterations.stream().map(Iteration::bytesPerOp).toList());
                long stale = iterations.stream().mapToLong(Iteration::staleDecisions).sum();
                System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f - %,.0f | %.1f | %.0f | %d | %d | %d |%n",
                        parts[0], parts[1], ops.median(), ops.min(), ops.max(), ns.median(), bytes.median(), iterations.size(),
                        storeReads.get(key), stale);
            });
            System.out.printf(Locale.ROOT, "%n(%s clean measured iterations per fork, %d forks per row)%n", forkArgs.get(1), forks);
            Summary speed = Summary.of(hostSpeeds);
            System.out.printf(Locale.ROOT, "host speed yardstick before the kept forks: SHA-256 %,.0f MB/s median (%,.0f - %,.0f)%n",
                    speed.median(), speed.min(), speed.max());
        }
    }

    private static Map<String, String> forkSummary(Path log) throws java.io.IOException {
        return Files.readAllLines(log).stream().filter(l -> l.startsWith(FlagGateThroughputFork.FORK + " ")).findFirst()
                .map(l -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String pair : l.substring(FlagGateThroughputFork.FORK.length() + 1).trim().split("\\s+")) {
                        values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                    }
                    return values;
                })
                .orElseThrow(() -> new IllegalStateException("no " + FlagGateThroughputFork.FORK + " line in " + log));
    }
}
