package com.warroom.payments.reconcile;

import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentCheckQueue;
import java.util.List;

/**
 * The PSP reconcile: queues a check with Midtrans for every order PENDING longer than fifteen minutes, so that a
 * payment whose webhook never arrived is applied through the same processor path as one whose webhook did.
 */
public final class PspReconcile {

    private final PendingOrders pending;
    private final PaymentCheckQueue checks;

    public PspReconcile(PendingOrders pending, PaymentCheckQueue checks) {
        this.pending = pending;
        this.checks = checks;
    }

    /** The orders to check now; nothing is queued yet. */
    public List<String> due() {
        return pending.overdue();
    }

    /** Queues one reconcile check per order. */
    public void queue(List<String> orderIds) {
        checks.sendAll(orderIds.stream().map(PaymentCheck::reconcile).toList());
    }

    /** Finds the overdue orders and queues their checks; answers their ids. */
    public List<String> run() {
        List<String> due = due();
        queue(due);
        return due;
    }

    /** Reads only. */
    public void prime() {
        pending.prime();
    }
}
