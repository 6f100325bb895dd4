package com.warroom.approvals.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.warroom.audit.RequestOrigin;
import com.warroom.lambda.Envelope;
import com.warroom.lambda.Priming;
import com.warroom.topology.FunctionDef;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs one task of the approval workflow with structured logging (correlated by approval id) and metrics. */
final class WorkflowStep {

    /** The source of the workflow's audit entries: no IP, the state machine called. */
    static final String SOURCE = "workflow";

    /** The request id priming asks for: none exists, so every step reads and refuses without writing. */
    static final String PRIMING_ID = "warroom-priming";

    private WorkflowStep() {
    }

    /**
     * Registers the step's SnapStart priming: its own code path for a request that does not exist (reads of the
     * approvals and audit tables, JSON, schemas), which every step refuses before it writes.
     */
    static void primeWith(FunctionDef function, Consumer<RequestOrigin> step) {
        RequestOrigin origin = new RequestOrigin("priming", SOURCE);
        Priming.register(function.name(), () -> {
            try {
                step.accept(origin);
            } catch (StepRefusedException expected) {
                // the step read what it needs and refused the unknown request: that was the point
            }
        });
    }

    static Map<String, Object> run(Context context, Map<String, Object> input, Function<RequestOrigin, Map<String, Object>> step) {
        RequestOrigin origin = new RequestOrigin(Envelope.requestId(context, "local"), SOURCE);
        Object approvalId = input == null ? null : input.get("approvalId");
        return Envelope.rethrowing(context, String.valueOf(approvalId), () -> step.apply(origin));
    }
}
