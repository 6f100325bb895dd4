package com.warroom.bench;

import com.warroom.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Webhooks per second through the real webhook-intake handler against the embedded stack, against the raw DynamoDB
 * Local conditional put it is built on (and the raw put plus SQS send), in the same rounds of one child JVM on the
 * webhook-intake Lambda jar; and the DynamoDB and SQS calls per webhook, counted by an SDK execution interceptor on the
 * intake's own clients (target: at most 2 DynamoDB calls and 1 SQS send).
 */
public final class WebhookIntakeThroughput {

    private WebhookIntakeThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            // DynamoDB Local leaves a non-daemon job thread behind after stop()
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        String defaultJar = Path.of(System.getProperty("bench.lambdaJar", "functions/flag-toggle/target/flag-read-lambda.jar"))
                .resolveSibling("webhook-intake-lambda.jar").toString();
        BenchArgs options = new BenchArgs(args, ColdInit.ordered(
                "warmup", "3", "rounds", "10", "ops", "200", "threads", "1,4",
                "variant", JvmVariant.LAMBDA_DEFAULTS.label(), "lambda-jar", defaultJar, "logs", "bench/target/bench-logs"));
        JvmVariant variant = JvmVariant.parse(options.text("variant")).getFirst();
        Path logs = Files.createDirectories(Path.of(options.text("logs")));
        MachineInfo.print("Webhook intake: webhooks per second against the raw conditional put, one run");
        System.out.printf(Locale.ROOT, "child JVM %s on %s; %s warm-up + %s measured rounds of %s calls per variant, threads %s%n",
                variant.label(), Path.of(options.text("lambda-jar")).getFileName(), options.text("warmup"), options.text("rounds"),
                options.text("ops"), options.text("threads"));

        // DynamoDB Local logs a warning for every refused condition: every duplicate webhook would print one in the
        // launcher (which serves DynamoDB Local to the child) and slow it down
        Configurator.setLevel("com.amazonaws.services.dynamodbv2", Level.ERROR);
        try (BenchStack stack = BenchStack.startProvisioned(Topology.builder().build())) {
            Map<String, String> environment = new LinkedHashMap<>(stack.lambdaEnvironment());
            environment.put("POWERTOOLS_SERVICE_NAME", Topology.WEBHOOK_INTAKE.name());
            // metrics as EMF lines on stdout, as in Lambda; outside Lambda the EMF library otherwise warns once per flush
            environment.put("AWS_EMF_ENVIRONMENT", "Local");
            ChildJvm child = new ChildJvm(ChildJvm.lambdaJarClasspath(Path.of(options.text("lambda-jar"))), environment);
            Duration waited = CpuClock.awaitQuiet(0.15, Duration.ofMinutes(2));
            double speedBefore = HostSpeed.megabytesPerSecond(60);
            ChildJvm.Run run = child.run(variant.options(), WebhookIntakeThroughputChild.class, List.of(
                            "--warmup", options.text("warmup"), "--rounds", options.text("rounds"), "--ops", options.text("ops"),
                            "--threads", options.text("threads"), "--launcher-pid", Long.toString(ProcessHandle.current().pid()),
                            "--max-other-cores", Double.toString(FlagGateThroughput.MAX_OTHER_CORES)),
                    WebhookIntakeThroughputChild.MARKER, logs.resolve("webhook-intake-" + variant.label() + ".log"));
            double speedAfter = HostSpeed.megabytesPerSecond(60);
            report(run, options.number("rounds"), waited, speedBefore, speedAfter);
        }
    }

    /** One variant's samples at one thread count: webhooks per second per round, and the calls it made. */
    private static final class Samples {
        final Map<Integer, Double> rateByRound = new TreeMap<>();
        long ops;
        long dynamoCalls;
        long sqsCalls;
        String calls = "";
    }

    private static void report(ChildJvm.Run run, int rounds, Duration waited, double speedBefore, double speedAfter) {
        Map<Integer, Map<String, Samples>> byThreads = new TreeMap<>();
        Map<Integer, List<Double>> otherCores = new TreeMap<>();
        Map<Integer, Integer> clean = new TreeMap<>();
        Map<Integer, Integer> disturbed = new TreeMap<>();
        for (Map<String, String> line : run.lines()) {
            if (line.get("kind").equals("round") && line.get("phase").equals("measure")) {
                clean.merge(Integer.parseInt(line.get("threads")), 1, Integer::sum);
            } else if (line.get("kind").equals("round") && line.get("phase").equals("disturbed")) {
                disturbed.merge(Integer.parseInt(line.get("threads")), 1, Integer::sum);
            }
        }
        // too few clean rounds (a machine other sessions keep busy): the disturbed rounds are used too, and it says so
        IntFunction<Set<String>> kept = threads -> clean.getOrDefault(threads, 0) < rounds
                ? Set.of("measure", "disturbed") : Set.of("measure");
        for (Map<String, String> line : run.lines()) {
            String kind = line.get("kind");
            if (kind.equals("end") || !kept.apply(Integer.parseInt(line.get("threads"))).contains(line.get("phase"))) {
                continue;
            }
            if (kind.equals("round")) {
                otherCores.computeIfAbsent(Integer.parseInt(line.get("threads")), t -> new ArrayList<>())
                        .add(Double.parseDouble(line.get("otherCores")));
                continue;
            }
            int threads = Integer.parseInt(line.get("threads"));
            Samples s = byThreads.computeIfAbsent(threads, t -> new LinkedHashMap<>())
                    .computeIfAbsent(line.get("variant"), v -> new Samples());
            long ops = Long.parseLong(line.get("ops"));
            s.rateByRound.put(Integer.parseInt(line.get("round")), ops / (Long.parseLong(line.get("nanos")) / 1e9));
            s.ops += ops;
            s.dynamoCalls += Long.parseLong(line.get("dynamoCalls"));
            s.sqsCalls += Long.parseLong(line.get("sqsCalls"));
            s.calls = line.get("calls");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "waited %d s for a quiet machine first; host speed yardstick: SHA-256 %,.0f MB/s before, %,.0f MB/s after%n",
                waited.toSeconds(), speedBefore, speedAfter);
        byThreads.forEach((threads, variants) -> {
            Summary other = Summary.of(otherCores.getOrDefault(threads, List.of(0.0)));
            System.out.println();
            System.out.printf(Locale.ROOT, "%d thread(s): %d clean rounds, %d disturbed rounds (other processes above %.2f cores)%s; "
                            + "other processes used median %.2f cores, max %.2f%n", threads, clean.getOrDefault(threads, 0),
                    disturbed.getOrDefault(threads, 0), FlagGateThroughput.MAX_OTHER_CORES, kept.apply(threads).size() > 1
                            ? "; TOO FEW CLEAN ROUNDS: the disturbed rounds are used too" : "", other.median(), other.max());
            System.out.println();
            System.out.println("| variant | rounds | min /s | median /s | p90 /s | max /s | median of per-round ratios to raw-put |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            Samples raw = variants.get("raw-put");
            variants.forEach((name, s) -> {
                Summary rates = Summary.of(new ArrayList<>(s.rateByRound.values()));
                List<Double> ratios = new ArrayList<>();
                s.rateByRound.forEach((round, rate) -> ratios.add(rate / raw.rateByRound.get(round)));
                System.out.println(String.format(Locale.ROOT, "| %s | %d ", name, rates.count()) + rates.cells(0)
                        + String.format(Locale.ROOT, " %.2f |", Summary.of(ratios).median()));
            });
            System.out.println();
            System.out.println("SDK calls per webhook, counted on the intake's clients:");
            System.out.println();
            System.out.println("| variant | DynamoDB calls per webhook | SQS calls per webhook | calls |");
            System.out.println("|---|---:|---:|---|");
            variants.forEach((name, s) -> {
                if (name.startsWith("intake")) {
                    System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %s |%n", name, s.dynamoCalls / (double) s.ops, s.sqsCalls / (double) s.ops, s.calls);
                }
            });
        });
        System.out.println();
        System.out.println("Percentiles by nearest rank over the kept rounds; a round's rate is its calls over its wall time. Log: " + run.log());
    }
}
