package com.warroom.payments.processor;

import com.warroom.payments.OrderStatus;

/** The change a check applies to an order. */
public sealed interface Transition {

    /** PENDING → PAID, with the ledger entry, the entitlement and the success notification. */
    record Pay() implements Transition {
    }

    /** PENDING → EXPIRED, CANCELLED or FAILED. */
    record Close(OrderStatus to) implements Transition {
    }

    /** → PARTIALLY_REFUNDED or REFUNDED, {@code refundedTotalMinor} refunded in all, with the ledger reversal of what is new. */
    record Refund(OrderStatus to, long refundedTotalMinor) implements Transition {
    }

    /** Nothing to apply. */
    record None() implements Transition {
    }

    /** The state it moves the order to, for the check's {@code applied}; null for {@link None}. */
    default String applied() {
        return switch (this) {
            case Pay pay -> OrderStatus.PAID.name();
            case Close close -> close.to().name();
            case Refund refund -> refund.to().name();
            case None none -> null;
        };
    }
}
