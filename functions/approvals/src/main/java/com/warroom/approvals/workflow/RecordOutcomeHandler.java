package com.warroom.approvals.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.topology.Topology;
import java.util.Map;
import java.util.Optional;

/**
 * Task RecordOutcome, the end of every path: input is the state ({@code {"approvalId", ...}}, with
 * {@code "error": {"Error","Cause"}} after a caught failure or timeout), output {@code {"approvalId","status"}}.
 */
public final class RecordOutcomeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final OutcomeRecorder recorder;

    public RecordOutcomeHandler() {
        this(new OutcomeRecorder(StepWiring.services(AwsClients.dynamoDbEnhanced())));
        WorkflowStep.primeWith(Topology.APPROVAL_OUTCOME, origin -> recorder.close(WorkflowStep.PRIMING_ID, Optional.empty(), origin));
    }

    RecordOutcomeHandler(OutcomeRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return WorkflowStep.run(context, input, origin -> {
            String id = StepInput.approvalId(input);
            var closed = recorder.close(id, StepInput.error(input), origin);
            return Map.of("approvalId", id, "status", closed.status());
        });
    }
}
