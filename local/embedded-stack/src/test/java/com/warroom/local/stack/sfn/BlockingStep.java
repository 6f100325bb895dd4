package com.warroom.local.stack.sfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** A task function that holds its invocation until the test opens the gate: an execution that is provably busy. */
public final class BlockingStep implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        StepCalls.record(context.getFunctionName(), input);
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new LinkedHashMap<>(input);
    }
}
