package com.warroom.payments.orders;

import com.warroom.payments.Order;

/** How registering an order ended. */
public sealed interface RegisterOutcome {

    /** A new order, PENDING. */
    record Created(Order order) implements RegisterOutcome {
    }

    /** The same order was registered before, with the same fields: nothing changed. */
    record Existing(Order order) implements RegisterOutcome {
    }

    /** An order with this id exists with other fields: nothing changed. */
    record Conflict(Order order) implements RegisterOutcome {
    }
}
