package com.warroom.local.stack.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
