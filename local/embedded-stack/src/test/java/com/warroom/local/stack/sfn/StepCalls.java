package com.warroom.local.stack.sfn;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test task functions were called with, in call order, across all executions of the test JVM. */
public final class StepCalls {

    /** One invocation: the function (its name in the topology) and the payload it got. */
    public record Call(String function, Map<String, Object> input) {
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    private StepCalls() {
    }

    static void record(String function, Map<String, Object> input) {
        CALLS.add(new Call(function, input));
    }

    /** The calls whose payload names this approval, in call order. */
    public static List<Call> of(String approvalId) {
        return CALLS.stream().filter(call -> call.input() != null && approvalId.equals(call.input().get("approvalId"))).toList();
    }

    public static List<String> functionsCalledFor(String approvalId) {
        return of(approvalId).stream().map(Call::function).toList();
    }

    public static Call last(String approvalId, String function) {
        return of(approvalId).stream().filter(call -> call.function().equals(function))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(function + " was not called for " + approvalId));
    }
}
