package com.warroom.payments.reconcile;

import com.warroom.payments.OrderStatus;
import com.warroom.payments.orders.Order;
import com.warroom.payments.orders.OrderStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the orders whose webhook may have been lost: PENDING for longer than {@link #OVERDUE}, through the orders
 * table's status index (oldest first). The index is eventually consistent, so an order just paid may still be listed:
 * the processor reads each order again before it acts.
 */
public final class PendingOrders {

    public static final Duration OVERDUE = Duration.ofMinutes(15);
    static final int PAGE = 100;

    private final OrderStore orders;
    private final Clock clock;

    public PendingOrders(OrderStore orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** The ids of every order PENDING for longer than fifteen minutes, oldest first. */
    public List<String> overdue() {
        List<String> ids = new ArrayList<>();
        var cutoff = clock.instant().minus(OVERDUE);
        Optional<OrderStore.PageKey> after = Optional.empty();
        do {
            OrderStore.Listing page = orders.inStatusBefore(OrderStatus.PENDING, cutoff, PAGE, after);
            page.orders().stream().map(Order::orderId).forEach(ids::add);
            after = page.next();
        } while (after.isPresent());
        return ids;
    }

    /** Reads only: the oldest PENDING order, as a run's first page does. */
    void prime() {
        orders.inStatusBefore(OrderStatus.PENDING, clock.instant().minus(OVERDUE), 1, Optional.empty());
    }
}
