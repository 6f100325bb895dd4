package com.warroom.stuck.sweep;

import com.warroom.observability.OpsMetrics;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PendingOrder;
import com.warroom.payments.PendingOrders;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stuck-transaction sweep: finds what a lost message left behind and hands it back to whoever owns it, never acting
 * on it itself. Payouts go back on the payouts queue (REQUESTED not picked up for 5 minutes, SUBMITTING whose claim ran
 * out, RETRY_SCHEDULED and HELD whose time has come, SUBMITTED for over 15 minutes so that the worker asks the rail);
 * orders PENDING for over 15 minutes get a check with Midtrans on the payment-checks queue. It never fails, expires or
 * cancels anything: Midtrans retries its notifications for hours and a virtual-account payment may stay pending for a
 * day, so only the source of truth (the rail, Midtrans's get-status) ends an item, through the worker or the processor.
 *
 * <p>It reads only the status indexes of payouts and orders (one query per open payout state and one of PENDING
 * orders), so a sweep costs what is open, not what the tables hold. Each re-drive is once-only ({@link Redrives}).
 */
public final class StuckSweep {

    /** How often the schedule runs the sweep (the topology's {@code rate(5 minutes)}). */
    public static final Duration INTERVAL = Duration.ofMinutes(5);
    /** A REQUESTED payout no worker picked up for this long had its message lost. */
    static final Duration REQUESTED_AFTER = Duration.ofMinutes(5);
    /** A SUBMITTED payout the rail has not ended for this long: the worker asks the rail (its callback may be lost). */
    static final Duration SUBMITTED_AFTER = Duration.ofMinutes(15);
    /** The same payout at the same version is queued at most once per sweep interval (a little less, for a late schedule). */
    static final Duration PAYOUT_WINDOW = INTERVAL.minusMinutes(1);
    /** The same PENDING order is checked with Midtrans at most once per 15 minutes, however often the sweep runs. */
    static final Duration ORDER_WINDOW = PendingOrders.OVERDUE.minusMinutes(1);
    /** The unticketed-findings metric counts OPEN findings first seen longer ago than this. */
    static final Duration FINDING_TICKET_DEADLINE = Duration.ofHours(24);
    /** The most items one query reads; a backlog beyond is taken by the next sweeps, and the counts say "at least". */
    static final int PER_QUERY = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(StuckSweep.class);

    /** What the sweep reads, marks and sends to. */
    public record Parts(PayoutStore payouts, PendingOrders orders, OpenFindings findings, Redrives redrives, PayoutWork payoutWork,
                        PaymentCheckQueue checks) {
    }

    private final Parts parts;
    private final Clock clock;

    public StuckSweep(Parts parts, Clock clock) {
        this.parts = parts;
        this.clock = clock;
    }

    /** One sweep: re-drives what is due, measures what is stuck; answers what it did. */
    public SweepReport run() {
        Instant now = SortableTime.now(clock);
        List<String> refused = new ArrayList<>();
        List<String> payouts = new ArrayList<>();
        SweepReport.Stuck payoutsStuck = SweepReport.Stuck.NONE;
        for (PayoutStatus status : PayoutStatus.values()) {
            if (status.isFinal()) {
                continue;
            }
            for (Payout payout : parts.payouts().inStatusChangedBefore(status, changedBefore(status, now), PER_QUERY)) {
                if (PayoutView.stuck(payout, now)) {
                    OpsMetrics.count(SweepMetrics.PAYOUT_STUCK);
                    payoutsStuck = payoutsStuck.plus(ageSeconds(waitingSince(payout), now));
                }
                if (due(status, payout, now)) {
                    redrivePayout(payout).ifPresent(outcome -> (outcome ? payouts : refused).add(payout.payoutId()));
                }
            }
        }
        List<String> orders = new ArrayList<>();
        SweepReport.Stuck ordersStuck = SweepReport.Stuck.NONE;
        for (PendingOrder order : parts.orders().registeredBefore(now.minus(PendingOrders.OVERDUE), PER_QUERY)) {
            ordersStuck = ordersStuck.plus(ageSeconds(order.createdAt(), now));
            redriveOrder(order).ifPresent(outcome -> (outcome ? orders : refused).add(order.orderId()));
        }
        long unticketed = parts.findings().firstSeenBefore(now.minus(FINDING_TICKET_DEADLINE));
        Map<SweepReport.Kind, List<String>> redriven = new EnumMap<>(SweepReport.Kind.class);
        redriven.put(SweepReport.Kind.PAYOUT, payouts);
        redriven.put(SweepReport.Kind.ORDER, orders);
        Map<SweepReport.Kind, SweepReport.Stuck> stuck = new EnumMap<>(SweepReport.Kind.class);
        stuck.put(SweepReport.Kind.PAYOUT, payoutsStuck);
        stuck.put(SweepReport.Kind.ORDER, ordersStuck);
        SweepReport report = new SweepReport(redriven, stuck, unticketed, refused);
        SweepMetrics.record(report);
        return report;
    }

    /** The index cutoff per state: only what may be due or stuck is read. */
    private static Instant changedBefore(PayoutStatus status, Instant now) {
        return switch (status) {
            case REQUESTED -> now.minus(REQUESTED_AFTER);
            case SUBMITTED -> now.minus(SUBMITTED_AFTER);
            // a claim's lease, a retry's time and a cooling-off's end are on the payout, not in the index
            case SUBMITTING, RETRY_SCHEDULED, HELD, QUARANTINED -> now;
            case CONFIRMED, FAILED, CANCELLED -> throw new IllegalArgumentException(status + " is final");
        };
    }

    private static boolean due(PayoutStatus status, Payout payout, Instant now) {
        return switch (status) {
            case REQUESTED, SUBMITTED -> true;
            case SUBMITTING -> reached(payout.progress().leaseUntil(), now);
            case RETRY_SCHEDULED, HELD -> reached(payout.progress().nextAttemptAt(), now);
            // two people decide a quarantined payout; the sweep only counts it
            case QUARANTINED, CONFIRMED, FAILED, CANCELLED -> false;
        };
    }

    private static boolean reached(Optional<Instant> at, Instant now) {
        return at.map(instant -> !instant.isAfter(now)).orElse(true);
    }

    /** Empty when another sweep queued it within the window; else whether the queue took it. */
    private Optional<Boolean> redrivePayout(Payout payout) {
        String kind = SweepReport.Kind.PAYOUT.label();
        if (!parts.redrives().claim(kind, payout.payoutId(), payout.version(), PAYOUT_WINDOW)) {
            return Optional.empty();
        }
        try {
            parts.payoutWork().nudge(payout.payoutId());
        } catch (RuntimeException refused) {
            return Optional.of(refusedBy(refused, kind, payout.payoutId(), payout.version()));
        }
        OpsMetrics.count(SweepMetrics.REDRIVEN);
        return Optional.of(true);
    }

    private Optional<Boolean> redriveOrder(PendingOrder order) {
        String kind = SweepReport.Kind.ORDER.label();
        if (!parts.redrives().claim(kind, order.orderId(), order.version(), ORDER_WINDOW)) {
            return Optional.empty();
        }
        try {
            parts.checks().send(PaymentCheck.reconcile(order.orderId()));
        } catch (RuntimeException refused) {
            return Optional.of(refusedBy(refused, kind, order.orderId(), order.version()));
        }
        OpsMetrics.count(SweepMetrics.REDRIVEN);
        return Optional.of(true);
    }

    private boolean refusedBy(RuntimeException refused, String kind, String id, long version) {
        LOG.warn("the queue refused the re-drive of {} {}: the next sweep queues it", kind, id, refused);
        OpsMetrics.count(SweepMetrics.REDRIVE_REFUSED);
        try {
            parts.redrives().release(kind, id, version);
        } catch (RuntimeException markKept) {
            LOG.warn("the re-drive mark of {} {} could not be removed: it is queued once its window has passed", kind, id, markKept);
        }
        return false;
    }

    /** Where a payout's wait is counted from, as the payout queue's badge counts it: a HELD one from its cooling-off's end. */
    public static Instant waitingSince(Payout payout) {
        boolean held = payout.state().filter(s -> s == PayoutStatus.HELD).isPresent();
        return held ? payout.progress().nextAttemptAt().orElse(payout.times().updatedAt()) : payout.times().updatedAt();
    }

    private static long ageSeconds(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toSeconds());
    }

    /** Reads only, for SnapStart: the first page of each index the sweep reads. */
    void prime() {
        parts.payouts().inStatusChangedBefore(PayoutStatus.REQUESTED, Instant.EPOCH, 1);
        parts.orders().registeredBefore(Instant.EPOCH, 1);
        parts.findings().firstSeenBefore(Instant.EPOCH);
    }
}
