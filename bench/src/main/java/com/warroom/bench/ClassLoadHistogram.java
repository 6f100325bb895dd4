package com.warroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts the classes a child loaded, from its {@code -Xlog:class+load} file, by where they came from: the JDK's
 * CDS archive, the JDK's modules, generated at run time, or the application classpath grouped by library.
 */
final class ClassLoadHistogram {

    private ClassLoadHistogram() {
    }

    static List<String> jvmOptions(Path logFile) {
        return List.of("-Xlog:class+load=info:file=" + logFile.toAbsolutePath());
    }

    /** How many classes the log says were loaded. */
    static long count(Path logFile) throws IOException {
        try (var lines = Files.lines(logFile)) {
            return lines.filter(l -> l.contains("[class,load] ") && l.contains(" source: ")).count();
        }
    }

    static void print(Path logFile, int top) throws IOException {
        Map<String, Long> groups = new TreeMap<>();
        for (String line : Files.readAllLines(logFile)) {
            int marker = line.indexOf("[class,load] ");
            int source = line.indexOf(" source: ");
            if (marker < 0 || source < 0) {
                continue;
            }
            String className = line.substring(marker + "[class,load] ".length(), source);
            groups.merge(group(className, line.substring(source + " source: ".length())), 1L, Long::sum);
        }
        long total = groups.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "classes loaded by one child up to its exit: %,d%n", total);
        System.out.println("| where from | classes |");
        System.out.println("|---|---:|");
        List<Map.Entry<String, Long>> sorted = groups.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).toList();
        sorted.stream().limit(top).forEach(e -> System.out.printf(Locale.ROOT, "| %s | %,d |%n", e.getKey(), e.getValue()));
        long rest = sorted.stream().skip(top).mapToLong(Map.Entry::getValue).sum();
        if (rest > 0) {
            System.out.printf(Locale.ROOT, "| %d smaller groups | %,d |%n", sorted.size() - top, rest);
        }
        System.out.println();
    }

    private static String group(String className, String source) {
        if (source.equals("shared objects file")) {
            return "JDK, mapped from the CDS archive";
        }
        if (source.startsWith("jrt:/")) {
            return "JDK, loaded from its modules (not in the CDS archive)";
        }
        if (!source.startsWith("file:")) {
            return "generated at run time (lambdas, method handles, proxies)";
        }
        if (className.startsWith("com.warroom.")) {
            return "com.warroom (Warroom's own)";
        }
        String packageName = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "(default package)";
        return Arrays.stream(packageName.split("\\.")).limit(3).collect(Collectors.joining(".")) + ".*";
    }
}
