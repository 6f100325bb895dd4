package com.warroom.notifications.sender;

/** A notifications message that is not {@code {"outboxId": "..."}}: it fails alone and, after the retries, lands in the DLQ. */
public final class UnreadableNotificationMessage extends RuntimeException {

    public UnreadableNotificationMessage(String body) {
        super("unreadable notifications message (expected {\"outboxId\": \"...\"}): " + (body == null ? "null"
                : body.length() > 200 ? body.substring(0, 200) + "…" : body));
    }
}
