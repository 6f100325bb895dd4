package com.warroom.approvals.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.topology.Topology;
import java.util.Map;

/**
 * Task WaitForDecision (a {@code waitForTaskToken} Lambda task): input {@code {"approvalId","taskToken"}}.
 * It returns at once; the state ends when the decision route sends the token's success, or at the
 * state's timeout.
 */
public final class AwaitDecisionHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final DecisionWait wait;

    public AwaitDecisionHandler() {
        this(new DecisionWait(StepWiring.services(AwsClients.dynamoDbEnhanced())));
        WorkflowStep.primeWith(Topology.APPROVAL_AWAIT, origin -> wait.keep(WorkflowStep.PRIMING_ID, "priming", origin));
    }

    AwaitDecisionHandler(DecisionWait wait) {
        this.wait = wait;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return WorkflowStep.run(context, input, origin -> {
            String id = StepInput.approvalId(input);
            wait.keep(id, StepInput.taskToken(input), origin);
            return Map.of("approvalId", id, "awaiting", true);
        });
    }
}
