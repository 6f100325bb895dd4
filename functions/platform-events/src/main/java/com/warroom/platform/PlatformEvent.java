package com.warroom.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * One platform event, validated: its id (the idempotency key of everything it posts), type, when it happened (the
 * EventBridge event's time), its detail read and the detail's JSON as received.
 */
public record PlatformEvent(String eventId, PlatformEventType type, Instant occurredAt, EventDetail detail, ObjectNode detailJson) {

    public PlatformEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(detailJson, "detailJson");
        if (detail.type() != type) {
            throw new IllegalArgumentException("a " + type.detailType() + " event with a " + detail.type().detailType() + " detail");
        }
    }

    /** The detail as the platform-events item keeps it. */
    public String detailText() {
        return Json.write(detailJson);
    }

    /** {@code platform:<eventId>}: the journal entry the event posts, once. */
    public String entryId() {
        return "platform:" + eventId;
    }

    /** {@code platform:<type>:<eventId>}: the entry's cause. */
    public String reference() {
        return "platform:" + type.detailType() + ":" + eventId;
    }
}
