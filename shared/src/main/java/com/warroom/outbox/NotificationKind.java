package com.warroom.outbox;

import java.util.Arrays;
import java.util.Optional;

/** What a notification tells the user. */
public enum NotificationKind {
    /** The order is paid: created only by the PAID transition, in its transaction. */
    PAYMENT_SUCCESS("payment.success"),
    /** The order is still unpaid: sent only while the {@code notification.reminder} flag is enabled. */
    PAYMENT_REMINDER("payment.reminder");

    private final String wireName;

    NotificationKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind whose wire name is {@code text} ({@code payment.success}). */
    public static Optional<NotificationKind> fromWire(String text) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(text)).findFirst();
    }

    /** The deterministic outbox id of this kind of notification for an order: one per order and kind. */
    public String idFor(String orderId) {
        return wireName + ":" + orderId;
    }
}
