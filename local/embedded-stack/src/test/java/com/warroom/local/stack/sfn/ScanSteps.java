package com.warroom.local.stack.sfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The task functions of the test scan workflows. What they do comes from the execution input, which Prepare hands on:
 * {@code totalSegments} (items Prepare lists), {@code failAttempts} ({@code {"<segment>": n}}: that segment throws on
 * its first n attempts), {@code failIn} (the name of a task function
 * that throws), {@code noSegments} (Prepare answers without {@code segments}) and {@code hold} (segments wait for
 * {@link #gate}).
 */
public final class ScanSteps {

    /** One invocation: its function, the run it belongs to, its payload and the thread that ran it. */
    public record Call(String function, String runId, Map<String, Object> input, String thread) {
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static final Map<String, Flight> FLIGHTS = new ConcurrentHashMap<>();

    /** What segments of a run with {@code "hold": true} wait for (at most 10 s). */
    static volatile CountDownLatch gate = new CountDownLatch(0);

    private ScanSteps() {
    }

    /** The calls made for this run, in call order. */
    static List<Call> of(String runId) {
        return CALLS.stream().filter(call -> call.runId().equals(runId)).toList();
    }

    static List<Call> of(String runId, String function) {
        return of(runId).stream().filter(call -> call.function().equals(function)).toList();
    }

    /** The most segments of the run that were in their handler at the same moment. */
    static int mostInFlight(String runId) {
        Flight flight = FLIGHTS.get(runId);
        return flight == null ? 0 : flight.most();
    }

    private static String record(Map<String, Object> input, Context context) {
        String runId = String.valueOf(input.get("runId"));
        CALLS.add(new Call(context.getFunctionName(), runId, input, Thread.currentThread().getName()));
        if (context.getFunctionName().equals(input.get("failIn"))) {
            throw new IllegalStateException(context.getFunctionName() + " failed for " + runId);
        }
        return runId;
    }

    /** Lists {@code totalSegments} segments of the ledger. */
    public static final class Prepare implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            record(input, context);
            Map<String, Object> output = new LinkedHashMap<>(input);
            if (Boolean.TRUE.equals(input.get("noSegments"))) {
                return output;
            }
            int total = ((Number) input.get("totalSegments")).intValue();
            List<Map<String, Object>> segments = new ArrayList<>();
            for (int segment = 0; segment < total; segment++) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("runId", input.get("runId"));
                item.put("day", input.get("day"));
                item.put("table", "ledger-entries");
                item.put("segment", segment);
                item.put("totalSegments", total);
                item.put("hold", input.getOrDefault("hold", false));
                item.put("failAttempts", ((Map<?, ?>) input.getOrDefault("failAttempts", Map.of())).get(Integer.toString(segment)));
                segments.add(item);
            }
            output.put("segments", segments);
            return output;
        }
    }

    /** Scans one segment, counted while in its handler: waits for the gate when held, throws on its first {@code failAttempts} attempts. */
    public static final class Segment implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            String runId = record(input, context);
            int segment = ((Number) input.get("segment")).intValue();
            Flight flight = FLIGHTS.computeIfAbsent(runId, id -> new Flight());
            flight.takeOff();
            try {
                if (Boolean.TRUE.equals(input.get("hold"))) {
                    await(gate);
                }
            } finally {
                flight.land();
            }
            long attempts = of(runId, context.getFunctionName()).stream().filter(call -> call.input().get("segment").equals(segment)).count();
            Object failAttempts = input.get("failAttempts");
            if (failAttempts != null && attempts <= ((Number) failAttempts).intValue()) {
                throw new IllegalStateException("segment " + segment + " failed, attempt " + attempts);
            }
            return Map.of("runId", runId, "segment", segment, "items", 1000 + segment);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Combine, Report, RecordFailure: answer the input plus {@code "<function name>": true}. */
    public static final class Pass implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            record(input, context);
            Map<String, Object> output = new LinkedHashMap<>(input);
            output.remove("segments");
            output.put(context.getFunctionName(), true);
            return output;
        }
    }

    /** The segments of one run in their handlers. */
    private static final class Flight {
        private int inFlight;
        private int most;

        synchronized void takeOff() {
            inFlight++;
            most = Math.max(most, inFlight);
        }

        synchronized void land() {
            inFlight--;
        }

        synchronized int most() {
            return most;
        }
    }
}
