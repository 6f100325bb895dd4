package com.warroom.bench;

import com.warroom.local.custody.CustodyFault;
import com.warroom.local.custody.CustodySimulator;
import com.warroom.local.custody.CustodyTransaction;
import com.warroom.payouts.rail.RsaPem;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Payouts per second through the real payout worker (issue 11): payouts accepted as the payouts route accepts them,
 * their messages worked off the real payouts queue by the real {@code PayoutWorkerHandler} as Lambda's event source
 * does, paid through {@code CustodyRail} against the local custody simulator (completing each transfer at once), the
 * simulator's signed callbacks answered by the real callback route, until every payout is CONFIRMED; on 1 and more
 * threads (one Lambda instance each), with every create answered and with a share of the creates' answers lost after
 * the custodian took them (the ask-before-resubmit path). Counts the DynamoDB, KMS and SQS calls (an SDK interceptor
 * registered globally in the measured JVM, so the clients the function builds itself are counted too) and the custody
 * API calls per payout.
 */
public final class PayoutWorkerThroughput {

    private PayoutWorkerThroughput() {
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
                .resolveSibling("payout-lambda.jar").toString();
        BenchArgs options = new BenchArgs(args, ColdInit.ordered(
                "warmup", "1", "rounds", "5", "payouts", "50", "threads", "1,4", "budget-s", "240",
                "variants", PayoutWorkerThroughputChild.CLEAN + "," + PayoutWorkerThroughputChild.LOST_ANSWERS, "lost-percent", "25",
                "rail-timeout-ms", "250", "variant", JvmVariant.LAMBDA_DEFAULTS.label(), "lambda-jar", defaultJar,
                "seed-config", "config/seed-v1.json", "logs", "bench/target/bench-logs"));
        JvmVariant variant = JvmVariant.parse(options.text("variant")).getFirst();
        Path logs = Files.createDirectories(Path.of(options.text("logs")));
        int payouts = options.number("payouts");
        int lostPercent = options.number("lost-percent");
        Duration railTimeout = Duration.ofMillis(options.number("rail-timeout-ms"));
        MachineInfo.print("Payouts through the worker: payouts per second and calls per payout, one run");
        System.out.printf(Locale.ROOT, "child JVM %s on %s; %s warm-up + %s measured rounds of %d payouts per variant, threads %s, "
                        + "variants %s (%d%% of the lost-answers creates answered too late), rail timeout %d ms%n",
                variant.label(), Path.of(options.text("lambda-jar")).getFileName(), options.text("warmup"), options.text("rounds"),
                payouts, options.text("threads"), options.text("variants"), lostPercent, railTimeout.toMillis());

        // DynamoDB Local logs a warning for every refused condition (the worker's conditional writes lose races on 4 threads)
        Configurator.setLevel("com.amazonaws.services.dynamodbv2", Level.ERROR);
        String run = UUID.randomUUID().toString().substring(0, 8);
        KeyPair client = RsaPem.generate();
        KeyPair custodian = RsaPem.generate();
        String apiKey = "bench-" + UUID.randomUUID();
        List<String> simulatorFailures = new CopyOnWriteArrayList<>();
        int callbackPort = freePort();
        // completing at once: the custodian is not what is measured; a lost answer is held back twice the rail's timeout
        CustodySimulator.Setup setup = CustodySimulator.Setup.of(0, Optional.empty()).completingIn(Duration.ZERO)
                .stallingFor(railTimeout.multipliedBy(2));
        try (BenchStack stack = BenchStack.startProvisioned(Topology.builder().build());
             CustodySimulator simulator = CustodySimulator.start(setup, new CustodySimulator.Keys(() -> apiKey,
                     () -> RsaPem.pem((RSAPrivateKey) client.getPrivate()), (RSAPrivateKey) custodian.getPrivate()),
                     (what, cause) -> simulatorFailures.add(what + ": " + cause))) {
            simulator.callbacksTo(URI.create("http://127.0.0.1:" + callbackPort + Topology.CUSTODY_CALLBACK.routes().getFirst().path()));
            int armed = armLostAnswers(simulator, options, run);
            Map<String, String> environment = new LinkedHashMap<>(stack.lambdaEnvironment());
            environment.put("POWERTOOLS_SERVICE_NAME", Topology.PAYOUT_WORKER.name());
            // metrics as EMF lines on stdout, as in Lambda; outside Lambda the EMF library otherwise warns once per flush
            environment.put("AWS_EMF_ENVIRONMENT", "Local");
            environment.put(Topology.CUSTODY_API.baseUrlEnvVar(), simulator.endpoint().toString());
            // the custody secrets as the local runner hands them to functions (values in WARROOM_SECRET_* win over files)
            environment.put("WARROOM_SECRETS_DIR", logs.toAbsolutePath().toString());
            environment.put(Topology.CUSTODY_API_KEY.localEnvVar(), apiKey);
            environment.put(Topology.CUSTODY_SIGNING_KEY.localEnvVar(), RsaPem.pem((RSAPrivateKey) client.getPrivate()));
            environment.put(Topology.CUSTODY_CALLBACK_KEY.localEnvVar(), RsaPem.pem((RSAPublicKey) custodian.getPublic()));
            String classpath = ChildJvm.lambdaJarClasspath(Path.of(options.text("lambda-jar"))) + java.io.File.pathSeparator
                    + globalInterceptors(logs.resolveSibling("payout-worker-interceptors"));
            ChildJvm child = new ChildJvm(classpath, environment);
            Duration waited = CpuClock.awaitQuiet(0.15, Duration.ofSeconds(30));
            double speedBefore = HostSpeed.megabytesPerSecond(60);
            ChildJvm.Run result = child.run(variant.options(), PayoutWorkerThroughputChild.class, List.of(
                            "--warmup", options.text("warmup"), "--rounds", options.text("rounds"), "--payouts", Integer.toString(payouts),
                            "--budget-s", options.text("budget-s"),
                            "--threads", options.text("threads"), "--variants", options.text("variants"),
                            "--lost-percent", Integer.toString(lostPercent), "--rail-timeout-ms", Long.toString(railTimeout.toMillis()),
                            "--callback-port", Integer.toString(callbackPort), "--run", run,
                            "--seed-config", Path.of(options.text("seed-config")).toAbsolutePath().toString(),
                            "--launcher-pid", Long.toString(ProcessHandle.current().pid()),
                            "--max-other-cores", Double.toString(FlagGateThroughput.MAX_OTHER_CORES)),
                    PayoutWorkerThroughputChild.MARKER, logs.resolve("payout-worker-" + variant.label() + ".log"));
            double speedAfter = HostSpeed.megabytesPerSecond(60);
            report(result, options.number("rounds"), waited, speedBefore, speedAfter);
            custodyCheck(result, simulator, armed, simulatorFailures);
        }
    }

    /** Arms timeout-after-accept for the lost-answers payouts of every round the child may run (disturbed rounds are run again). */
    private static int armLostAnswers(CustodySimulator simulator, BenchArgs options, String run) {
        if (!List.of(options.text("variants").split(",")).contains(PayoutWorkerThroughputChild.LOST_ANSWERS)) {
            return 0;
        }
        int armed = 0;
        int maxRounds = options.number("warmup") + 2 * options.number("rounds");
        for (String threads : options.text("threads").split(",")) {
            for (int round = 1; round <= maxRounds; round++) {
                for (int i = 0; i < options.number("payouts"); i++) {
                    if (PayoutWorkerThroughputChild.loseAnswer(i, options.number("lost-percent"))) {
                        simulator.inject(PayoutWorkerThroughputChild.payoutId(run, PayoutWorkerThroughputChild.LOST_ANSWERS,
                                Integer.parseInt(threads.strip()), round, i), CustodyFault.TIMEOUT_AFTER_ACCEPT, 1);
                        armed++;
                    }
                }
            }
        }
        return armed;
    }

    /** A folder holding the SDK's global-interceptors file naming {@link TaggedSdkCalls}: on this child's classpath only. */
    private static String globalInterceptors(Path dir) throws IOException {
        Path file = dir.resolve(TaggedSdkCalls.GLOBAL_INTERCEPTORS);
        Files.createDirectories(file.getParent());
        Files.writeString(file, TaggedSdkCalls.class.getName() + "\n");
        return dir.toAbsolutePath().toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One variant's runs at one thread count: rates per round, and everything counted, summed. */
    private static final class Samples {
        final Map<Integer, Double> rateByRound = new TreeMap<>();
        final List<Double> workerMillisPerPayout = new ArrayList<>();
        final List<Double> settledMillis = new ArrayList<>();
        final List<Double> confirmedMillis = new ArrayList<>();
        final Map<String, Map<String, Long>> calls = new TreeMap<>();
        long payouts;
        long messages;
        long batches;
        long failedMessages;
        long callbacks;
        long callbacksRefused;
        long handlerNanos;
        long callbackNanos;

        void add(String who, Map<String, Long> counts) {
            counts.forEach((name, count) -> calls.computeIfAbsent(who, w -> new TreeMap<>()).merge(name, count, Long::sum));
        }

        Map<String, Long> of(String who) {
            return calls.getOrDefault(who, Map.of());
        }
    }

    private static void report(ChildJvm.Run run, int rounds, Duration waited, double speedBefore, double speedAfter) {
        Map<Integer, Map<String, Samples>> byThreads = new TreeMap<>();
        Map<Integer, List<Double>> otherCores = new TreeMap<>();
        Map<Integer, Integer> clean = new TreeMap<>();
        Map<Integer, Integer> disturbed = new TreeMap<>();
        String setup = "";
        for (Map<String, String> line : run.lines()) {
            if (line.get("kind").equals("rsa")) {
                setup += String.format(Locale.ROOT, "; warm, in this JVM: one RS256 request JWT (each custody call) %s ms, one "
                        + "RSA-SHA512 callback check (each callback) %s ms", line.get("jwtSignMs"), line.get("callbackVerifyMs"));
            } else if (line.get("kind").equals("setup")) {
                setup = "railTimeoutMs=" + line.get("railTimeoutMs") + " firstRetryMs=" + line.get("firstRetryMs")
                        + " maxAttempts=" + line.get("maxAttempts") + " users=" + line.get("users");
            } else if (line.get("kind").equals("round") && line.get("phase").equals("measure")) {
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
            if (!kind.equals("run") && !kind.equals("round")) {
                continue;
            }
            int threads = Integer.parseInt(line.get("threads"));
            if (!kept.apply(threads).contains(line.get("phase"))) {
                continue;
            }
            if (kind.equals("round")) {
                otherCores.computeIfAbsent(threads, t -> new ArrayList<>()).add(Double.parseDouble(line.get("otherCores")));
                continue;
            }
            Samples s = byThreads.computeIfAbsent(threads, t -> new LinkedHashMap<>()).computeIfAbsent(line.get("variant"), v -> new Samples());
            long payouts = Long.parseLong(line.get("payouts"));
            long confirmedNanos = Long.parseLong(line.get("confirmedNanos"));
            s.rateByRound.put(Integer.parseInt(line.get("round")), payouts / (confirmedNanos / 1e9));
            s.confirmedMillis.add(confirmedNanos / 1e6);
            s.settledMillis.add(Long.parseLong(line.get("settledNanos")) / 1e6);
            s.workerMillisPerPayout.add(Long.parseLong(line.get("handlerNanos")) / 1e6 / payouts);
            s.payouts += payouts;
            s.messages += Long.parseLong(line.get("messages"));
            s.batches += Long.parseLong(line.get("batches"));
            s.failedMessages += Long.parseLong(line.get("failedMessages"));
            s.callbacks += Long.parseLong(line.get("callbacks"));
            s.callbacksRefused += Long.parseLong(line.get("callbacksRefused"));
            s.handlerNanos += Long.parseLong(line.get("handlerNanos"));
            s.callbackNanos += Long.parseLong(line.get("callbackNanos"));
            for (String who : List.of("worker", "callbackRoute", "eventSource", "custody", "metrics", "workerNanos", "states")) {
                s.add(who, decode(line.get(who)));
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "child setup: %s%n", setup);
        System.out.printf(Locale.ROOT, "waited %d s for a quiet machine first; host speed yardstick: SHA-256 %,.0f MB/s before, %,.0f MB/s after%n",
                waited.toSeconds(), speedBefore, speedAfter);
        byThreads.forEach((threads, variants) -> {
            Summary other = Summary.of(otherCores.getOrDefault(threads, List.of(0.0)));
            System.out.println();
            System.out.printf(Locale.ROOT, "%d thread(s) (Lambda instances): %d clean rounds, %d disturbed rounds (other processes above %.2f cores)%s; "
                            + "other processes used median %.2f cores, max %.2f%n", threads, clean.getOrDefault(threads, 0),
                    disturbed.getOrDefault(threads, 0), FlagGateThroughput.MAX_OTHER_CORES, kept.apply(threads).size() > 1
                            ? "; TOO FEW CLEAN ROUNDS: the disturbed rounds are used too" : "", other.median(), other.max());
            System.out.println();
            System.out.println("| variant | rounds | min /s | median /s | p90 /s | max /s | median of per-round ratios to clean "
                    + "| worker handler ms per payout, median | all CONFIRMED after, median s | last callback handled after, median s |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            Samples base = variants.get(PayoutWorkerThroughputChild.CLEAN);
            variants.forEach((name, s) -> {
                Summary rates = Summary.of(new ArrayList<>(s.rateByRound.values()));
                List<Double> ratios = new ArrayList<>();
                s.rateByRound.forEach((round, rate) -> {
                    if (base != null && base.rateByRound.containsKey(round)) {
                        ratios.add(rate / base.rateByRound.get(round));
                    }
                });
                System.out.println(String.format(Locale.ROOT, "| %s | %d ", name, rates.count()) + rates.cells(1)
                        + String.format(Locale.ROOT, " %s | %.1f | %.2f | %.2f |", ratios.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f",
                                Summary.of(ratios).median()), Summary.of(s.workerMillisPerPayout).median(),
                        Summary.of(s.confirmedMillis).median() / 1000, Summary.of(s.settledMillis).median() / 1000));
            });
            System.out.println();
            System.out.printf(Locale.ROOT, "Per payout, %d thread(s), summed over the kept rounds:%n", threads);
            System.out.println();
            System.out.println("| variant | what | per payout | by operation, per payout |");
            System.out.println("|---|---|---:|---|");
            variants.forEach((name, s) -> {
                double n = s.payouts;
                row(name, "worker: DynamoDB calls", only(s.of("worker"), "DynamoDb."), n);
                row(name, "worker: KMS calls", only(s.of("worker"), "Kms."), n);
                row(name, "worker: SQS calls", only(s.of("worker"), "Sqs."), n);
                Map<String, Long> otherWorker = new TreeMap<>(s.of("worker"));
                otherWorker.keySet().removeIf(k -> k.startsWith("DynamoDb.") || k.startsWith("Kms.") || k.startsWith("Sqs."));
                if (!otherWorker.isEmpty()) {
                    row(name, "worker: other AWS calls", otherWorker, n);
                }
                row(name, "worker: custody API calls", s.of("custody"), n);
                row(name, "callback route: AWS calls", s.of("callbackRoute"), n);
                row(name, "event source: SQS calls", s.of("eventSource"), n);
                System.out.printf(Locale.ROOT, "| %s | messages handled (batches; failed and left to come back) | %.2f | %.2f batches, %.2f failed |%n",
                        name, s.messages / n, s.batches / n, s.failedMessages / n);
                System.out.printf(Locale.ROOT, "| %s | callbacks received (refused) | %.2f | %d refused; callback route %.1f ms per payout |%n",
                        name, s.callbacks / n, s.callbacksRefused, s.callbackNanos / 1e6 / n);
                row(name, "metrics counted", s.of("metrics"), n);
                row(name, "payout status at the end of the round (read back)", s.of("states"), n);
                Map<String, Long> spent = s.of("workerNanos");
                long accounted = spent.values().stream().mapToLong(Long::longValue).sum();
                System.out.printf(Locale.ROOT, "| %s | worker handler time, ms | %.1f | %s, the rest (the worker's own code, logging, waiting for a core) %.1f |%n",
                        name, s.handlerNanos / 1e6 / n, spent.entrySet().stream()
                                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1e6 / n))
                                .collect(Collectors.joining(", ")), (s.handlerNanos - accounted) / 1e6 / n);
            });
        });
        System.out.println();
        System.out.println("Percentiles by nearest rank over the kept rounds; a round's rate is its payouts over the time from the first "
                + "message to the last PayoutConfirmed. Log: " + run.log());
    }

    private static void row(String variant, String what, Map<String, Long> counts, double payouts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        String by = counts.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, e.getValue() / payouts < 0.01 ? "`%s` %.3f (%d of %.0f)" : "`%s` %.2f",
                        e.getKey().replaceFirst("^(DynamoDb|Kms|Sqs)\\.", ""), e.getValue() / payouts, e.getValue(), payouts))
                .collect(Collectors.joining(", "));
        System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %s |%n", variant, what, total / payouts, by.isEmpty() ? "none" : by);
    }

    private static Map<String, Long> only(Map<String, Long> counts, String prefix) {
        Map<String, Long> selected = new TreeMap<>();
        counts.forEach((name, count) -> {
            if (name.startsWith(prefix)) {
                selected.put(name, count);
            }
        });
        return selected;
    }

    /** {@code {A=1,B=2}} back into a map. */
    private static Map<String, Long> decode(String encoded) {
        Map<String, Long> counts = new TreeMap<>();
        String inner = encoded.substring(1, encoded.length() - 1);
        if (inner.isEmpty()) {
            return counts;
        }
        for (String pair : inner.split(",")) {
            int eq = pair.lastIndexOf('=');
            counts.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return counts;
    }

    /** No payout paid twice: one custody transaction per payout accepted, none a second submission, every one COMPLETED. */
    private static void custodyCheck(ChildJvm.Run run, CustodySimulator simulator, int armed, List<String> failures) {
        long accepted = run.lines().stream().filter(l -> l.get("kind").equals("run")).mapToLong(l -> Long.parseLong(l.get("payouts"))).sum();
        List<CustodyTransaction> transactions = simulator.transactions();
        long secondSubmissions = transactions.stream().filter(t -> t.externalTxId().contains("~r")).count();
        Map<String, Long> statuses = transactions.stream().collect(Collectors.groupingBy(t -> t.status().name(), TreeMap::new, Collectors.counting()));
        System.out.println();
        System.out.printf(Locale.ROOT, "custody simulator: %d transactions for %d payouts accepted (all rounds, warm-up and disturbed ones too); "
                        + "second submissions %d; statuses %s; %d creates armed to lose their answer; %d simulator failures%s%n",
                transactions.size(), accepted, secondSubmissions, statuses, armed, failures.size(),
                failures.isEmpty() ? "" : " (first: " + failures.getFirst() + ")");
    }
}
