package com.warroom.infra;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scan workflow's task function for {@link LocalScanOrderTest}: records which function was called, for which run and
 * segment, and in which state the local execution was at that moment. It answers as the workflow contract shapes the
 * tasks: given the execution input ({@code runId}, {@code day}, nothing else) it lists {@link #segments} segments as
 * Prepare does; given a segment it scans it, failing every attempt for the segment {@link #failingSegment}; given
 * anything else it answers its input. Public with a no-arg constructor: the local Step Functions builds it by class name.
 */
public final class ScanOrderRecordingTask implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** One invocation: the run of its payload, the function's name, the state the execution was in, the segment (or -1). */
    record Call(String runId, String function, String state, int segment) {
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    /** The state the execution of a run id is in; set by the test before it starts executions. */
    static volatile Function<String, String> stateOf = runId -> "?";
    /** How many segments Prepare lists. */
    static volatile int segments = 3;
    /** The segment that fails on every attempt; -1: none. */
    static volatile int failingSegment = -1;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String runId = String.valueOf(input.get("runId"));
        Object segment = input.get("segment");
        CALLS.add(new Call(runId, context.getFunctionName(), stateOf.apply(runId), segment == null ? -1 : ((Number) segment).intValue()));
        if (segment != null) {
            if (((Number) segment).intValue() == failingSegment) {
                throw new IllegalStateException("segment " + segment + " of " + runId + " cannot be read");
            }
            return Map.of("runId", runId, "segment", segment);
        }
        Map<String, Object> output = new LinkedHashMap<>(input);
        if (!input.containsKey("segments") && !input.containsKey("error")) {
            List<Map<String, Object>> listed = new ArrayList<>();
            for (int i = 0; i < segments; i++) {
                listed.add(Map.of("runId", runId, "day", input.get("day"), "table", "ledger-entries", "segment", i, "totalSegments", segments));
            }
            output.put("segments", listed);
        }
        return output;
    }

    /** The calls made for this run, in call order. */
    static List<Call> callsFor(String runId) {
        return CALLS.stream().filter(call -> call.runId().equals(runId)).toList();
    }
}
