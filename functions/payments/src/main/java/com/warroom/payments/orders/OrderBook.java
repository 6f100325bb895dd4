package com.warroom.payments.orders;

import com.warroom.payments.NewOrder;
import com.warroom.payments.Order;
import com.warroom.payments.SortableTime;
import java.time.Clock;

/** Registers orders: each new one sealed and put once, PENDING, version 1. */
public final class OrderBook {

    private final OrderStore orders;
    private final OrderSeal seal;
    private final Clock clock;

    public OrderBook(OrderStore orders, OrderSeal seal, Clock clock) {
        this.orders = orders;
        this.seal = seal;
        this.clock = clock;
    }

    public RegisterOutcome register(NewOrder registration) {
        Order sealed = seal.sealed(Order.pending(registration, SortableTime.now(clock)));
        if (orders.insert(sealed)) {
            return new RegisterOutcome.Created(sealed);
        }
        // orders are never deleted, so the one that was there is there still
        Order existing = orders.find(registration.orderId()).orElseThrow();
        return existing.sameRegistration(registration) ? new RegisterOutcome.Existing(existing) : new RegisterOutcome.Conflict(existing);
    }
}
