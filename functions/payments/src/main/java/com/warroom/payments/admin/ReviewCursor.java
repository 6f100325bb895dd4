package com.warroom.payments.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.payments.reviews.ReviewStore;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code nextCursor} of the reviews list: where the following page starts, as URL-safe base64 of
 * {@code {"id","createdAt"}}. Opaque to callers; one that was not made here is refused.
 */
final class ReviewCursor {

    static final int MAX_LENGTH = 512;

    private ReviewCursor() {
    }

    static String encode(ReviewStore.PageKey key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", key.id());
        fields.put("createdAt", key.createdAt());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(fields).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<ReviewStore.PageKey> decode(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (!node.isObject() || node.size() != 2) {
                return Optional.empty();
            }
            String id = node.path("id").textValue();
            String createdAt = node.path("createdAt").textValue();
            if (id == null || id.isEmpty() || id.length() > 400 || createdAt == null) {
                return Optional.empty();
            }
            Instant.parse(createdAt);
            return Optional.of(new ReviewStore.PageKey(id, createdAt));
        } catch (IllegalArgumentException | UncheckedIOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
