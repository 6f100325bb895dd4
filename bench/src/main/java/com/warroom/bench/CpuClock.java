package com.warroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time from Linux's /proc, in milliseconds: the whole machine's busy time (every core, and time stolen by the
 * hypervisor) and this process's own. Their difference over a run is what other processes used meanwhile, which
 * is how the benches notice a shared machine disturbing a measurement.
 */
final class CpuClock {

    /** USER_HZ on Linux: /proc counts in 1/100 s. */
    private static final long MILLIS_PER_TICK = 10;

    private CpuClock() {
    }

    /** user + nice + system + irq + softirq + steal, over all cores. */
    static long machineBusyMillis() {
        String[] f = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                + Long.parseLong(f[6]) + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        return busy * MILLIS_PER_TICK;
    }

    /** utime + stime of this process (all its threads: JIT compilers and GC included). */
    static long processMillis() {
        return processMillis(Path.of("/proc/self/stat"));
    }

    /** utime + stime of another process, e.g. the launcher serving DynamoDB Local and KMS to a child. */
    static long processMillis(long pid) {
        return processMillis(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static long processMillis(Path statFile) {
        String stat = read(statFile);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MILLIS_PER_TICK;
    }

    /**
     * Waits until the machine has been nearly idle (under {@code maxBusyCores} busy) for two half-second
     * windows in a row, or {@code maxWait} has passed; returns how long it waited.
     */
    static Duration awaitQuiet(double maxBusyCores, Duration maxWait) throws InterruptedException {
        long start = System.nanoTime();
        int quietWindows = 0;
        while (quietWindows < 2 && System.nanoTime() - start < maxWait.toNanos()) {
            long before = machineBusyMillis();
            long ownBefore = processMillis();
            Thread.sleep(500);
            double busyCores = ((machineBusyMillis() - before) - (processMillis() - ownBefore)) / 500.0;
            quietWindows = busyCores <= maxBusyCores ? quietWindows + 1 : 0;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
