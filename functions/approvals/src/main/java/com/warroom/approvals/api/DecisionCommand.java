package com.warroom.approvals.api;

import com.warroom.approvals.Decision;
import java.util.Optional;

/** A validated decision: approve (with an optional comment, optionally bound to the hash the approver saw) or reject with a reason. */
public sealed interface DecisionCommand {

    int MIN_REASON_LENGTH = 10;
    int MAX_NOTE_LENGTH = 500;

    Decision decision();

    /** What the decider wrote: the comment or the reason (null when an approval has no comment). */
    String note();

    record Approve(Optional<String> comment, Optional<String> payloadHash) implements DecisionCommand {
        @Override
        public Decision decision() {
            return Decision.APPROVED;
        }

        @Override
        public String note() {
            return comment.orElse(null);
        }
    }

    record Reject(String reason) implements DecisionCommand {
        @Override
        public Decision decision() {
            return Decision.REJECTED;
        }

        @Override
        public String note() {
            return reason;
        }
    }
}
