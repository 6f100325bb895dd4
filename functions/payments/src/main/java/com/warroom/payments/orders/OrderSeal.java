package com.warroom.payments.orders;

import com.warroom.payments.Revenue;
import com.warroom.payments.Order;
import com.warroom.seal.CanonicalBytes;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import java.util.List;

/**
 * The seal of an order: a KMS MAC over its id, user, amount, currency, item, status and version (the fields that say
 * what was bought and whether it was paid), and the refunded amount and revenue route (which steer the ledger
 * postings of refunds). Made by whoever writes the order; a person who edits the table cannot mark an order PAID, or
 * change what it cost, without breaking it.
 */
public final class OrderSeal {

    /** Counted each time an order fails its seal (alarm). */
    public static final String TAMPERED_METRIC = "OrderTampered";

    private final Sealer sealer;

    public OrderSeal(Sealer sealer) {
        this.sealer = sealer;
    }

    /** The order with a fresh seal over its current fields: one GenerateMac. */
    public Order sealed(Order order) {
        return order.withSeal(sealer.seal(canonical(order)));
    }

    /** Whether the order is as its writer sealed it; a missing seal is {@link Verification.Invalid}. */
    public Verification verify(Order order) {
        if (order.seal() == null) {
            return new Verification.Invalid();
        }
        return sealer.verify(canonical(order), order.seal());
    }

    static byte[] canonical(Order order) {
        return CanonicalBytes.of(List.of(order.orderId(), order.userId(), Long.toString(order.amount().minor()),
                order.amount().currency(), order.item(), order.status(), Long.toString(order.version()),
                Long.toString(order.refundedMinor()), order.revenue().map(Revenue::encode).orElse("")));
    }
}
