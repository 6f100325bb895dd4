package com.warroom.bench;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Warroom's cold start against the plain-Java peer in {@code ../shared/peers/serverless-java-dagger}, in one run: the
 * embedded DynamoDB Local here, then fresh JVMs one after another and alternating — a JVM printing "hi" (the floor),
 * the peer answering its {@code GET /products/p1} (one GetItem), flag-read answering
 * {@code GET /v1/system-flags/check} and flag-admin answering {@code POST /v1/admin/system-flags/set} (a flag change
 * and its audit entry), each from its own Lambda jar with Lambda's JVM options. Reports per subject the median and p90
 * of the whole process (spawn to exit), the peak RSS, the classes loaded (one extra run with class-load logging), and
 * for each function the median of its per-round ratios to the peer.
 */
public final class ColdStartVsPeer {

    private static final List<String> LAMBDA_JVM = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** One thing started in fresh JVMs: its command and environment. */
    private record Subject(String label, List<String> command, Map<String, String> environment, boolean answersStatus) {
    }

    /** One fresh JVM's figures. */
    private record Sample(double wallMillis, long peakRssKb) {
    }

    private ColdStartVsPeer() {
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
        BenchArgs options = new BenchArgs(args, ColdInit.ordered(
                "runs", "10",
                "only", "",
                "peer-build", "bench/target/peer",
                "jars", "bench/target/run-jars",
                "logs", "bench/target/bench-logs"));
        int runs = options.number("runs");
        Path logs = Files.createDirectories(Path.of(options.text("logs")));
        Path peerBuild = Path.of(options.text("peer-build")).toAbsolutePath();
        Path jars = Path.of(options.text("jars")).toAbsolutePath();
        MachineInfo.print("cold start vs the plain-Java peer: fresh JVM -> first answer -> exit");

        try (BenchStack stack = BenchStack.startSeeded()) {
            BenchStack.warmUp(300);
            seedPeerTable(stack.dynamoDb());
            Map<String, String> env = new LinkedHashMap<>(stack.lambdaEnvironment());
            env.put("PRODUCT_TABLE_NAME", "products");
            env.put("AWS_XRAY_CONTEXT_MISSING", "IGNORE_ERROR");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String benchClasses = jars.resolve("bench-classes").toString();

            List<Subject> all = List.of(
                    new Subject("hi (JVM floor)", command(java, benchClasses, Hi.class.getName()), env, false),
                    new Subject("peer (Dagger, GetItem)", command(java, peerBuild.resolve("peer.jar") + File.pathSeparator
                            + peerBuild.resolve("harness"), "PeerChild"), env, false),
                    warroom("flag-read", Topology.FLAG_READ, "GET /v1/system-flags/check", "support", "-", java, jars, benchClasses, env),
                    warroom("flag-admin", Topology.FLAG_ADMIN, "POST /v1/admin/system-flags/set", "ops",
                            "{\"flag\":\"feed.posting\",\"scope\":\"user:bench\",\"enabled\":false,\"reason\":\"cold start bench run\"}",
                            java, jars, benchClasses, env));

            List<Subject> subjects = all;
            if (!options.text("only").isBlank()) {
                // for quick looks while working on one function: the floor and the peer always run, for the ratio
                List<String> wanted = List.of(options.text("only").split(","));
                subjects = all.stream().filter(s -> all.indexOf(s) < 2 || wanted.stream().anyMatch(s.label()::startsWith)).toList();
            }
            Map<Subject, List<Sample>> samples = new LinkedHashMap<>();
            subjects.forEach(s -> samples.put(s, new ArrayList<>()));
            for (int round = 0; round <= runs; round++) {
                for (Subject subject : subjects) {
                    Sample sample = once(subject, logs.resolve(fileName(subject) + "-" + round + ".log"), List.of());
                    System.out.printf(Locale.ROOT, "  round %2d %-24s %7.1f ms  %,7d KiB%s%n", round, subject.label(),
                            sample.wallMillis(), sample.peakRssKb(), round == 0 ? "  (discarded: page cache)" : "");
                    if (round > 0) {
                        samples.get(subject).add(sample);
                    }
                }
            }
            System.out.println();
            report(subjects, samples, logs);
        }
    }

    private static Subject warroom(String label, FunctionDef function, String routeKey, String role, String body, String java,
                                   Path jars, String benchClasses, Map<String, String> env) {
        Path jar = jars.resolve(Path.of(function.jarPath()).getFileName());
        Map<String, String> own = new LinkedHashMap<>(env);
        own.put("POWERTOOLS_SERVICE_NAME", function.name());
        return new Subject(label + " (" + jar.getFileName() + ")",
                command(java, jar + File.pathSeparator + benchClasses, ColdStartChild.class.getName(),
                        function.handlerClass(), routeKey, role, body), own, true);
    }

    private static List<String> command(String java, String classpath, String main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(LAMBDA_JVM);
        command.addAll(List.of("-cp", classpath, main));
        command.addAll(List.of(args));
        return command;
    }

    private static Sample once(Subject subject, Path log, List<String> extraJvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        boolean timed = Files.isExecutable(GNU_TIME);
        if (timed) {
            command.addAll(List.of(GNU_TIME.toString(), "-f", "PEAK-RSS-KB=%M"));
        }
        command.add(subject.command().getFirst());
        command.addAll(extraJvmOptions);
        command.addAll(subject.command().subList(1, subject.command().size()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(n -> n.startsWith("AWS_") || n.startsWith("WARROOM_") || n.startsWith("POWERTOOLS_")
                || n.endsWith("JAVA_OPTIONS") || n.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(subject.environment());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(subject.label() + " did not finish; see " + log);
        }
        double wall = (System.nanoTime() - start) / 1e6;
        List<String> lines = Files.readAllLines(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(subject.label() + " exited " + process.exitValue() + "; see " + log);
        }
        if (subject.answersStatus() && lines.stream().noneMatch(l -> l.startsWith(ColdStartChild.MARKER + " status=20"))) {
            throw new IllegalStateException(subject.label() + " did not answer 2xx; see " + log);
        }
        long rss = lines.stream().filter(l -> l.startsWith("PEAK-RSS-KB=")).mapToLong(l -> Long.parseLong(l.substring(12).trim()))
                .findFirst().orElse(-1);
        return new Sample(wall, rss);
    }

    private static void report(List<Subject> subjects, Map<Subject, List<Sample>> samples, Path logs) throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "%d fresh JVMs per subject, alternating, Lambda JVM options %s%n", samples.get(subjects.getFirst()).size(), LAMBDA_JVM);
        System.out.println("| subject | median ms | p90 ms | min ms | median peak RSS MiB | classes loaded |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Subject subject : subjects) {
            Summary wall = Summary.of(samples.get(subject).stream().map(Sample::wallMillis).toList());
            Summary rss = Summary.of(samples.get(subject).stream().map(s -> s.peakRssKb() / 1024.0).toList());
            Path classLog = logs.resolve(fileName(subject) + "-classes.txt");
            once(subject, logs.resolve(fileName(subject) + "-classes.log"), ClassLoadHistogram.jvmOptions(classLog));
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %,d |%n", subject.label(), wall.median(), wall.p90(), wall.min(),
                    rss.median(), ClassLoadHistogram.count(classLog));
        }
        System.out.println();
        Subject peer = subjects.get(1);
        System.out.println("| function / peer | median of the per-round ratios | ratio of the medians |");
        System.out.println("|---|---:|---:|");
        for (Subject subject : subjects.subList(2, subjects.size())) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < samples.get(subject).size(); i++) {
                ratios.add(samples.get(subject).get(i).wallMillis() / samples.get(peer).get(i).wallMillis());
            }
            double ofMedians = Summary.of(samples.get(subject).stream().map(Sample::wallMillis).toList()).median()
                    / Summary.of(samples.get(peer).stream().map(Sample::wallMillis).toList()).median();
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", subject.label(), Summary.of(ratios).median(), ofMedians);
        }
        System.out.println();
        for (Subject subject : subjects.subList(1, subjects.size())) {
            System.out.println(subject.label() + ", classes by origin:");
            ClassLoadHistogram.print(logs.resolve(fileName(subject) + "-classes.txt"), 12);
        }
    }

    private static String fileName(Subject subject) {
        return subject.label().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "");
    }

    private static void seedPeerTable(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName("products").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH)));
        dynamo.putItem(b -> b.tableName("products").item(Map.of(
                "PK", AttributeValue.fromS("p1"), "name", AttributeValue.fromS("Phone"), "price", AttributeValue.fromN("100"))));
    }
}
