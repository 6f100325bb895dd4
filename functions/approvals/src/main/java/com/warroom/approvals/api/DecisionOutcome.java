package com.warroom.approvals.api;

import com.warroom.approvals.ApprovalRequest;

/** What deciding did. */
public sealed interface DecisionOutcome {

    /** No request has that id. */
    record NotFound(String id) implements DecisionOutcome {
    }

    /** The stored request cannot be read, so no rule can be checked on it; nothing was written. */
    record Unreadable(UnreadableApproval row) implements DecisionOutcome {
    }

    /** The rules refuse this decision; nothing was written. */
    record Refused(Reason reason, String detail) implements DecisionOutcome {
    }

    /** The workflow has not stored its task token yet, so a decision could not reach it; nothing was written. */
    record NotReady(ApprovalRequest request) implements DecisionOutcome {
    }

    /**
     * The decision is recorded (or was already, by the same person: {@code repeated}) and was sent to the
     * waiting workflow with this result.
     */
    record Decided(ApprovalRequest request, DecisionSender.Delivery delivery, boolean repeated) implements DecisionOutcome {
    }

    enum Reason {
        UNKNOWN_ACTION,
        SELF_DECISION,
        ROLE_NOT_ALLOWED,
        SUPER_ADMIN_REQUIRED,
        ALREADY_DECIDED,
        EXPIRED,
        HASH_MISMATCH,
        /** The request was changed outside the functions (seal, payload hash or its audit entry do not match). */
        TAMPERED
    }
}
