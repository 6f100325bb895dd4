package com.warroom.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * What Midtrans's Java library ({@code com.midtrans:java-library} 3.1.6, with OkHttp, Retrofit and their
 * dependencies) would cost the payments functions, against the JDK-HttpClient client they use: the bytes and classes
 * it would add to the payments Lambda jar, and the classes a fresh JVM loads to make one get-status call with each
 * (fresh JVMs, alternating, {@code -Xlog:class+load}, Lambda's JVM options). Also reports what the library logs.
 */
public final class MidtransClientFootprint {

    static final String MARKER = "MIDTRANS-FOOTPRINT";
    static final String KEY = "SB-Mid-server-bench-not-a-real-key";
    static final String ORDER = "O-bench-1";
    /** Where the library always goes in sandbox mode; the JDK client is sent there too, to fail at the same step offline. */
    static final String SANDBOX = "https://api.sandbox.midtrans.com";
    private static final List<String> LIBRARY_PATHS = List.of("/com/midtrans/", "/com/squareup/", "/org/json/json/", "/org/projectlombok/");

    private MidtransClientFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        String defaultJar = Path.of(System.getProperty("bench.lambdaJar", "functions/flag-toggle/target/flag-read-lambda.jar"))
                .resolveSibling("payments-lambda.jar").toString();
        BenchArgs options = new BenchArgs(args, ColdInit.ordered("runs", "5", "lambda-jar", defaultJar, "logs", "bench/target/bench-logs"));
        Path jar = Path.of(options.text("lambda-jar"));
        Path logs = Files.createDirectories(Path.of(options.text("logs")));
        List<Path> library = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> LIBRARY_PATHS.stream().anyMatch(entry::contains)).map(Path::of).toList();
        if (library.isEmpty()) {
            throw new IllegalStateException("Midtrans's library is not on the launcher's classpath (bench/pom.xml declares it)");
        }
        MachineInfo.print("The Midtrans client: the JDK's HttpClient against Midtrans's Java library, one run");

        System.out.println();
        System.out.println("| jar | bytes | classes |");
        System.out.println("|---|---:|---:|");
        long libraryBytes = 0;
        long libraryClasses = 0;
        for (Path entry : library) {
            long bytes = Files.size(entry);
            long classes = classesIn(entry);
            libraryBytes += bytes;
            libraryClasses += classes;
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d |%n", entry.getFileName(), bytes, classes);
        }
        long jarBytes = Files.size(jar);
        long jarClasses = classesIn(jar);
        System.out.printf(Locale.ROOT, "| **the library and its dependencies** | **%,d** | **%,d** |%n", libraryBytes, libraryClasses);
        System.out.printf(Locale.ROOT, "| %s (as built, without the library) | %,d | %,d |%n", jar.getFileName(), jarBytes, jarClasses);
        System.out.printf(Locale.ROOT, "| the payments jar with the library (sum) | %,d (+%.1f%%) | %,d (+%.1f%%) |%n", jarBytes + libraryBytes,
                100.0 * libraryBytes / jarBytes, jarClasses + libraryClasses, 100.0 * libraryClasses / jarClasses);

        HttpServer midtrans = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] settlement = ("{\"status_code\":\"200\",\"transaction_status\":\"settlement\",\"fraud_status\":\"accept\",\"gross_amount\":\"150000.00\","
                + "\"currency\":\"IDR\",\"order_id\":\"" + ORDER + "\",\"transaction_id\":\"tx-1\",\"payment_type\":\"bank_transfer\"}")
                .getBytes(StandardCharsets.UTF_8);
        midtrans.createContext("/v2/" + ORDER + "/status", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, settlement.length);
            exchange.getResponseBody().write(settlement);
            exchange.close();
        });
        midtrans.start();
        String baseUrl = "http://127.0.0.1:" + midtrans.getAddress().getPort();
        String jarClasspath = ChildJvm.lambdaJarClasspath(jar);
        String libraryClasspath = jarClasspath + File.pathSeparator + String.join(File.pathSeparator, library.stream().map(Path::toString).toList());
        Map<String, List<Long>> loaded = new LinkedHashMap<>();
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        boolean logsAuthorization = false;
        try {
            for (int run = 1; run <= options.number("runs"); run++) {
                for (Child child : List.of(new Child("baseline", jarClasspath, MidtransFootprintBaseline.class, List.of()),
                        new Child("jdk-client", jarClasspath, MidtransJdkChild.class, List.of(baseUrl)),
                        new Child("jdk-client-to-sandbox", jarClasspath, MidtransJdkChild.class, List.of(SANDBOX)),
                        new Child("midtrans-library", libraryClasspath, MidtransLibraryChild.class, List.of()))) {
                    Path classLog = logs.resolve("midtrans-" + child.name() + "-classes.log");
                    Files.deleteIfExists(classLog);
                    List<String> jvm = new ArrayList<>(JvmVariant.LAMBDA_DEFAULTS.options());
                    jvm.addAll(ClassLoadHistogram.jvmOptions(classLog));
                    Path out = logs.resolve("midtrans-" + child.name() + ".log");
                    ChildJvm.Run result = new ChildJvm(child.classpath(), Map.of()).run(jvm, child.main(), child.args(), MARKER, out);
                    Map<String, String> line = result.lines().getFirst();
                    loaded.computeIfAbsent(child.name(), k -> new ArrayList<>()).add(ClassLoadHistogram.count(classLog));
                    millis.computeIfAbsent(child.name(), k -> new ArrayList<>()).add(Long.parseLong(line.get("answeredNs")) / 1e6);
                    outcomes.put(child.name(), line.get("outcome"));
                    if (child.name().equals("midtrans-library")) {
                        logsAuthorization |= Files.readString(out).contains("Authorization: Basic");
                    }
                }
            }
        } finally {
            midtrans.stop(0);
        }
        long baseline = (long) Summary.of(loaded.get("baseline").stream().map(Long::doubleValue).toList()).median();
        System.out.println();
        System.out.printf(Locale.ROOT, "Fresh JVMs (%s), %d runs each, alternating:%n", JvmVariant.LAMBDA_DEFAULTS.label(), options.number("runs"));
        System.out.println();
        System.out.println("| child | outcome | classes loaded (median) | beyond the baseline | main() to outcome, median ms |");
        System.out.println("|---|---|---:|---:|---:|");
        loaded.forEach((name, counts) -> {
            long median = (long) Summary.of(counts.stream().map(Long::doubleValue).toList()).median();
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %.1f |%n", name, outcomes.get(name), median, median - baseline,
                    Summary.of(millis.get(name)).median());
        });
        System.out.println();
        System.out.println("The library's log (sandbox mode) holds the request's Authorization header, i.e. the server key in base64: "
                + (logsAuthorization ? "YES" : "no"));
        System.out.println("Logs: " + logs.toAbsolutePath());
    }

    private record Child(String name, String classpath, Class<?> main, List<String> args) {
    }

    private static long classesIn(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().filter(e -> e.getName().endsWith(".class")).count();
        }
    }
}
