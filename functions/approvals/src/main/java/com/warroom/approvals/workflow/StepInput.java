package com.warroom.approvals.workflow;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.Decision;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a task's input, as {@link com.warroom.topology.ApprovalWorkflowDef} defines it. Input that breaks the
 * contract is a fault of the state machine or of whoever invoked the function by hand: it fails the task.
 */
final class StepInput {

    static final int MAX_TOKEN_LENGTH = 8192;

    private StepInput() {
    }

    static String approvalId(Map<String, Object> input) {
        Object id = input == null ? null : input.get("approvalId");
        if (!(id instanceof String text) || !ApprovalRequest.validId(text)) {
            throw new IllegalArgumentException("the task input needs approvalId, which " + ApprovalRequest.ID_RULE);
        }
        return text;
    }

    static String taskToken(Map<String, Object> input) {
        Object token = input.get("taskToken");
        if (!(token instanceof String text) || text.isBlank() || text.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the task input needs taskToken, a non-blank string of at most "
                    + MAX_TOKEN_LENGTH + " characters");
        }
        return text;
    }

    static Decision decision(Map<String, Object> input) {
        Object decision = input.get("decision");
        return Optional.ofNullable(decision instanceof String text ? text : null).flatMap(Decision::parse)
                .orElseThrow(() -> new IllegalArgumentException("the task input needs decision, APPROVED or REJECTED"));
    }

    /** The {@code "error": {"Error","Cause"}} a Catch adds to the state, if any. */
    static Optional<StepError> error(Map<String, Object> input) {
        Object error = input.get("error");
        if (error == null) {
            return Optional.empty();
        }
        if (!(error instanceof Map<?, ?> map) || !(map.get("Error") instanceof String name)) {
            throw new IllegalArgumentException("error must be an object with Error (and Cause), as a Catch records it");
        }
        return Optional.of(new StepError(name, map.get("Cause") instanceof String cause ? cause : null));
    }
}
