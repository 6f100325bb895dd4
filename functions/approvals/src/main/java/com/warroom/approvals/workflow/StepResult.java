package com.warroom.approvals.workflow;

import com.warroom.approvals.ApprovalRequest;

/** What a step's transaction loop settles on. */
sealed interface StepResult {

    /** The request as the step leaves it; {@code changed} is false when an earlier attempt already did the work. */
    record Done(ApprovalRequest request, boolean changed) implements StepResult {
    }

    /** The step refuses; nothing was written. */
    record Refused(String reason) implements StepResult {
    }

    /** The request, or the refusal as an exception for the state machine's Catch. */
    static ApprovalRequest orThrow(StepResult result) {
        return switch (result) {
            case Done done -> done.request();
            case Refused refused -> throw new StepRefusedException(refused.reason());
        };
    }
}
