package com.warroom.approvals.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.warroom.audit.RequestOrigin;
import com.warroom.observability.OpsMetrics;
import java.util.Map;
import java.util.function.Function;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** Runs one task of the approval workflow with structured logging (correlated by approval id) and metrics. */
final class WorkflowStep {

    /** The source of the workflow's audit entries: no IP, the state machine called. */
    static final String SOURCE = "workflow";

    private WorkflowStep() {
    }

    static Map<String, Object> run(Context context, Map<String, Object> input, Function<RequestOrigin, Map<String, Object>> step) {
        RequestOrigin origin = new RequestOrigin(context == null ? "local" : context.getAwsRequestId(), SOURCE);
        if (context == null || input == null) {
            return step.apply(origin);
        }
        return PowertoolsLogging.withLogging(context, "approvalId", input, () -> {
            try {
                return step.apply(origin);
            } finally {
                OpsMetrics.flush();
            }
        });
    }
}
