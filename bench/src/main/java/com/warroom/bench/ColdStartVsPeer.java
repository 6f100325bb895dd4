package com.warroom.bench;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.HttpRoute;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
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
                    warroom("flag-read", Topology.FLAG_READ, "GET /v1/system-flags/check", "support", "-", "flag=contribute&round=R1", java, jars, benchClasses, env),
                    warroom("flag-admin", Topology.FLAG_ADMIN, "POST /v1/admin/system-flags/set", "ops",
                            "{\"flag\":\"feed.posting\",\"scope\":\"user:bench\",\"enabled\":false,\"reason\":\"cold start bench run\"}",
                            "-", java, jars, benchClasses, env));

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
            jarTable(java, jars, benchClasses, env, logs);
        }
    }

    /**
     * Per function: its Lambda jar's size and classes, and the classes one fresh JVM loads from constructing its handler
     * to its first answer, for an event of its trigger's kind.
     */
    private static void jarTable(String java, Path jars, String benchClasses, Map<String, String> env, Path logs)
            throws IOException, InterruptedException {
        System.out.println("Every function: its Lambda jar and the classes a fresh JVM loads to its first answer (one run each)");
        System.out.println("| function | trigger | jar | jar MB | classes in jar | classes loaded | first answer |");
        System.out.println("|---|---|---|---:|---:|---:|---|");
        for (FunctionDef function : Topology.warroom().functions()) {
            Path jar = jars.resolve(Path.of(function.jarPath()).getFileName());
            Map<String, String> own = new LinkedHashMap<>(env);
            own.put("POWERTOOLS_SERVICE_NAME", function.name());
            List<String> event = firstEvent(function);
            List<String> args = new ArrayList<>(List.of(function.handlerClass()));
            args.addAll(event);
            Subject subject = new Subject(function.name(), command(java, jar + File.pathSeparator + benchClasses,
                    ColdStartChild.class.getName(), args.toArray(String[]::new)), own, false);
            Path classLog = logs.resolve("jar-table-" + function.name() + "-classes.txt");
            Path log = logs.resolve("jar-table-" + function.name() + ".log");
            once(subject, log, ClassLoadHistogram.jvmOptions(classLog));
            String answer = Files.readAllLines(log).stream().filter(l -> l.startsWith(ColdStartChild.MARKER + " "))
                    .map(l -> l.substring(ColdStartChild.MARKER.length() + 1)).findFirst().orElse("?");
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                long classes = zip.stream().filter(e -> e.getName().endsWith(".class")).count();
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %,d | %,d | %s |%n", function.name(),
                        function.trigger().getClass().getSimpleName(), jar.getFileName(), Files.size(jar) / 1e6, classes,
                        ClassLoadHistogram.count(classLog), answer);
            }
        }
        System.out.println();
    }

    // an event of the function's trigger kind that reads, or writes only what a real first call would
    private static List<String> firstEvent(FunctionDef function) {
        return switch (function.trigger()) {
            case Trigger.Http http -> {
                HttpRoute route = http.routes().stream().filter(r -> r.method().equals("GET")).findFirst().orElse(http.routes().getFirst());
                String role = route.roles().isEmpty() ? "ops" : route.roles().stream().map(Role::claimValue).sorted().findFirst().orElseThrow();
                yield List.of("http", route.method() + " " + route.path(), role, route.method().equals("GET") ? "-" : "{}", "-");
            }
            case Trigger.QueueConsumer consumer -> List.of("sqs", "{\"flag\":\"feed.posting\",\"scope\":\"user:bench\",\"enabled\":false,"
                    + "\"reason\":\"cold start bench\",\"updatedBy\":\"bench\",\"updatedByEmail\":\"bench@warroom.test\","
                    + "\"updatedAt\":\"2026-11-30T00:00:00Z\",\"version\":" + System.nanoTime() % 1_000_000 + ",\"auditSeq\":1}");
            case Trigger.Schedule schedule -> List.of("map", schedule.payload());
            case Trigger.WorkflowTask task -> List.of("map", "{\"approvalId\":\"bench-no-such-request\",\"taskToken\":\"bench\"}");
            case Trigger.Invoked invoked -> List.of("map", "{}");
        };
    }

    private static Subject warroom(String label, FunctionDef function, String routeKey, String role, String body, String query,
                                   String java, Path jars, String benchClasses, Map<String, String> env) {
        Path jar = jars.resolve(Path.of(function.jarPath()).getFileName());
        Map<String, String> own = new LinkedHashMap<>(env);
        own.put("POWERTOOLS_SERVICE_NAME", function.name());
        return new Subject(label + " (" + jar.getFileName() + ")",
                command(java, jar + File.pathSeparator + benchClasses, ColdStartChild.class.getName(),
                        function.handlerClass(), "http", routeKey, role, body, query), own, true);
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
