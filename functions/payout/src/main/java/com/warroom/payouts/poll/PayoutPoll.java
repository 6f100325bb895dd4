package com.warroom.payouts.poll;

import com.warroom.observability.OpsMetrics;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutView;
import com.warroom.payouts.PayoutWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the payouts that are due and queues them for the worker, so that a lost or dropped message never leaves a
 * payout behind: REQUESTED and SUBMITTED ones unchanged for a minute (SUBMITTED ones are asked about at the rail every
 * minute until it ends them), SUBMITTING ones whose claim has run out, RETRY_SCHEDULED and HELD ones whose time has
 * come. Counts the stuck ones it sees (an alarm watches them).
 */
public final class PayoutPoll {

    static final String STUCK_METRIC = "PayoutStuck";
    /** The most payouts of one state queued by one run; the next run takes the rest. */
    static final int PER_STATE = 500;
    private static final Duration QUIET = Duration.ofMinutes(1);

    private final PayoutStore payouts;
    private final PayoutWork work;
    private final Duration lease;
    private final Clock clock;

    public PayoutPoll(PayoutStore payouts, PayoutWork work, Duration lease, Clock clock) {
        this.payouts = payouts;
        this.work = work;
        this.lease = lease;
        this.clock = clock;
    }

    /** Queues what is due; answers the ids queued, by state. */
    public Map<PayoutStatus, List<String>> run() {
        Instant now = SortableTime.now(clock);
        Map<PayoutStatus, List<String>> queued = new java.util.EnumMap<>(PayoutStatus.class);
        queued.put(PayoutStatus.REQUESTED, queue(PayoutStatus.REQUESTED, now.minus(QUIET), p -> true, now));
        queued.put(PayoutStatus.SUBMITTED, queue(PayoutStatus.SUBMITTED, now.minus(QUIET), p -> true, now));
        queued.put(PayoutStatus.SUBMITTING, queue(PayoutStatus.SUBMITTING, now.minus(lease), p -> true, now));
        queued.put(PayoutStatus.RETRY_SCHEDULED, queue(PayoutStatus.RETRY_SCHEDULED, now, p -> due(p, now), now));
        queued.put(PayoutStatus.HELD, queue(PayoutStatus.HELD, now, p -> due(p, now), now));
        payouts.inStatusChangedBefore(PayoutStatus.QUARANTINED, now, PER_STATE).forEach(p -> OpsMetrics.count(STUCK_METRIC));
        return queued;
    }

    private List<String> queue(PayoutStatus status, Instant changedBefore, java.util.function.Predicate<Payout> due, Instant now) {
        List<String> ids = new ArrayList<>();
        for (Payout payout : payouts.inStatusChangedBefore(status, changedBefore, PER_STATE)) {
            if (PayoutView.stuck(payout, now)) {
                OpsMetrics.count(STUCK_METRIC);
            }
            if (due.test(payout)) {
                work.nudge(payout.payoutId());
                ids.add(payout.payoutId());
            }
        }
        return ids;
    }

    private static boolean due(Payout payout, Instant now) {
        return payout.progress().nextAttemptAt().map(at -> !at.isAfter(now)).orElse(true);
    }

    /** Reads only. */
    public void prime() {
        payouts.inStatusChangedBefore(PayoutStatus.REQUESTED, Instant.EPOCH, 1);
    }
}
