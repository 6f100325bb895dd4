package com.warroom.approvals.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.UncheckedIOException;

/**
 * The error a state's Catch hands to RecordOutcome: Step Functions' {@code Error} name and its {@code Cause}
 * (for a failed Lambda task, JSON with {@code errorMessage}, {@code errorType} and a stack trace).
 */
record StepError(String error, String cause) {

    static final String TIMEOUT = "States.Timeout";
    static final int MAX_DESCRIPTION = 500;

    boolean timedOut() {
        return TIMEOUT.equals(error);
    }

    /** Whether a step refused on purpose ({@link StepRefusedException}): its message is a sentence written to be read. */
    boolean refused() {
        return StepRefusedException.class.getName().equals(error) || StepRefusedException.class.getSimpleName().equals(error);
    }

    /**
     * One plain sentence for the request's outcome and audit. Only a step's own refusal keeps its message; any
     * other error (an exception class, an SDK or runtime message) stays in the logs of {@code requestId}, since
     * the outcome is shown to people and exported.
     */
    String describe(String requestId) {
        if (timedOut()) {
            return "the step timed out";
        }
        if (!refused()) {
            return "the step failed unexpectedly; see the logs for request " + requestId;
        }
        String message = message();
        String text = "the step refused" + (message == null || message.isBlank() ? "" : ": " + message);
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    private String message() {
        if (cause == null) {
            return null;
        }
        try {
            JsonNode node = Json.readTree(cause);
            if (node.isObject()) {
                return node.path("errorMessage").asText(null);
            }
        } catch (UncheckedIOException notJson) {
            // a Cause that is plain text is the message
        }
        return cause.lines().findFirst().orElse("");
    }
}
