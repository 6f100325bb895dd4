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
import java.util.Set;

/**
 * What sealing costs (issue 8): an audit append, a flag change and a flag load ({@code FlagGate}'s refresh) with the
 * seals made and checked through KMS, against the same code with {@link NoKmsSealer}, which makes no KMS call. The
 * launcher starts the embedded stack (DynamoDB Local and the local KMS on loopback) and one {@link SealingCostChild}
 * JVM that times every variant in the same rounds, alternating them; this prints medians, p90s, the ratios and the KMS
 * calls per operation.
 */
public final class SealingCost {

    private SealingCost() {
    }

    /** The samples of one variant of one operation, over the measured rounds. */
    private static final class Variant {
        final List<Double> millis = new ArrayList<>();
        final List<Double> roundMedians = new ArrayList<>();
        long generateMacs;
        long verifyMacs;
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
        String defaultJar = Path.of(System.getProperty("bench.lambdaJar", "functions/flag-toggle/target/flag-read-lambda.jar"))
                .resolveSibling("flag-toggle-lambda.jar").toString();
        BenchArgs options = new BenchArgs(args, ColdInit.ordered(
                "warmup", "3",
                "rounds", "20",
                "ops", "10",
                "change-rows", "62",
                "load-rows", "10,100",
                "variant", JvmVariant.LAMBDA_DEFAULTS.label(),
                "lambda-jar", defaultJar,
                "logs", "bench/target/bench-logs"));
        JvmVariant variant = JvmVariant.parse(options.text("variant")).getFirst();
        List<Integer> loadRows = Arrays.stream(options.text("load-rows").split(",")).map(String::strip).map(Integer::valueOf).toList();
        Path logs = Files.createDirectories(Path.of(options.text("logs")));

        MachineInfo.print("Sealing cost: KMS seals against the same code without KMS calls, one run");
        System.out.printf(Locale.ROOT, "child JVM %s on %s; %s warm-up + %s measured rounds, %s calls per variant per round%n",
                variant.label(), Path.of(options.text("lambda-jar")).getFileName(), options.text("warmup"), options.text("rounds"),
                options.text("ops"));

        try (BenchStack stack = BenchStack.startProvisioned(SealingTables.topology(loadRows))) {
            ChildJvm child = new ChildJvm(ChildJvm.lambdaJarClasspath(Path.of(options.text("lambda-jar"))), stack.lambdaEnvironment());
            Duration waited = CpuClock.awaitQuiet(0.15, Duration.ofMinutes(2));
            double speedBefore = HostSpeed.megabytesPerSecond(60);
            List<String> childArgs = List.of("--warmup", options.text("warmup"), "--rounds", options.text("rounds"),
                    "--ops", options.text("ops"), "--change-rows", options.text("change-rows"),
                    "--load-rows", options.text("load-rows"), "--launcher-pid", Long.toString(ProcessHandle.current().pid()),
                    "--max-other-cores", Double.toString(FlagGateThroughput.MAX_OTHER_CORES));
            ChildJvm.Run run = child.run(variant.options(), SealingCostChild.class, childArgs, SealingCostChild.MARKER,
                    logs.resolve("sealing-cost-" + variant.label() + ".log"));
            double speedAfter = HostSpeed.megabytesPerSecond(60);
            report(run, options, waited, speedBefore, speedAfter);
        }
    }

    private static void report(ChildJvm.Run run, BenchArgs options, Duration waited, double speedBefore, double speedAfter) {
        long clean = run.lines().stream().filter(l -> l.get("kind").equals("round") && l.get("phase").equals("measure")).count();
        // Too few clean rounds (a machine that other sessions keep busy): use the disturbed rounds too, and say so. The
        // variants still alternate call by call, so the ratios hold better than the absolute figures.
        boolean fallBack = clean < options.number("rounds");
        Set<String> kept = fallBack ? Set.of("measure", "disturbed") : Set.of("measure");
        Map<String, Map<String, Variant>> operations = new LinkedHashMap<>();
        String end = "";
        List<Double> otherCores = new ArrayList<>();
        for (Map<String, String> line : run.lines()) {
            switch (line.get("kind")) {
                case "samples" -> {
                    if (!kept.contains(line.get("phase"))) {
                        continue;
                    }
                    Variant v = operations.computeIfAbsent(line.get("operation"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(line.get("variant"), k -> new Variant());
                    List<Double> round = Arrays.stream(line.get("nanos").split(",")).map(n -> Long.parseLong(n) / 1e6).toList();
                    v.millis.addAll(round);
                    v.roundMedians.add(Summary.of(round).median());
                    v.generateMacs += Long.parseLong(line.get("generateMac"));
                    v.verifyMacs += Long.parseLong(line.get("verifyMac"));
                }
                case "round" -> {
                    if (kept.contains(line.get("phase"))) {
                        otherCores.add(Double.parseDouble(line.get("otherCores")));
                    }
                }
                case "end" -> end = line.get("measuredRounds") + " clean rounds, " + line.get("disturbedRounds")
                        + " disturbed rounds (other processes above " + FlagGateThroughput.MAX_OTHER_CORES + " cores)"
                        + (fallBack ? "; TOO FEW CLEAN ROUNDS: every round after the warm-up is used, disturbed ones included"
                        : "; only the clean rounds are used");
                default -> { }
            }
        }
        System.out.println();
        Summary other = Summary.of(otherCores);
        System.out.printf(Locale.ROOT, "%s; waited %d s for a quiet machine first; other processes during the rounds used: "
                        + "median %.2f cores, max %.2f%n", end, waited.toSeconds(), other.median(), other.max());
        System.out.printf(Locale.ROOT, "host speed yardstick: SHA-256 %,.0f MB/s before the child, %,.0f MB/s after%n", speedBefore, speedAfter);
        System.out.println();

        Map<String, Variant> calls = operations.remove("kms-call");
        if (calls != null) {
            System.out.println("One round trip to each local service (for scale):");
            System.out.println();
            System.out.println("| call | samples | median ms | p90 ms | min ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            calls.forEach((name, v) -> {
                Summary s = Summary.of(v.millis);
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |%n", name, s.count(), s.median(), s.p90(), s.min());
            });
            System.out.println();
        }

        System.out.println("Before (" + SealingCostChild.NO_KMS + ": NoKmsSealer) and after (" + SealingCostChild.KMS
                + ": KmsSealer) in the same rounds; ratios against " + SealingCostChild.NO_KMS + ":");
        System.out.println();
        System.out.println("| operation | variant | samples | median ms | p90 ms | GenerateMac per op | VerifyMac per op "
                + "| ratio of the medians | median of per-round ratios | median difference ms |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        operations.forEach((operation, variants) -> {
            Variant baseline = variants.get(SealingCostChild.NO_KMS);
            Summary base = Summary.of(baseline.millis);
            variants.forEach((name, v) -> {
                Summary s = Summary.of(v.millis);
                List<Double> roundRatios = new ArrayList<>();
                for (int i = 0; i < v.roundMedians.size(); i++) {
                    roundRatios.add(v.roundMedians.get(i) / baseline.roundMedians.get(i));
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %s | %s | %.2f | %.2f | %+.2f |%n",
                        operation, name, s.count(), s.median(), s.p90(),
                        perOp(v.generateMacs, s.count(), name), perOp(v.verifyMacs, s.count(), name),
                        s.median() / base.median(), Summary.of(roundRatios).median(), s.median() - base.median());
            });
        });
        System.out.println();
        System.out.println("The whole seal on a load (kms) against the read before sealing (scan-only: one consistent scan):");
        System.out.println();
        System.out.println("| operation | ratio of the medians | median of per-round ratios | median difference ms |");
        System.out.println("|---|---:|---:|---:|");
        operations.forEach((operation, variants) -> {
            Variant before = variants.get(SealingCostChild.SCAN_ONLY);
            Variant after = variants.get(SealingCostChild.KMS);
            if (before == null || after == null) {
                return;
            }
            List<Double> roundRatios = new ArrayList<>();
            for (int i = 0; i < after.roundMedians.size(); i++) {
                roundRatios.add(after.roundMedians.get(i) / before.roundMedians.get(i));
            }
            double a = Summary.of(after.millis).median();
            double b = Summary.of(before.millis).median();
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f |%n", operation, a / b, Summary.of(roundRatios).median(), a - b);
        });
        System.out.println();
        System.out.println("KMS calls are counted at the Sealer: with KmsSealer one call is one KMS request; " + SealingCostChild.NO_KMS
                + " and " + SealingCostChild.SCAN_ONLY + " make none (their sealer calls are answered in-process).");
        System.out.println("Percentiles by nearest rank over every measured call; per-round ratios compare the round medians. Log: "
                + run.log());
    }

    private static String perOp(long calls, int ops, String variant) {
        String perOp = String.format(Locale.ROOT, "%.2f", calls / (double) ops);
        if (calls == 0) {
            return "0";
        }
        return variant.equals(SealingCostChild.KMS) ? perOp : "0 (" + perOp + " in-process)";
    }
}
