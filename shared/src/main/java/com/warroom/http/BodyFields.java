package com.warroom.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON object body field by field and collects every problem (unknown fields, missing
 * fields, wrong types) so that one answer names them all.
 */
public final class BodyFields {

    private final ObjectNode node;
    private final List<FieldError> errors = new ArrayList<>();

    private BodyFields(ObjectNode node, Optional<Set<String>> allowedFields) {
        this.node = node;
        if (allowedFields.isEmpty()) {
            return;
        }
        Set<String> allowed = allowedFields.get();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(new FieldError(name, "unknown field; allowed fields are " + allowed.stream().sorted().toList()));
            }
        }
    }

    /** Parses a body that must be one JSON object; the problem when it is not. */
    public static Parsed parse(String body, Set<String> allowedFields) {
        return parse(body, Optional.of(allowedFields));
    }

    /**
     * Parses a body that must be one JSON object, whatever other fields it holds: for a sender that adds fields over
     * time and must not be refused for them (a PSP's notifications). The fields read are checked as usual.
     */
    public static Parsed parseOpen(String body) {
        return parse(body, Optional.empty());
    }

    private static Parsed parse(String body, Optional<Set<String>> allowedFields) {
        if (body == null || body.isBlank()) {
            return new Parsed.Invalid(Problem.malformedJson("a JSON object body is required"));
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (StreamConstraintsException e) {
            return new Parsed.Invalid(Problem.malformedJson(overLimit(e)));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return new Parsed.Invalid(Problem.malformedJson("the body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")));
        }
        if (!(tree instanceof ObjectNode object)) {
            return new Parsed.Invalid(Problem.malformedJson("the body must be a JSON object"));
        }
        return new Parsed.Fields(new BodyFields(object, allowedFields));
    }

    // Jackson's stream limits carry no location and no kind but their message; name the two a client can hit
    private static String overLimit(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "the body is nested too deeply (at most " + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels of arrays and objects)";
        }
        if (message.startsWith("Number value length")) {
            return "a number is too long (at most " + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " characters)";
        }
        return "the body exceeds a JSON size limit (a string, name or document too long)";
    }

    /** The outcome of parsing a body. */
    public sealed interface Parsed {
        record Fields(BodyFields fields) implements Parsed {
        }

        record Invalid(Problem problem) implements Parsed {
        }
    }

    public Optional<String> requiredString(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(name, "is required"));
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(name, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /** An optional string; absent and null are the same. */
    public Optional<String> optionalString(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(name, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /**
     * A string field read without judging it: empty when it is absent or not a string, and no error is recorded (for a
     * field whose absence the caller answers in its own way, such as a missing signature).
     */
    public Optional<String> stringIfPresent(String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    /** A required free text (a reason, a comment) as {@link FreeText} allows, trimmed, of {@code min} to {@code max} characters. */
    public Optional<String> requiredText(String name, int min, int max) {
        return lengthChecked(name, requiredString(name), min, max);
    }

    /** An optional free text as {@link FreeText} allows, trimmed, of {@code min} to {@code max} characters when given. */
    public Optional<String> optionalText(String name, int min, int max) {
        return lengthChecked(name, optionalString(name), min, max);
    }

    /** A required value of any JSON type, for a part whose shape another parser judges. */
    public Optional<JsonNode> requiredValue(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(name, "is required"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** An optional value of any JSON type (absent and null are the same), for a part whose shape the caller judges. */
    public Optional<JsonNode> optionalValue(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private Optional<String> lengthChecked(String name, Optional<String> text, int min, int max) {
        return text.filter(raw -> {
            Optional<String> refused = FreeText.whyRefused(raw);
            refused.ifPresent(why -> errors.add(new FieldError(name, why)));
            return refused.isEmpty();
        }).map(String::strip).filter(stripped -> {
            if (stripped.length() < min || stripped.length() > max) {
                errors.add(new FieldError(name, "must be " + min + " to " + max + " characters"));
                return false;
            }
            return true;
        });
    }

    public Optional<Boolean> requiredBoolean(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(name, "is required"));
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError(name, "must be true or false"));
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    /** An optional non-negative whole number. */
    public Optional<Long> optionalCount(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            errors.add(new FieldError(name, "must be a whole number >= 0"));
            return Optional.empty();
        }
        return Optional.of(value.longValue());
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
