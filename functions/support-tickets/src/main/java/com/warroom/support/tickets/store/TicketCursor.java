package com.warroom.support.tickets.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditHasher;
import com.warroom.json.Json;
import com.warroom.support.tickets.Ticket;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where the next page of a listing starts, opaque to callers: URL-safe base64 of {@code {"q","s","k"}}: a digest of the
 * listing's filters and order, the segment, and the last key the index read. A cursor of another listing, or one not
 * made here, is refused, so it can never point the query at another partition.
 */
public record TicketCursor(int segment, Optional<Map<String, AttributeValue>> lastKey) {

    public static final int MAX_LENGTH = 1024;

    String encode(Listing listing) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("q", digest(listing));
        fields.put("s", segment);
        lastKey.ifPresent(key -> {
            Map<String, String> k = new LinkedHashMap<>();
            key.forEach((name, value) -> k.put(name, value.s()));
            fields.put("k", k);
        });
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(fields).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<TicketCursor> decode(String text, Listing listing) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.readTree(new String(java.util.Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (!node.isObject() || !digest(listing).equals(node.path("q").textValue()) || !node.path("s").isInt()) {
                return Optional.empty();
            }
            int segment = node.path("s").intValue();
            if (segment < 0 || segment >= listing.segments().size()) {
                return Optional.empty();
            }
            JsonNode k = node.get("k");
            if (k == null) {
                return node.size() == 2 ? Optional.of(new TicketCursor(segment, Optional.empty())) : Optional.empty();
            }
            Listing.Segment s = listing.segments().get(segment);
            String ticketId = k.path("ticketId").textValue();
            String createdAt = k.path("createdAt").textValue();
            if (node.size() != 3 || !k.isObject() || k.size() != 4 || ticketId == null || !Ticket.ID.matcher(ticketId).matches()
                    || !TicketItems.TICKET_ITEM.equals(k.path("item").textValue()) || createdAt == null
                    || !s.keyValue().equals(k.path(s.keyAttribute()).textValue())) {
                return Optional.empty();
            }
            Instant.parse(createdAt);
            Map<String, AttributeValue> key = new HashMap<>();
            key.put("ticketId", AttributeValue.fromS(ticketId));
            key.put("item", AttributeValue.fromS(TicketItems.TICKET_ITEM));
            key.put("createdAt", AttributeValue.fromS(createdAt));
            key.put(s.keyAttribute(), AttributeValue.fromS(s.keyValue()));
            return Optional.of(new TicketCursor(segment, Optional.of(key)));
        } catch (IllegalArgumentException | UncheckedIOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String digest(Listing listing) {
        return AuditHasher.sha256Hex(listing.fingerprint()).substring(0, 16);
    }
}
