package com.warroom.approvals.workflow;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.flags.FlagRecord;
import java.util.List;

/** What a step's transaction loop settles on. */
sealed interface StepResult {

    /** The request as the step leaves it; {@code changed} is false when an earlier attempt already did the work. */
    record Done(ApprovalRequest request, boolean changed, List<FlagRecord> changedFlags) implements StepResult {
        public Done {
            changedFlags = List.copyOf(changedFlags);
        }

        Done(ApprovalRequest request, boolean changed) {
            this(request, changed, List.of());
        }
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
