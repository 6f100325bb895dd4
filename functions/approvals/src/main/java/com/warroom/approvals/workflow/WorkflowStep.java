package com.warroom.approvals.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.warroom.audit.RequestOrigin;
import com.warroom.lambda.Envelope;
import java.util.Map;
import java.util.function.Function;

/** Runs one task of the approval workflow with structured logging (correlated by approval id) and metrics. */
final class WorkflowStep {

    /** The source of the workflow's audit entries: no IP, the state machine called. */
    static final String SOURCE = "workflow";

    private WorkflowStep() {
    }

    static Map<String, Object> run(Context context, Map<String, Object> input, Function<RequestOrigin, Map<String, Object>> step) {
        RequestOrigin origin = new RequestOrigin(Envelope.requestId(context, "local"), SOURCE);
        Object approvalId = input == null ? null : input.get("approvalId");
        return Envelope.rethrowing(context, String.valueOf(approvalId), () -> step.apply(origin));
    }
}
