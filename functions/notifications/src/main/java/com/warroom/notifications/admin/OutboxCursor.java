package com.warroom.notifications.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.OutboxStatus;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code nextCursor} of a list answer: where the following page of one status starts, as URL-safe base64 of
 * {@code {"status","id","createdAt"}}. Opaque to callers; a cursor of another status, or one not made here, is refused.
 */
final class OutboxCursor {

    static final int MAX_LENGTH = 512;

    private OutboxCursor() {
    }

    static String encode(OutboxStatus status, Outbox.PageKey key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status.name());
        fields.put("id", key.id());
        fields.put("createdAt", key.createdAt());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(fields).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Outbox.PageKey> decode(String text, OutboxStatus status) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (!node.isObject() || node.size() != 3 || !status.name().equals(node.path("status").textValue())) {
                return Optional.empty();
            }
            String id = node.path("id").textValue();
            String createdAt = node.path("createdAt").textValue();
            if (id == null || id.isBlank() || createdAt == null) {
                return Optional.empty();
            }
            Instant.parse(createdAt);
            return Optional.of(new Outbox.PageKey(id, createdAt));
        } catch (IllegalArgumentException | UncheckedIOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
