package com.warroom.local.stack.sfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** A task function that records its call and answers its input plus {@code "<function name>": true}. */
public final class RecordingStep implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        StepCalls.record(context.getFunctionName(), input);
        Map<String, Object> output = new LinkedHashMap<>(input);
        output.put(context.getFunctionName(), true);
        return output;
    }
}
