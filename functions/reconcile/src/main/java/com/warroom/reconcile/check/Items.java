package com.warroom.reconcile.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the attributes of a scanned item that no table schema of {@code shared} maps (platform events, rounds). */
final class Items {

    private Items() {
    }

    static Optional<String> text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? Optional.empty() : Optional.ofNullable(value.s());
    }

    static OptionalLong number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.n()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** An ISO-8601 instant attribute as epoch milliseconds. */
    static OptionalLong instant(Map<String, AttributeValue> item, String name) {
        return text(item, name).map(Items::epochMillis).orElse(OptionalLong.empty());
    }

    static OptionalLong epochMillis(String text) {
        try {
            return OptionalLong.of(Instant.parse(text).toEpochMilli());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }

    /** A JSON attribute stored as text (the event as received) or as a map; empty when it is neither. */
    static Optional<JsonNode> json(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (value.s() != null) {
                return Optional.ofNullable(Json.readTree(value.s())).filter(JsonNode::isObject);
            }
            if (value.hasM()) {
                return Optional.of(Json.readTree(EnhancedDocument.fromAttributeValueMap(value.m()).toJson()));
            }
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
