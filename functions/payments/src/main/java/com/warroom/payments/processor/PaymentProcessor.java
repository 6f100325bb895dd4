package com.warroom.payments.processor;

import com.warroom.lambda.Jitter;
import com.warroom.ledger.LedgerTampered;
import com.warroom.observability.OpsMetrics;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.OutboxDispatch;
import com.warroom.payments.MidtransNotification;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentEvent;
import com.warroom.payments.PaymentEvents;
import com.warroom.payments.SortableTime;
import com.warroom.payments.Order;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.orders.OrderNotifications;
import com.warroom.payments.orders.OrderSeal;
import com.warroom.payments.orders.OrderStore;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewKind;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import com.warroom.slo.SloCatalog;
import com.warroom.slo.SloEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one payment check to its order: reads and verifies the order, decides whether anything could change it, asks
 * Midtrans's get-status API, and applies the status Midtrans returns ({@link PaymentDecider}) through
 * {@link OrderTransitions}. Every check leaves a check item in the payment events table. Idempotent: a check repeated
 * (a duplicate notification, a redelivered message, two processors racing) changes the order at most once, since every
 * transition is conditional on the status and version it read; a refused one is prepared again from fresh reads.
 */
public final class PaymentProcessor {

    public static final String APPLIED_METRIC = "PaymentApplied";
    public static final String REVIEW_METRIC = "PaymentReviewRecorded";

    /** How often a check is prepared again after a refused transaction before its message is left to come back. */
    static final int MAX_ATTEMPTS = 10;
    private static final long MAX_BACKOFF_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(PaymentProcessor.class);

    private final OrderStore orders;
    private final OrderSeal seal;
    private final PaymentEvents events;
    private final ReviewStore reviews;
    private final MidtransClient midtrans;
    // the stuck-transactions SLO counts an order where it leaves PENDING (config/slo.json, bundled with shared)
    private static final SloEvents SLO_EVENTS = new SloEvents(SloCatalog.load());

    private final OrderTransitions transitions;
    private final OrderNotifications notifications;
    private final OutboxDispatch dispatch;
    private final Clock clock;

    /** The tables it reads and writes, and the services it calls. */
    public record Services(OrderStore orders, PaymentEvents events, ReviewStore reviews, MidtransClient midtrans,
                           OrderNotifications notifications, OutboxDispatch dispatch) {
    }

    PaymentProcessor(Services services, OrderSeal seal, OrderTransitions transitions, Clock clock) {
        this.orders = services.orders();
        this.events = services.events();
        this.reviews = services.reviews();
        this.midtrans = services.midtrans();
        this.notifications = services.notifications();
        this.dispatch = services.dispatch();
        this.seal = seal;
        this.transitions = transitions;
        this.clock = clock;
    }

    private enum Step {
        DONE, AGAIN
    }

    /**
     * Applies the check. {@code redelivered}: the message came back (its first processing may have committed and died
     * before handing the success notification to the sender, so a PENDING one is handed over again).
     *
     * @throws MidtransUnavailable when Midtrans gives no usable answer (the message comes back later)
     */
    public void check(PaymentCheck check, boolean redelivered) {
        // Midtrans is asked once per check: a transaction refused by a concurrent write is prepared again from fresh
        // reads of our tables, but what Midtrans said a moment ago is still what it says
        AtomicReference<MidtransAnswer> asked = new AtomicReference<>();
        for (int attempt = 1; ; attempt++) {
            if (attempt(check, redelivered, asked) == Step.DONE) {
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("order " + check.orderId() + ": " + MAX_ATTEMPTS
                        + " transactions in a row were refused; the message comes back for another try");
            }
            // exponential with full jitter, so that racing processors spread out instead of colliding again
            LockSupport.parkNanos(Jitter.upTo(Math.min(MAX_BACKOFF_MILLIS, 1L << Math.min(attempt + 2, 8))) * 1_000_000L);
        }
    }

    private Step attempt(PaymentCheck check, boolean redelivered, AtomicReference<MidtransAnswer> asked) {
        Instant now = SortableTime.now(clock);
        String orderId = check.orderId();
        String checkKey = checkKey(check, now);
        Optional<MidtransNotification> notification = check.eventKey().flatMap(key -> events.find(orderId, key))
                .filter(PaymentEvent::isNotification).flatMap(PaymentProcessor::notificationOf);
        Optional<Order> found = orders.find(orderId);
        if (found.isEmpty()) {
            record(ReviewNote.of(ReviewKind.UNKNOWN_ORDER, "no order " + orderId + " is registered here"), orderId,
                    check.eventKey().orElse("reconcile:" + orderId), now);
            append(check, checkKey, now, Optional.empty(), "not applied: no order " + orderId + " is registered here");
            return Step.DONE;
        }
        Order order = found.get();
        switch (seal.verify(order)) {
            case Verification.Valid valid -> { }
            case Verification.Invalid invalid -> {
                OpsMetrics.count(OrderSeal.TAMPERED_METRIC);
                LOG.error("order {} does not match its seal: nothing is applied to it (README runbook: Order tampered)", orderId);
                append(check, checkKey, now, Optional.empty(), "not applied: the order does not match its seal (OrderTampered)");
                return Step.DONE;
            }
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        }
        Optional<String> nothingCanChange = PaymentDecider.whyNothingCanChange(order, notification,
                check.source() == PaymentCheck.Source.RECONCILE);
        if (nothingCanChange.isPresent()) {
            append(check, checkKey, now, Optional.empty(), nothingCanChange.get());
            if (redelivered && order.state().isPaid()) {
                dispatchIfPending(orderId);
            }
            return Step.DONE;
        }
        MidtransAnswer answer = asked.updateAndGet(earlier -> earlier != null ? earlier : askMidtrans(orderId));
        Verdict verdict = PaymentDecider.decide(order, notification, answer);
        Optional<MidtransTransaction> transaction = answer instanceof MidtransAnswer.Found f ? Optional.of(f.transaction()) : Optional.empty();
        verdict.review().ifPresent(note -> record(note, orderId, reviewKey(check, transaction), now));
        if (verdict.transition() instanceof Transition.None) {
            append(check, checkKey, now, transaction, verdict.outcome());
            return Step.DONE;
        }
        PaymentEvent checkItem = PaymentEvent.check(orderId, checkKey, now,
                new CheckRecord(check.source(), transaction, verdict.transition(), verdict.outcome()).toJson());
        OrderTransitions.Written written;
        try {
            written = transitions.write(order, verdict.transition(), checkItem, now);
        } catch (LedgerTampered e) {
            OpsMetrics.count(LedgerTampered.METRIC);
            LOG.error("order {}: the ledger refuses the posting: {} (README runbook: Ledger tampered)", orderId, e.getMessage());
            throw e;
        }
        return switch (written) {
            case OrderTransitions.Written.Committed committed -> {
                OpsMetrics.count(APPLIED_METRIC);
                if (order.state() == OrderStatus.PENDING) {
                    SLO_EVENTS.transactionEnded(order.times().createdAt(), now);
                }
                LOG.info("order {}: {}", orderId, verdict.outcome());
                committed.dispatch().ifPresent(dispatch::dispatch);
                yield Step.DONE;
            }
            case OrderTransitions.Written.Refused refused -> {
                LOG.info("order {}: transaction refused {}; preparing again", orderId, refused.why());
                yield Step.AGAIN;
            }
        };
    }

    private MidtransAnswer askMidtrans(String orderId) {
        try {
            return midtrans.status(orderId);
        } catch (MidtransUnavailable e) {
            OpsMetrics.count(MidtransUnavailable.METRIC);
            LOG.warn("order {}: {} (README runbook: Midtrans unavailable)", orderId, e.getMessage());
            throw e;
        }
    }

    private void append(PaymentCheck check, String checkKey, Instant now, Optional<MidtransTransaction> transaction, String outcome) {
        events.append(PaymentEvent.check(check.orderId(), checkKey, now,
                new CheckRecord(check.source(), transaction, new Transition.None(), outcome).toJson()));
        LOG.info("order {}: {}", check.orderId(), outcome);
    }

    private void record(ReviewNote note, String orderId, String eventKey, Instant now) {
        PaymentReview review = new PaymentReview(PaymentReview.idFor(note.kind(), eventKey), note.kind().name(), orderId, eventKey,
                note.detail(), note.expected(), note.received(), PaymentReview.OPEN, SortableTime.format(now));
        if (reviews.record(review)) {
            OpsMetrics.count(REVIEW_METRIC);
            LOG.warn("order {}: recorded for review {}: {} (README runbook: Payment review recorded)", orderId, review.id(), note.detail());
        }
    }

    /**
     * {@code check:<eventKey>:<time>:<nonce>} or {@code check:reconcile:<time>:<nonce>}: every check of an event is kept
     * (a duplicate delivery's "no change" too), in time order within the event; the nonce keeps two checks in the same
     * millisecond apart. SecureRandom (behind UUID) is reseeded after a SnapStart restore.
     */
    private static String checkKey(PaymentCheck check, Instant now) {
        return PaymentEvent.CHECK_PREFIX + check.eventKey().orElse("reconcile") + ":" + SortableTime.format(now) + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    // a reconcile finding is one per Midtrans transaction and status, so that each run does not record it again
    private static String reviewKey(PaymentCheck check, Optional<MidtransTransaction> transaction) {
        return check.eventKey().orElseGet(() -> "reconcile:" + check.orderId() + ":"
                + transaction.map(t -> t.transactionId().orElse("") + ":" + t.transactionStatus()).orElse("none"));
    }

    private void dispatchIfPending(String orderId) {
        String successId = NotificationKind.PAYMENT_SUCCESS.idFor(orderId);
        notifications.forOrder(orderId).stream()
                .filter(item -> item.id().equals(successId) && item.status().equals("PENDING"))
                .findFirst()
                .ifPresent(item -> {
                    LOG.info("order {}: its success notification is still PENDING; handing it to the sender again", orderId);
                    dispatch.dispatch(item.id());
                });
    }

    private static Optional<MidtransNotification> notificationOf(PaymentEvent event) {
        return MidtransNotification.parse(event.raw()) instanceof MidtransNotification.Parsed.Valid valid
                ? Optional.of(valid.notification()) : Optional.empty();
    }

    /** Reads only: an order and a payment event that do not exist. */
    void prime() {
        orders.find("warroom-priming");
        events.find("warroom-priming", "notification:" + "0".repeat(64));
    }
}
