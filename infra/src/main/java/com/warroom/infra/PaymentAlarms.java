package com.warroom.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.constructs.Construct;

/**
 * The alarms on money coming in that are not tampering ({@link TamperAlarms} has the ledger's and the orders'): notifications
 * refused for their signature in a burst, a payment that waits for a person, a notification that could not be sent, and
 * Midtrans's API down for more than a blip. The payment-checks and notifications queues' DLQ alarms are
 * {@link WorkQueues}'s, like every queue's.
 */
public final class PaymentAlarms extends CountAlarmGroup {

    static final String WEBHOOK_SIGNATURE_REJECTED = "WebhookSignatureRejected";
    static final String PAYMENT_REVIEW_RECORDED = "PaymentReviewRecorded";
    static final String NOTIFICATION_FAILED = "NotificationFailed";
    static final String MIDTRANS_UNAVAILABLE = "MidtransUnavailable";

    // SES and Midtrans answer in seconds; a five-minute window keeps a single slow minute from flapping the alarm
    static final Duration PERIOD = Duration.minutes(5);
    /**
     * A stray probe or a hand-signed test that went wrong stays below it; a forger trying keys, or a wrong server key
     * refusing every genuine notification (with Midtrans's retries on top) at a few payments a minute, reaches it.
     */
    static final int REJECTED_BURST = 20;
    /** Two of the last three periods: the processor's retries (every visibility timeout) keep counting while it lasts. */
    static final int UNAVAILABLE_DATAPOINTS = 2;
    static final int UNAVAILABLE_PERIODS = 3;

    static final List<CountAlarm> ALARMS = List.of(
            new CountAlarm(WEBHOOK_SIGNATURE_REJECTED, "-webhook-signatures-rejected", CountAlarm.Trip.atLeast(REJECTED_BURST, PERIOD),
                    "Midtrans notifications were answered 401 because signature_key was not SHA-512(order_id + status_code"
                            + " + gross_amount + server key): someone is posting forged notifications to the public webhook,"
                            + " or warroom/midtrans-server-key is not the key Midtrans signs with (rotated in the Midtrans"
                            + " dashboard, or sandbox against production). Nothing was stored. Genuine ones refused are"
                            + " retried by Midtrans, and the psp-reconcile schedule asks Midtrans about PENDING orders.",
                    "README.md#webhook-signatures-rejected-metric-webhooksignaturerejected-alarm-warroom-webhook-signatures-rejected"),
            new CountAlarm(PAYMENT_REVIEW_RECORDED, "-payment-review-recorded", CountAlarm.Trip.first(PERIOD),
                    "a payment event was not applied and waits for a person in the payment reviews (GET"
                            + " /v1/admin/payments/reviews, or the console): an amount or currency other than the order's,"
                            + " a notification for an unknown order, or Midtrans's get-status disagreeing with the"
                            + " notification. The order was left as it was; finance decides what happens to the payment.",
                    "README.md#payment-needs-review-metric-paymentreviewrecorded-alarm-warroom-payment-review-recorded"),
            new CountAlarm(NOTIFICATION_FAILED, "-notification-failed", CountAlarm.Trip.first(PERIOD),
                    "the notification sender could not deliver a notification to a user (SES refused the mail, or the"
                            + " WhatsApp provider failed). Items that gave up are FAILED in the outbox (GET"
                            + " /v1/admin/outbox?status=FAILED); fix the cause (the SES identity of mailFrom, the SES"
                            + " sandbox, the WhatsApp token) and requeue them (POST /v1/admin/outbox/requeue). The payment"
                            + " itself is applied: only the message is missing.",
                    "README.md#notification-failed-metric-notificationfailed-alarm-warroom-notification-failed"),
            new CountAlarm(MIDTRANS_UNAVAILABLE, "-midtrans-unavailable",
                    CountAlarm.Trip.sustained(PERIOD, UNAVAILABLE_DATAPOINTS, UNAVAILABLE_PERIODS),
                    "calls to Midtrans's get-status API kept failing (timeouts, 5xx, refused connections): no payment"
                            + " event can be confirmed, so no order becomes PAID. Their messages retry and, after 5 receives,"
                            + " wait in the payment-checks DLQ (its own alarm). Check Midtrans's status page and the base"
                            + " URL the processor got (WARROOM_MIDTRANS_BASE_URL, context midtransBaseUrl); once Midtrans"
                            + " answers, redrive the DLQ and run the PSP reconcile (POST /v1/admin/payments/reconcile).",
                    "README.md#midtrans-unavailable-metric-midtransunavailable-alarm-warroom-midtrans-unavailable"));

    public PaymentAlarms(Construct scope, String id) {
        super(scope, id, ALARMS);
    }
}
