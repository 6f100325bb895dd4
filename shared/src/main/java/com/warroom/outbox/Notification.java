package com.warroom.outbox;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification to create in the outbox: its kind, the id of what it is about (an order or a ticket, as the kind's
 * {@link NotificationKind#subject()} says), the user, where to send it (an email address, a phone number for WhatsApp;
 * either may be missing) and the facts its text shows (amount, item; EXP). Its id is
 * {@link NotificationKind#idFor(String)} of the subject, so it is created at most once.
 */
public record Notification(NotificationKind kind, String subjectId, String userId, Optional<String> email,
                           Optional<String> phone, Map<String, String> facts) {

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        facts = Map.copyOf(facts);
    }

    public String id() {
        return kind.idFor(subjectId);
    }
}
