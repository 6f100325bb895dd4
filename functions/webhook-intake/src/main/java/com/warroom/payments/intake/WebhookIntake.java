package com.warroom.payments.intake;

import com.warroom.observability.OpsMetrics;
import com.warroom.payments.MidtransNotification;
import com.warroom.payments.MidtransServerKey;
import com.warroom.payments.MidtransSignature;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PaymentEvent;
import com.warroom.payments.PaymentEvents;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in one Midtrans notification: checks its signature, stores it raw (once per event key) and queues a check of
 * its order for the payment processor. The notification is a trigger, never the truth: the processor asks Midtrans's
 * get-status API before it changes anything. One PutItem and one SendMessage per notification.
 */
public final class WebhookIntake {

    public static final String SIGNATURE_REJECTED_METRIC = "WebhookSignatureRejected";
    public static final String ACCEPTED_METRIC = "WebhookAccepted";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);
    private static final String PRIMING_ORDER = "warroom-priming";

    private final PaymentEvents events;
    private final PaymentCheckQueue checks;
    private final MidtransServerKey serverKey;
    private final Clock clock;

    public WebhookIntake(PaymentEvents events, PaymentCheckQueue checks, MidtransServerKey serverKey, Clock clock) {
        this.events = events;
        this.checks = checks;
        this.serverKey = serverKey;
        this.clock = clock;
    }

    public IntakeOutcome receive(String body) {
        MidtransNotification notification;
        switch (MidtransNotification.parse(body)) {
            case MidtransNotification.Parsed.Invalid invalid -> {
                return new IntakeOutcome.Malformed(invalid.problem());
            }
            case MidtransNotification.Parsed.Valid valid -> notification = valid.notification();
        }
        if (!MidtransSignature.matches(notification, serverKey.value())) {
            OpsMetrics.count(SIGNATURE_REJECTED_METRIC);
            // the order id is the sender's claim; worth a line, never the signature itself
            LOG.warn("Midtrans notification for order {} refused: signature_key {}", notification.orderId(),
                    notification.signatureKey().isPresent() ? "does not match" : "is missing");
            return new IntakeOutcome.Unsigned(notification.signatureKey().isPresent());
        }
        String eventKey = notification.eventKey();
        PaymentEvents.Append stored = events.append(PaymentEvent.notification(notification, clock.instant()));
        // queued again for a duplicate too: the processor is idempotent, and this covers a crash between the put and the send
        checks.send(PaymentCheck.webhook(notification.orderId(), eventKey));
        OpsMetrics.count(ACCEPTED_METRIC);
        LOG.info("Midtrans notification {} for order {} ({} {}): {}", eventKey, notification.orderId(),
                notification.transactionStatus(), notification.statusCode(),
                stored == PaymentEvents.Append.WRITTEN ? "stored and queued" : "already stored; queued again");
        return new IntakeOutcome.Accepted(eventKey, stored == PaymentEvents.Append.ALREADY_THERE);
    }

    /** Reads only: one GetItem of an event that does not exist, so the table schema and the SDK's marshalling are loaded. */
    void prime() {
        events.find(PRIMING_ORDER, "notification:" + "0".repeat(64));
    }
}
