package com.warroom.payments.orders;

import com.warroom.payments.PaymentsStack;

/** The orders handler over a {@link PaymentsStack}, for tests in other packages. */
public final class TestOrders {

    private TestOrders() {
    }

    public static OrdersHandler handler(PaymentsStack world) {
        return new OrdersHandler(world.dynamo, world.sealer, world.clock, world.notifications);
    }
}
