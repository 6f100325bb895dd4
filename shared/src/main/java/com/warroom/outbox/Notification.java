package com.warroom.outbox;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification to create in the outbox: its kind, the order and user it is about, where to send it (an email
 * address, a phone number for WhatsApp; an order may give neither) and the facts its text shows (amount, item).
 * Its id is {@link NotificationKind#idFor(String)} of the order, so it is created at most once.
 */
public record Notification(NotificationKind kind, String orderId, String userId, Optional<String> email,
                           Optional<String> phone, Map<String, String> facts) {

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        facts = Map.copyOf(facts);
    }

    public String id() {
        return kind.idFor(orderId);
    }
}
