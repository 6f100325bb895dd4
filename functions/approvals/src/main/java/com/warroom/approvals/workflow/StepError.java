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

    /** One line for the request's outcome: the error and its message, never a stack trace. */
    String describe() {
        String message = message();
        String text = message == null || message.isBlank() ? error : error + ": " + message;
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
        String firstLine = cause.lines().findFirst().orElse("");
        return firstLine;
    }
}
