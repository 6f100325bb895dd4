package com.warroom.bench;

import java.util.Locale;

/** Prints what the figures were measured on, at the top of every bench's output. */
final class MachineInfo {

    private MachineInfo() {
    }

    static void print(String bench) {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("== " + bench);
        System.out.printf(Locale.ROOT, "java %s (%s %s), %s %s, %d cores, %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.vendor"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"), runtime.availableProcessors(), cpuModel());
    }

    private static String cpuModel() {
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("cpu model unknown");
        } catch (java.io.IOException | RuntimeException e) {
            return "cpu model unknown";
        }
    }
}
