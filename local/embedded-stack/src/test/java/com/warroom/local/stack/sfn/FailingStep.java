package com.warroom.local.stack.sfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A task function that records its call and throws. */
public final class FailingStep implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        StepCalls.record(context.getFunctionName(), input);
        throw new IllegalStateException(context.getFunctionName() + " failed for " + input.get("approvalId"));
    }
}
