package com.warroom.bench;

import com.warroom.topology.Topology;
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
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Postings per second through {@code Ledger.post} (issue 10), and what one posting costs in DynamoDB and KMS calls: a
 * two-account transfer and a four-account fee split, each through a warm ledger (it sealed the balances itself), through
 * two ledgers taking turns (each verifies what the other sealed, as a fresh Lambda instance does) and without KMS
 * ({@link NoKmsSealer}); then several writers racing on the same two accounts. The launcher starts the embedded stack
 * (DynamoDB Local and the local KMS on loopback) and one {@link LedgerPostingChild} JVM on the ledger function's jar with
 * Lambda's JVM options; this prints medians over the rounds and the calls per posting, counted by an SDK
 * {@code ExecutionInterceptor} ({@link CallCounter}).
 */
public final class LedgerPosting {

    private LedgerPosting() {
    }

    /** The samples and calls of one subject over the kept rounds. */
    private static final class Subject {
        final List<Double> millis = new ArrayList<>();
        final List<Double> roundRates = new ArrayList<>();
        final Map<String, Long> calls = new TreeMap<>();
    }

    public static void main(String[] args) {
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
                .resolveSibling("ledger-lambda.jar").toString();
        BenchArgs options = new BenchArgs(args, ColdInit.ordered(
                "warmup", "3",
                "rounds", "10",
                "ops", "10",
                "writers", "4",
                "contended-postings", "15",
                "contended-rounds", "3",
                "variant", JvmVariant.LAMBDA_DEFAULTS.label(),
                "lambda-jar", defaultJar,
                "logs", "bench/target/bench-logs"));
        JvmVariant variant = JvmVariant.parse(options.text("variant")).getFirst();
        Path logs = Files.createDirectories(Path.of(options.text("logs")));

        MachineInfo.print("Ledger posting: Ledger.post through DynamoDB Local and the local KMS, one run");
        System.out.printf(Locale.ROOT, "child JVM %s on %s; %s warm-up + %s measured rounds, %s postings per subject per round; "
                        + "then %s rounds of %s writers x %s postings on the same two accounts%n",
                variant.label(), Path.of(options.text("lambda-jar")).getFileName(), options.text("warmup"), options.text("rounds"),
                options.text("ops"), options.text("contended-rounds"), options.text("writers"), options.text("contended-postings"));

        // DynamoDB Local logs every lost race of the racing writers (a cancelled transaction) as a warning with its stack
        Configurator.setLevel("com.amazonaws.services.dynamodbv2", Level.ERROR);
        Topology noKmsTables = Topology.builder().tables(LedgerPostingChild.BALANCES_NO_KMS, LedgerPostingChild.ENTRIES_NO_KMS).build();
        try (BenchStack stack = BenchStack.startProvisioned(noKmsTables)) {
            Map<String, String> environment = new LinkedHashMap<>(stack.lambdaEnvironment());
            environment.put("POWERTOOLS_SERVICE_NAME", "ledger-bench");
            ChildJvm child = new ChildJvm(ChildJvm.lambdaJarClasspath(Path.of(options.text("lambda-jar"))), environment);
            Duration waited = CpuClock.awaitQuiet(0.15, Duration.ofMinutes(2));
            double speedBefore = HostSpeed.megabytesPerSecond(60);
            List<String> childArgs = List.of("--warmup", options.text("warmup"), "--rounds", options.text("rounds"),
                    "--ops", options.text("ops"), "--writers", options.text("writers"),
                    "--contended-postings", options.text("contended-postings"),
                    "--contended-rounds", options.text("contended-rounds"),
                    "--launcher-pid", Long.toString(ProcessHandle.current().pid()),
                    "--max-other-cores", Double.toString(FlagGateThroughput.MAX_OTHER_CORES));
            ChildJvm.Run run = child.run(variant.options(), LedgerPostingChild.class, childArgs, LedgerPostingChild.MARKER,
                    logs.resolve("ledger-posting-" + variant.label() + ".log"));
            double speedAfter = HostSpeed.megabytesPerSecond(60);
            report(run, options, waited, speedBefore, speedAfter);
        }
    }

    private static void report(ChildJvm.Run run, BenchArgs options, Duration waited, double speedBefore, double speedAfter) {
        long clean = run.lines().stream().filter(l -> l.get("kind").equals("round") && l.get("phase").equals("measure")).count();
        // too few clean rounds (a machine other sessions keep busy): use the disturbed rounds too, and say so
        boolean fallBack = clean < options.number("rounds");
        Set<String> kept = fallBack ? Set.of("measure", "disturbed") : Set.of("measure");
        Map<String, Subject> subjects = new LinkedHashMap<>();
        List<Double> otherCores = new ArrayList<>();
        List<Map<String, String>> contended = new ArrayList<>();
        String end = "";
        for (Map<String, String> line : run.lines()) {
            switch (line.get("kind")) {
                case "samples" -> {
                    if (!kept.contains(line.get("phase"))) {
                        continue;
                    }
                    Subject s = subjects.computeIfAbsent(line.get("shape") + " | " + line.get("variant"), k -> new Subject());
                    List<Double> round = Arrays.stream(line.get("nanos").split(",")).map(n -> Long.parseLong(n) / 1e6).toList();
                    s.millis.addAll(round);
                    s.roundRates.add(round.size() * 1000.0 / round.stream().mapToDouble(Double::doubleValue).sum());
                    decode(line.get("calls")).forEach((name, count) -> s.calls.merge(name, count, Long::sum));
                }
                case "round" -> {
                    if (kept.contains(line.get("phase"))) {
                        otherCores.add(Double.parseDouble(line.get("otherCores")));
                    }
                }
                case "contended" -> contended.add(line);
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
        System.out.println("One writer (a Lambda instance handles one posting at a time):");
        System.out.println();
        System.out.println("| posting | ledger | postings | median ms | p90 ms | postings/s (median of rounds) | rounds' range "
                + "| DynamoDB calls per posting | GenerateMac per posting | VerifyMac per posting |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---|---:|---:|");
        subjects.forEach((name, s) -> {
            Summary latency = Summary.of(s.millis);
            Summary rate = Summary.of(s.roundRates);
            int n = latency.count();
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | **%.1f** | %.1f-%.1f | %s | %s | %s |%n",
                    name, n, latency.median(), latency.p90(), rate.median(), rate.min(), rate.max(),
                    dynamoDb(s.calls, n), perPosting(s.calls.getOrDefault("Kms.GenerateMac", 0L), n),
                    perPosting(s.calls.getOrDefault("Kms.VerifyMac", 0L), n));
        });
        System.out.println();
        System.out.println("Writers racing on the same two accounts (each with a ledger of its own), per round:");
        System.out.println();
        System.out.println("| writers | postings | wall s | postings/s | transactions tried per posting | DynamoDB calls per posting "
                + "| GenerateMac per posting | VerifyMac per posting | LedgerContention (posted again) |");
        System.out.println("|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        List<Double> rates = new ArrayList<>();
        for (Map<String, String> line : contended) {
            int postings = Integer.parseInt(line.get("postings"));
            double seconds = Long.parseLong(line.get("wallMillis")) / 1000.0;
            Map<String, Long> calls = decode(line.get("calls"));
            rates.add(postings / seconds);
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.1f | %s | %s | %s | %s | %s |%n", line.get("writers"), postings,
                    seconds, postings / seconds, perPosting(calls.getOrDefault("DynamoDb.TransactWriteItems", 0L), postings),
                    dynamoDb(calls, postings), perPosting(calls.getOrDefault("Kms.GenerateMac", 0L), postings),
                    perPosting(calls.getOrDefault("Kms.VerifyMac", 0L), postings), line.get("contentions"));
        }
        if (!rates.isEmpty()) {
            System.out.printf(Locale.ROOT, "%nmedian of the racing rounds: %.1f postings/s%n", Summary.of(rates).median());
        }
        System.out.println();
        System.out.println("Calls are counted by an ExecutionInterceptor on the child's DynamoDB and KMS clients (API calls; "
                + "the SDK made no retries unless the log says so). Percentiles by nearest rank. Log: " + run.log());
    }

    /** {@code 3.00 (BatchGetItem 2.00, TransactWriteItems 1.00)}. */
    private static String dynamoDb(Map<String, Long> calls, int postings) {
        Map<String, Long> dynamo = calls.entrySet().stream().filter(e -> e.getKey().startsWith("DynamoDb."))
                .collect(Collectors.toMap(e -> e.getKey().substring("DynamoDb.".length()), Map.Entry::getValue, Long::sum, TreeMap::new));
        long total = dynamo.values().stream().mapToLong(Long::longValue).sum();
        return perPosting(total, postings) + " (" + dynamo.entrySet().stream()
                .map(e -> e.getKey() + " " + perPosting(e.getValue(), postings)).collect(Collectors.joining(", ")) + ")";
    }

    private static String perPosting(long calls, int postings) {
        return String.format(Locale.ROOT, "%.2f", calls / (double) postings);
    }

    private static Map<String, Long> decode(String calls) {
        Map<String, Long> decoded = new TreeMap<>();
        if (!calls.equals("-")) {
            for (String pair : calls.split(";")) {
                int colon = pair.lastIndexOf(':');
                decoded.put(pair.substring(0, colon), Long.parseLong(pair.substring(colon + 1)));
            }
        }
        return decoded;
    }
}
