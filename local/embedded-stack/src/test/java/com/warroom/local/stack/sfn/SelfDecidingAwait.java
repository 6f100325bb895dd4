package com.warroom.local.stack.sfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * An awaitDecision function whose decision arrives before it returns: it approves its own task token through the
 * SfnClient the test sets, the race a fast approver can win in AWS.
 */
public final class SelfDecidingAwait implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static volatile SfnClient sfn;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        StepCalls.record(context.getFunctionName(), input);
        sfn.sendTaskSuccess(b -> b.taskToken((String) input.get("taskToken"))
                .output("{\"approvalId\":\"" + input.get("approvalId") + "\",\"decision\":\"APPROVED\"}"));
        return Map.of("approvalId", input.get("approvalId"));
    }
}
