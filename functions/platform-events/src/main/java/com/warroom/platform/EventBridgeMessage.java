package com.warroom.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import com.warroom.topology.Topology;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one message shape on the platform-events queue: an EventBridge event as EventBridge delivers it to SQS
 * ({@code version, id, detail-type, source, account, time, region, resources, detail}). The bus's rule puts it there in
 * AWS; the HTTP route writes the same ({@link #write}), so the ingest reads one shape ({@link #parse}).
 */
public final class EventBridgeMessage {

    /** The source the platform publishes with, and the one the bus's rule matches. */
    public static final String SOURCE = Topology.PLATFORM_BUS.source();
    /** The account an event written by the HTTP route names: no AWS account published it. */
    public static final String HTTP_ACCOUNT = "000000000000";

    private EventBridgeMessage() {
    }

    /** A message read, or every reason it cannot be taken in (each naming its field: {@code detail-type}, {@code detail.amount}). */
    public sealed interface Parsed {
        record Valid(PlatformEvent event) implements Parsed {
        }

        record Invalid(List<FieldError> errors) implements Parsed {
            /** The reason in one line, as the dead-letter queue's {@code reason} attribute says it. */
            public String reason() {
                return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            }
        }
    }

    public static Parsed parse(String body) {
        JsonNode tree;
        try {
            tree = body == null ? null : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return invalid("body", "is not valid JSON");
        }
        if (!(tree instanceof ObjectNode event)) {
            return invalid("body", "must be a JSON object (an EventBridge event)");
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<String> id = text(event, "id", errors).filter(text -> {
            if (!DetailRules.ID.matcher(text).matches()) {
                errors.add(new FieldError("id", DetailRules.ID_RULE));
                return false;
            }
            return true;
        });
        Optional<PlatformEventType> type = text(event, "detail-type", errors).flatMap(text -> {
            Optional<PlatformEventType> known = PlatformEventType.of(text);
            if (known.isEmpty()) {
                errors.add(new FieldError("detail-type", "unknown detail-type " + text + "; known are " + PlatformEventType.detailTypes()));
            }
            return known;
        });
        text(event, "source", errors).filter(source -> !source.equals(SOURCE))
                .ifPresent(source -> errors.add(new FieldError("source", "must be " + SOURCE + ", not " + source)));
        Optional<Instant> time = text(event, "time", errors).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("time", "must be an ISO-8601 time such as 2026-12-01T08:00:00Z"));
                return Optional.empty();
            }
        });
        JsonNode detail = event.get("detail");
        if (detail == null || detail.isNull()) {
            errors.add(new FieldError("detail", "is required"));
        }
        EventDetail read = null;
        if (type.isPresent() && detail != null && !detail.isNull()) {
            switch (DetailRules.check(type.get(), detail)) {
                case DetailRules.Checked.Valid valid -> read = valid.detail();
                case DetailRules.Checked.Invalid invalid -> errors.addAll(invalid.errors());
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed.Invalid(List.copyOf(errors));
        }
        return new Parsed.Valid(new PlatformEvent(id.get(), type.get(), time.get(), read, (ObjectNode) detail));
    }

    /** The event as EventBridge would deliver it, published now from this account and region. */
    public static String write(String eventId, PlatformEventType type, ObjectNode detail, Instant now, String account, String region) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "0");
        event.put("id", eventId);
        event.put("detail-type", type.detailType());
        event.put("source", SOURCE);
        event.put("account", account);
        // EventBridge writes whole seconds
        event.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources");
        event.set("detail", detail);
        return Json.write(event);
    }

    private static Optional<String> text(ObjectNode event, String name, List<FieldError> errors) {
        JsonNode value = event.get(name);
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

    private static Parsed invalid(String field, String message) {
        return new Parsed.Invalid(List.of(new FieldError(field, message)));
    }
}
