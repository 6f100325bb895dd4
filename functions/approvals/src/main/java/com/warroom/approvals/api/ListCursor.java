package com.warroom.approvals.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.approvals.ApprovalStore;
import com.warroom.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code next} of a list answer: where the following page of one status starts, as URL-safe
 * base64 of {@code {"status","id","requestedAt"}}. Opaque to callers; a cursor of another status, or
 * one that was not made here, is refused.
 */
final class ListCursor {

    static final int MAX_LENGTH = 512;

    private ListCursor() {
    }

    static String encode(ApprovalStatus status, ApprovalStore.PageKey key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status.name());
        fields.put("id", key.id());
        fields.put("requestedAt", key.requestedAt());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(fields).getBytes(StandardCharsets.UTF_8));
    }

    /** The page key, when {@code text} is a cursor of {@code status}. */
    static Optional<ApprovalStore.PageKey> decode(String text, ApprovalStatus status) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (!node.isObject() || node.size() != 3 || !status.name().equals(node.path("status").asText(null))) {
                return Optional.empty();
            }
            String id = node.path("id").textValue();
            String requestedAt = node.path("requestedAt").textValue();
            if (!ApprovalRequest.validId(id) || requestedAt == null) {
                return Optional.empty();
            }
            Instant.parse(requestedAt);
            return Optional.of(new ApprovalStore.PageKey(id, requestedAt));
        } catch (IllegalArgumentException | UncheckedIOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
