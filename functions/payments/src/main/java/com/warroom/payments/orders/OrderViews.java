package com.warroom.payments.orders;

import com.warroom.payments.Order;
import com.warroom.observability.OpsMetrics;
import com.warroom.payments.PaymentEvents;
import com.warroom.payments.entitlements.EntitlementStore;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads an order with its payment story for the API: the order checked against its seal, its events, entitlement and notifications. */
public final class OrderViews {

    private static final Logger LOG = LoggerFactory.getLogger(OrderViews.class);

    private final OrderStore orders;
    private final OrderSeal seal;
    private final PaymentEvents events;
    private final EntitlementStore entitlements;
    private final OrderNotifications notifications;

    /** The tables the story is read from. */
    public record Sources(OrderStore orders, PaymentEvents events, EntitlementStore entitlements, OrderNotifications notifications) {
    }

    public OrderViews(Sources sources, OrderSeal seal) {
        this.orders = sources.orders();
        this.events = sources.events();
        this.entitlements = sources.entitlements();
        this.notifications = sources.notifications();
        this.seal = seal;
    }

    public Optional<Map<String, Object>> view(String orderId) {
        return orders.find(orderId).map(this::view);
    }

    /** @throws SealingUnavailable when the seal cannot be checked (the caller may retry) */
    Map<String, Object> view(Order order) {
        boolean intact = switch (seal.verify(order)) {
            case Verification.Valid valid -> true;
            case Verification.Invalid invalid -> {
                OpsMetrics.count(OrderSeal.TAMPERED_METRIC);
                LOG.error("order {} does not match its seal: shown as tampered (README runbook: Order tampered)", order.orderId());
                yield false;
            }
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        };
        var story = new OrderView.Story(events.forOrder(order.orderId()),
                entitlements.find(order.userId(), order.item()).filter(e -> e.orderId().equals(order.orderId())),
                notifications.forOrder(order.orderId()));
        return OrderView.of(order, intact, story);
    }

    /** A just-registered order: no events, entitlement or notifications can exist yet, so nothing more is read. */
    static Map<String, Object> newOrder(Order order) {
        return OrderView.of(order, true, OrderView.Story.NEW);
    }

    /** Reads only: an order that does not exist. */
    void prime() {
        orders.find("warroom-priming");
    }
}
