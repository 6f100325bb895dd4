package com.warroom.payments;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where an order is in its life. Moves only forward: PENDING → PAID → (REFUNDED | PARTIALLY_REFUNDED → REFUNDED), or
 * PENDING → (EXPIRED | CANCELLED | FAILED). Nothing moves an order back, so a late {@code pending} after a
 * {@code settlement} changes nothing.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    PARTIALLY_REFUNDED,
    REFUNDED,
    EXPIRED,
    CANCELLED,
    FAILED;

    /** Whether an order in this state may be moved to {@code next}; a partial refund may follow a partial refund. */
    public boolean canMoveTo(OrderStatus next) {
        return next(this).contains(next);
    }

    /** No event can change an order in this state. */
    public boolean isFinal() {
        return next(this).isEmpty();
    }

    /** The order has been paid (and perhaps refunded in part since). */
    public boolean isPaid() {
        return this == PAID || this == PARTIALLY_REFUNDED;
    }

    public static Optional<OrderStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    private static Set<OrderStatus> next(OrderStatus from) {
        return switch (from) {
            case PENDING -> EnumSet.of(PAID, EXPIRED, CANCELLED, FAILED);
            case PAID -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
            case PARTIALLY_REFUNDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
            case REFUNDED, EXPIRED, CANCELLED, FAILED -> EnumSet.noneOf(OrderStatus.class);
        };
    }
}
