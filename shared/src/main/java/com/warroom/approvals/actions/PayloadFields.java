package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads an approval payload field by field, collecting every problem under {@code payload.<field>}. */
final class PayloadFields {

    private final JsonNode node;
    private final List<FieldError> errors = new ArrayList<>();

    private PayloadFields(JsonNode node) {
        this.node = node;
    }

    /** Fields of a payload that must be an object; {@code allowed} empty means any field is allowed. */
    static PayloadFields of(JsonNode payload, Set<String> allowed) {
        PayloadFields fields = new PayloadFields(payload);
        if (payload == null || !payload.isObject()) {
            fields.errors.add(new FieldError("payload", "must be a JSON object"));
            return fields;
        }
        if (!allowed.isEmpty()) {
            Iterator<String> names = payload.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    fields.reject(name, "unknown field; allowed fields are " + allowed.stream().sorted().toList());
                }
            }
        }
        return fields;
    }

    boolean isObject() {
        return node != null && node.isObject();
    }

    Optional<String> text(String name, int minLength, int maxLength) {
        if (!isObject()) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "is required");
            return Optional.empty();
        }
        if (!value.isTextual()) {
            reject(name, "must be a string");
            return Optional.empty();
        }
        String text = value.textValue();
        if (text.strip().length() < minLength || text.length() > maxLength) {
            reject(name, "must be " + minLength + " to " + maxLength + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    Optional<Long> count(String name) {
        if (!isObject()) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "is required");
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            reject(name, "must be a whole number >= 0");
            return Optional.empty();
        }
        return Optional.of(value.longValue());
    }

    Optional<Boolean> bool(String name) {
        if (!isObject()) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || !value.isBoolean()) {
            reject(name, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    Optional<JsonNode> object(String name) {
        if (!isObject()) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (value == null || !value.isObject()) {
            reject(name, "must be a JSON object");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    void reject(String name, String message) {
        errors.add(new FieldError("payload." + name, message));
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
