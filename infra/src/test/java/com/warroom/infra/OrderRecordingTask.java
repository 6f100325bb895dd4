package com.warroom.infra;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A workflow task function for {@link LocalWorkflowOrderTest}: records which function was called, for which approval,
 * and in which state the local execution was at that moment, then answers its input (so the approval id carries on).
 * Public with a no-arg constructor: the local Step Functions builds it by class name, as Lambda would.
 */
public final class OrderRecordingTask implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** One invocation: the approval id of its payload, the function's name, the state the execution was in. */
    record Call(String approvalId, String function, String state) {
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    /** The state the execution of an approval id is in; set by the test before it starts executions. */
    static volatile Function<String, String> stateOf = approvalId -> "?";

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String approvalId = String.valueOf(input.get("approvalId"));
        CALLS.add(new Call(approvalId, context.getFunctionName(), stateOf.apply(approvalId)));
        Map<String, Object> output = new LinkedHashMap<>(input);
        output.remove("taskToken");
        return output;
    }

    /** The calls made for this approval id, in call order. */
    static List<Call> callsFor(String approvalId) {
        return CALLS.stream().filter(call -> call.approvalId().equals(approvalId)).toList();
    }
}
