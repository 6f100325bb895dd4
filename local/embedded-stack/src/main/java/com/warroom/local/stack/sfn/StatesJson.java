package com.warroom.local.stack.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON as the local Step Functions and Lambda see it: a plain mapper, so handlers get the same Java types
 * (Integer, Long, Double, String, Map, List) that the Lambda Java runtime gives them.
 */
final class StatesJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private StatesJson() {
    }

    /** The document, or empty when the text is not one JSON value. */
    static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * A caught error put into the failed state's input ({@code ResultPath: $.error}): a copy of {@code state} with
     * {@code "error": {"Error", "Cause"}} ({@code Cause} left out when there is none). Empty when the state is not a
     * JSON object, which Step Functions answers with States.Runtime.
     */
    static Optional<ObjectNode> withError(JsonNode state, TaskResult.Failed failure) {
        if (!state.isObject()) {
            return Optional.empty();
        }
        ObjectNode withError = state.deepCopy();
        ObjectNode error = withError.putObject("error");
        error.put("Error", failure.error());
        if (failure.cause() != null) {
            error.put("Cause", failure.cause());
        }
        return Optional.of(withError);
    }

    /** The message of the States.Runtime error when {@link #withError} finds no object to put the error in. */
    static String noObjectForError(JsonNode state) {
        return "Unable to apply ResultPath '$.error' to the input '" + write(state) + "' of the failed state: it is not a JSON object";
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
