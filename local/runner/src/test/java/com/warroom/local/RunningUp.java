package com.warroom.local;

import com.warroom.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code warroom up} running in-process on a thread of its own, stopped the way a signal would stop it. */
final class RunningUp implements AutoCloseable {

    // a guard against a hang, not a timing assertion: starting takes seconds
    private static final long STARTUP_GUARD_MINUTES = 3;
    private static final Pattern API_URL = Pattern.compile("API gateway\\s+(http://\\S+)");
    private static final Pattern QUEUE_URL = Pattern.compile("Queue\\s+(http://\\S+)");

    private final CountDownLatch stop = new CountDownLatch(1);
    private final Output out = new Output();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exitCode;

    private RunningUp(Map<String, String> variables, Path workingDirectory, Topology topology) {
        RunnerEnvironment env = new RunnerEnvironment(variables, workingDirectory,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> stop::await);
        exitCode = CompletableFuture.supplyAsync(() -> WarroomCli.run(env, topology, "up"), runnable -> new Thread(runnable, "warroom-up").start());
        exitCode.whenComplete((code, failure) -> out.wake());
    }

    /** Starts {@code up} and returns once it has printed that it is up. */
    static RunningUp start(Map<String, String> variables, Path workingDirectory) throws InterruptedException {
        return start(variables, workingDirectory, Topology.warroom());
    }

    /** {@code up} over another wiring (functions standing in for ones this build does not have). */
    static RunningUp start(Map<String, String> variables, Path workingDirectory, Topology topology) throws InterruptedException {
        RunningUp up = new RunningUp(variables, workingDirectory, topology);
        up.out.awaitLine(line -> line.equals("Ctrl-C stops it."), up.exitCode::isDone, STARTUP_GUARD_MINUTES);
        if (up.exitCode.isDone()) {
            throw new AssertionError("up exited early: " + up.err.toString(StandardCharsets.UTF_8));
        }
        return up;
    }

    URI apiUrl() {
        Matcher url = API_URL.matcher(out.text());
        if (!url.find()) {
            throw new AssertionError("no API URL in: " + out.text());
        }
        return URI.create(url.group(1));
    }

    /** The first queue the banner lists. */
    URI queueUrl() {
        Matcher url = QUEUE_URL.matcher(out.text());
        if (!url.find()) {
            throw new AssertionError("no queue URL in: " + out.text());
        }
        return URI.create(url.group(1));
    }

    String out() {
        return out.text();
    }

    /** Sends the stop signal and returns up's exit code. */
    int stop() throws Exception {
        stop.countDown();
        return exitCode.get(STARTUP_GUARD_MINUTES, TimeUnit.MINUTES);
    }

    @Override
    public void close() throws Exception {
        if (!exitCode.isDone()) {
            stop();
        }
    }

    /** What up prints, with a way to wait for a line. */
    private static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            if (b == '\n') {
                notifyAll();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized void wake() {
            notifyAll();
        }

        /** Waits until a line is wanted, or until there is no point waiting any more. */
        synchronized void awaitLine(Predicate<String> wanted, BooleanSupplier over, long guardMinutes) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(guardMinutes);
            while (text().lines().noneMatch(wanted) && !over.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("up printed no such line: " + text());
                }
                wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }
}
