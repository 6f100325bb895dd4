package com.warroom.reconcile.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.findings.Finding;
import com.warroom.reconcile.findings.FindingStatus;
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
 * The {@code nextCursor} of the findings list: URL-safe base64 of {@code {"status","risk","id","at"}}, the listing's
 * filters and the last finding the index read. A cursor of another listing, or one not made here, is refused, so that
 * it can never point the index query elsewhere.
 */
final class FindingCursor {

    static final int MAX_LENGTH = 512;

    private FindingCursor() {
    }

    static String encode(FindingStatus status, Optional<Risk> risk, Map<String, AttributeValue> lastKey) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status.name());
        fields.put("risk", risk.map(Enum::name).orElse(""));
        fields.put("id", lastKey.get("findingId").s());
        fields.put("at", lastKey.get("firstSeenAt").s());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(fields).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Map<String, AttributeValue>> decode(String text, FindingStatus status, Optional<Risk> risk) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (!node.isObject() || node.size() != 4 || !status.name().equals(node.path("status").textValue())
                    || !risk.map(Enum::name).orElse("").equals(node.path("risk").textValue())) {
                return Optional.empty();
            }
            String id = node.path("id").textValue();
            String at = node.path("at").textValue();
            if (!Finding.validId(id) || at == null) {
                return Optional.empty();
            }
            Instant.parse(at);
            return Optional.of(Map.of("findingId", AttributeValue.fromS(id), "status", AttributeValue.fromS(status.name()),
                    "firstSeenAt", AttributeValue.fromS(at)));
        } catch (IllegalArgumentException | UncheckedIOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
