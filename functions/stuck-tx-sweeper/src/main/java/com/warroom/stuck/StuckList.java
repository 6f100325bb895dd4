package com.warroom.stuck;

import com.warroom.payments.PendingOrder;
import com.warroom.payments.PendingOrders;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutView;
import com.warroom.stuck.sweep.StuckSweep;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The oldest non-final payouts and PENDING orders, merged oldest first. Reads only the status indexes: one query per
 * non-final payout status and one of PENDING orders, each of at most {@code limit} rows, so that what a listing costs
 * does not grow with the tables. Nothing is acted on here: the stuck-tx-sweeper re-drives what is stuck.
 */
final class StuckList {

    /** The non-final payout states, each one query of the payouts' status index. */
    static final List<PayoutStatus> OPEN_PAYOUT_STATES = Arrays.stream(PayoutStatus.values()).filter(s -> !s.isFinal()).toList();

    private final PayoutStore payouts;
    private final PendingOrders orders;
    private final Clock clock;

    StuckList(PayoutStore payouts, PendingOrders orders, Clock clock) {
        this.payouts = payouts;
        this.orders = orders;
        this.clock = clock;
    }

    /** What a listing answers: its items, oldest first, and the instant their ages and stuck flags are taken at. */
    record Listing(List<StuckItem> items, Instant asOf) {
        Listing {
            items = List.copyOf(items);
        }
    }

    Listing oldest(int limit) {
        Instant now = clock.instant();
        List<StuckItem> found = new ArrayList<>();
        for (PayoutStatus status : OPEN_PAYOUT_STATES) {
            payouts.oldestInStatus(status, limit).forEach(payout -> found.add(item(payout, now)));
        }
        orders.oldest(limit).forEach(order -> found.add(item(order, now)));
        found.sort(StuckItem.OLDEST_FIRST);
        return new Listing(found.subList(0, Math.min(limit, found.size())), now);
    }

    private static StuckItem item(Payout payout, Instant now) {
        Instant since = StuckSweep.waitingSince(payout);
        return new StuckItem(StuckItem.Kind.PAYOUT, payout.payoutId(), payout.progress().status(), payout.request().userId(),
                payout.request().amount(), since, PayoutView.stuck(payout, now), payout.progress().reason());
    }

    private static StuckItem item(PendingOrder order, Instant now) {
        Instant since = order.createdAt();
        boolean stuck = now.isAfter(since.plus(PendingOrders.OVERDUE));
        return new StuckItem(StuckItem.Kind.ORDER, order.orderId(), order.status(), order.userId(), order.amount(), since, stuck,
                Optional.empty());
    }
}
