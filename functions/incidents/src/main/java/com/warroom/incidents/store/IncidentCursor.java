package com.warroom.incidents.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.incidents.IncidentItem;
import com.warroom.incidents.model.IncidentStatus;
import com.warroom.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where the next page of an incident listing starts, opaque to callers: URL-safe base64 of {@code {"l","i","d"}} (the
 * listing: a status or {@code incident} for all; the last incident id; its detection time). A cursor of another
 * listing, or one not made here, is refused, so it can never point the query at another partition.
 */
final class IncidentCursor {

    static final int MAX_LENGTH = 512;

    private IncidentCursor() {
    }

    static String encode(Map<String, AttributeValue> lastKey, Optional<IncidentStatus> status) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("l", listing(status));
        fields.put("i", lastKey.get("incidentId").s());
        fields.put("d", lastKey.get("detectedAt").s());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(fields).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Map<String, AttributeValue>> decode(String text, Optional<IncidentStatus> status) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            String id = node.path("i").textValue();
            String detectedAt = node.path("d").textValue();
            if (!node.isObject() || node.size() != 3 || !listing(status).equals(node.path("l").textValue()) || id == null
                    || !IncidentItem.ID.matcher(id).matches() || detectedAt == null) {
                return Optional.empty();
            }
            Instant.parse(detectedAt);
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            key.put("incidentId", AttributeValue.fromS(id));
            key.put("item", AttributeValue.fromS(IncidentItem.ITEM));
            key.put("detectedAt", AttributeValue.fromS(detectedAt));
            key.put(status.isPresent() ? "status" : "listKey", AttributeValue.fromS(listing(status)));
            return Optional.of(key);
        } catch (IllegalArgumentException | UncheckedIOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String listing(Optional<IncidentStatus> status) {
        return status.map(Enum::name).orElse(IncidentItem.LIST_KEY);
    }
}
