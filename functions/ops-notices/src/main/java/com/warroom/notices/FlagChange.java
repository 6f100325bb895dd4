package com.warroom.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One applied kill-switch change as the flag-changes queue carries it: the flag state that was written (a
 * {@link com.warroom.flags.FlagRecord} as JSON, sent by the kill-switch route). {@code actor} is who the state names
 * as its author: the email when there is one, else the subject.
 */
public record FlagChange(Flag flag, FlagScope scope, boolean enabled, String reason, String actor, long version) {

    /**
     * What makes the change unique: a flag state's version grows by one with every conditional write, so a flag,
     * a scope and a version name one change however often the message is delivered or sent.
     */
    public String changeId() {
        return flag.key() + "@" + scope.key() + "#v" + version;
    }

    /** A message body, read. */
    public sealed interface Parsed {
        record Readable(FlagChange change) implements Parsed {
        }

        /** Not a flag change this consumer understands: {@code why} names every problem, for whoever reads the DLQ. */
        record Unreadable(String why) implements Parsed {
        }
    }

    /**
     * Reads a message body strictly: JSON (no duplicate keys, nothing after it) with a known {@code flag}, a valid
     * {@code scope}, a boolean {@code enabled}, a {@code version} of at least 1, a {@code reason} and an author
     * ({@code updatedByEmail} or {@code updatedBy}). Other fields are ignored, so the sender may add some.
     */
    public static Parsed parse(String body) {
        if (body == null || body.isBlank()) {
            return new Parsed.Unreadable("the message body is empty");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return new Parsed.Unreadable("the message body is not JSON");
        }
        if (node == null || !node.isObject()) {
            return new Parsed.Unreadable("the message body is not a JSON object");
        }
        List<String> problems = new ArrayList<>();
        Optional<Flag> flag = text(node, "flag", problems).flatMap(key -> {
            Optional<Flag> known = Flag.fromKey(key);
            if (known.isEmpty()) {
                problems.add("unknown flag '" + key + "'");
            }
            return known;
        });
        Optional<FlagScope> scope = text(node, "scope", problems).flatMap(text -> {
            Optional<FlagScope> parsed = FlagScope.parse(text);
            if (parsed.isEmpty()) {
                problems.add("scope must be " + FlagScope.FORMAT);
            }
            return parsed;
        });
        JsonNode enabled = node.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            problems.add("enabled must be true or false");
        }
        JsonNode version = node.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 1) {
            problems.add("version must be a whole number of at least 1");
        }
        Optional<String> reason = text(node, "reason", problems);
        Optional<String> actor = nonBlank(node, "updatedByEmail").or(() -> nonBlank(node, "updatedBy"));
        if (actor.isEmpty()) {
            problems.add("updatedByEmail or updatedBy must name who made the change");
        }
        if (!problems.isEmpty()) {
            return new Parsed.Unreadable(String.join("; ", problems));
        }
        return new Parsed.Readable(new FlagChange(flag.orElseThrow(), scope.orElseThrow(), enabled.asBoolean(),
                reason.orElseThrow(), actor.orElseThrow(), version.asLong()));
    }

    private static Optional<String> text(JsonNode node, String field, List<String> problems) {
        Optional<String> value = nonBlank(node, field);
        if (value.isEmpty()) {
            problems.add(field + " is missing or not a non-blank string");
        }
        return value;
    }

    private static Optional<String> nonBlank(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
