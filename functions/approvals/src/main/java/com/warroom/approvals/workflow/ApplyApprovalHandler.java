package com.warroom.approvals.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.approvals.Decision;
import com.warroom.topology.Topology;
import java.util.Map;

/**
 * Task ApplyAction: input {@code {"approvalId","decision":"APPROVED"}} (the decision route's output),
 * output {@code {"approvalId","decision","status":"APPLIED"}}. Throws when the table does not show a
 * valid approval; the state machine's Catch then records the request FAILED.
 */
public final class ApplyApprovalHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final ApprovalApplier applier;

    public ApplyApprovalHandler() {
        this(StepWiring.applier());
        WorkflowStep.primeWith(Topology.APPROVAL_APPLY, origin -> applier.apply(WorkflowStep.PRIMING_ID, origin));
    }

    ApplyApprovalHandler(ApprovalApplier applier) {
        this.applier = applier;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return WorkflowStep.run(context, input, origin -> {
            String id = StepInput.approvalId(input);
            if (StepInput.decision(input) != Decision.APPROVED) {
                throw new StepRefusedException("ApplyAction runs only for an APPROVED decision, not " + input.get("decision"));
            }
            var applied = applier.apply(id, origin);
            return Map.of("approvalId", id, "decision", Decision.APPROVED.name(), "status", applied.status());
        });
    }
}
