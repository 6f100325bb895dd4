package com.warroom.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** The notifications queue's message: {@code {"outboxId": "payment.success:O-1"}}, one per item to deliver. */
public record OutboxMessage(String outboxId) {

    static final String FIELD = "outboxId";
    private static final int MAX_ID_LENGTH = 200;

    public String body() {
        return Json.write(Map.of(FIELD, outboxId));
    }

    /** The message in {@code body}; empty when it is not one (not JSON, no non-blank {@code outboxId} string). */
    public static Optional<OutboxMessage> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode id = Json.readTree(body).get(FIELD);
            return id != null && id.isTextual() && !id.textValue().isBlank() && id.textValue().length() <= MAX_ID_LENGTH
                    ? Optional.of(new OutboxMessage(id.textValue()))
                    : Optional.empty();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
