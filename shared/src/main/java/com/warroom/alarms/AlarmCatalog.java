package com.warroom.alarms;

import com.warroom.audit.AuditChainTampered;
import com.warroom.flags.MetricGateSignals;
import com.warroom.ledger.LedgerTampered;
import com.warroom.topology.QueueDef;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every alarm of Warroom, in one place: the CDK app builds a CloudWatch alarm from each rule and
 * {@code GET /v1/admin/alarms} evaluates the same rules against the metrics of wherever it runs.
 */
public final class AlarmCatalog {

    // the metric names the functions publish (OpsMetrics): the contract between them and these alarms
    public static final String WEBHOOK_SIGNATURE_REJECTED = "WebhookSignatureRejected";
    public static final String PAYMENT_REVIEW_RECORDED = "PaymentReviewRecorded";
    public static final String NOTIFICATION_FAILED = "NotificationFailed";
    public static final String MIDTRANS_UNAVAILABLE = "MidtransUnavailable";
    public static final String PAYOUT_FAILED = "PayoutFailed";
    public static final String PAYOUT_SEAL_BROKEN = "PayoutSealBroken";
    public static final String PAYOUT_STUCK = "PayoutStuck";
    public static final String PAID_AFTER_CANCEL = "PayoutPaidAfterCancel";
    public static final String CALLBACK_REJECTED = "CustodyCallbackRejected";
    public static final String APPROVAL_TAMPERED = "ApprovalTampered";
    public static final String ORDER_TAMPERED = "OrderTampered";
    public static final String STUCK_OLDEST_AGE = "StuckOldestAgeSeconds";
    public static final String STUCK_COUNT = "StuckCount";
    public static final String SWEEPER_RUN = "SweeperRun";
    public static final String RECONCILE_RUN_COMPLETED = "ReconcileRunCompleted";
    public static final String RECONCILE_RUN_FAILED = "ReconcileRunFailed";
    public static final String RECONCILE_FINDINGS = "ReconcileFindings";
    public static final String RECONCILE_FINDINGS_UNTICKETED = "ReconcileFindingsUnticketed";
    /** How many P0/P1 post-mortems are past their 48 hours now: the incident keeper's hourly count. */
    public static final String POSTMORTEMS_OVERDUE = "PostmortemsOverdue";
    /** The function that counts a completed reconcile run: the workflow's Report task. */
    public static final String RECONCILE_REPORTER = "reconcile-report";

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);
    static final Duration ONE_MINUTE = Duration.ofMinutes(1);
    static final Duration ONE_HOUR = Duration.ofHours(1);
    /** The sweeper's limit for a transaction in a non-final state: a quarter of an hour. */
    public static final int PENDING_LIMIT_SECONDS = 900;
    /** The daily run plus two hours of slack: a run that failed or never started shows within the next morning. */
    public static final int RECONCILE_SILENCE_HOURS = 26;
    /** The dead-letter queues' runbook, one for every queue: its heading names them by pattern. */
    public static final String DEAD_LETTER_RUNBOOK = "a-dead-letter-queue-is-not-empty-alarm-warroom-queue-dlq-not-empty";
    static final String PENDING_RUNBOOK = "transaction-pending-too-long-metric-stuckoldestageseconds-alarms-warroom-payout-pending-too-long-and-warroom-order-pending-too-long";

    private AlarmCatalog() {
    }

    /** The alarms of {@link Topology#warroom()}. */
    public static List<AlarmRule> warroom() {
        return of(Topology.warroom());
    }

    /**
     * The alarms of a topology: the fixed ones, a dead-letter alarm per queue, and the integrity anchor's when the
     * topology has that function.
     */
    public static List<AlarmRule> of(Topology topology) {
        List<AlarmRule> rules = new ArrayList<>();
        rules.addAll(tampering());
        if (topology.functions().contains(Topology.INTEGRITY_ANCHOR)) {
            rules.add(integrityAnchor());
        }
        rules.addAll(moneyIn());
        rules.addAll(moneyOut());
        rules.addAll(pendingAndReconcile());
        rules.addAll(platform());
        if (topology.functions().contains(Topology.INCIDENT_KEEPER)) {
            rules.add(postmortemOverdue());
        }
        topology.queues().forEach(queue -> rules.add(deadLetters(queue)));
        return List.copyOf(rules);
    }

    /** The rule of that name. */
    public static Optional<AlarmRule> find(List<AlarmRule> rules, String name) {
        return rules.stream().filter(rule -> rule.name().equals(name)).findFirst();
    }

    /** {@code payments-dlq-not-empty}: the name of a queue's dead-letter alarm. */
    public static String deadLetterAlarm(QueueDef queue) {
        return queue.logicalName() + "-dlq-not-empty";
    }

    private static AlarmRule.Builder count(String name, String metric) {
        return AlarmRule.named(name).watches(Watched.WarroomMetric.sum(metric));
    }

    private static List<AlarmRule> tampering() {
        return List.of(
                count("flag-states-tampered", MetricGateSignals.TAMPERED).period(ONE_MINUTE).owner(Owner.OPS)
                        .runbook("flag-states-do-not-match-their-seal-metric-flagstatetampered-alarm-warroom-flag-states-tampered")
                        .meaning("a function loaded the kill-switch states and they did not match their KMS seal: the flags table was"
                                + " written outside flag-admin and approval-apply (a row edited, added or deleted, or the seal"
                                + " removed). Functions serve their last verified copy for at most 5 minutes, then block every"
                                + " fund flow; flag changes are refused (409) until the table is restored.").build(),
                count("audit-chain-tampered", AuditChainTampered.METRIC).period(ONE_MINUTE).owner(Owner.BACKEND)
                        .runbook("audit-chain-tampered-alarm-warroom-audit-chain-tampered")
                        .meaning("the audit chain's head was missing or did not match its KMS seal, or did not agree with its newest"
                                + " anchor in the write-once anchors bucket: the audit table was rewritten outside the functions"
                                + " (entries changed or removed, or an old head put back). Appends to the audit log are refused"
                                + " until ops have looked.").build(),
                count("approval-tampered", APPROVAL_TAMPERED).period(ONE_MINUTE).owner(Owner.OPS)
                        .runbook("approval-tampered-metric-approvaltampered-alarm-warroom-approval-tampered")
                        .meaning("an approval request did not match its KMS seal: its requester, approvers, action or state were"
                                + " changed outside the approval functions, e.g. to approve one's own request. The request must"
                                + " not be applied; treat every request it touches as suspect.").build(),
                count("ledger-tampered", LedgerTampered.METRIC).period(ONE_MINUTE).owner(Owner.FINANCE)
                        .runbook("ledger-tampered-metric-ledgertampered-alarm-warroom-ledger-tampered")
                        .meaning("a ledger account's balance did not match its KMS seal (account, balance, entry count, last entry id),"
                                + " or its entries' hash chain was broken: the ledger tables were written outside the payment"
                                + " processor. Postings to that account are refused, so payments that touch it stay unapplied"
                                + " and retry until they reach the payment-checks DLQ. Redrive nothing until finance has checked"
                                + " the balance against its entries and ops have restored it.").build(),
                count("order-tampered", ORDER_TAMPERED).period(ONE_MINUTE).owner(Owner.FINANCE)
                        .runbook("order-tampered-metric-ordertampered-alarm-warroom-order-tampered")
                        .meaning("an order did not match its KMS seal (order id, user, amount, currency, item, status, version): the"
                                + " orders table was written outside orders-api and payment-processor, e.g. an order set PAID"
                                + " by hand or its amount changed. No payment event changes that order while its seal fails;"
                                + " grant or refund nothing for it until ops have found the write (CloudTrail) and restored"
                                + " the order.").build());
    }

    private static AlarmRule integrityAnchor() {
        // the schedule runs every 5 minutes: two failed (or missing) runs in a row. Lambda publishes Errors (0 when all
        // went well) for every period the function ran in, so no data means the schedule did not run it
        return AlarmRule.named("integrity-anchor-failing")
                .watches(new Watched.LambdaMetric(Watched.LambdaSignal.ERRORS, Optional.of(Topology.INTEGRITY_ANCHOR.name())))
                .period(FIVE_MINUTES).datapoints(2, 2).missingData(MissingData.BREACHING).owner(Owner.BACKEND)
                .runbook("integrity-anchor-failing-alarm-warroom-integrity-anchor-failing")
                .meaning("integrity-anchor failed (or did not run) in two five-minute periods in a row: the audit head and the"
                        + " flag seal are not being checked against their newest anchors nor anchored in the write-once"
                        + " bucket, so a rewrite of those tables would go unseen until it runs again. Read its errors (aws logs"
                        + " tail on the log group of Warroom-integrity-anchor, by correlation_id) and check that its schedule"
                        + " is enabled.").build();
    }

    private static List<AlarmRule> moneyIn() {
        return List.of(
                // a stray probe stays below 20; a forger trying keys, or a wrong server key refusing every genuine
                // notification (with Midtrans's retries on top), reaches it
                count("webhook-signatures-rejected", WEBHOOK_SIGNATURE_REJECTED).atLeast(20).owner(Owner.BACKEND)
                        .runbook("webhook-signatures-rejected-metric-webhooksignaturerejected-alarm-warroom-webhook-signatures-rejected")
                        .meaning("Midtrans notifications were answered 401 because signature_key was not SHA-512(order_id + status_code"
                                + " + gross_amount + server key): someone is posting forged notifications to the public webhook,"
                                + " or warroom/midtrans-server-key is not the key Midtrans signs with (rotated in the Midtrans"
                                + " dashboard, or sandbox against production). Nothing was stored. Genuine ones refused are"
                                + " retried by Midtrans, and the stuck-tx-sweeper asks Midtrans about PENDING orders.").build(),
                count("payment-review-recorded", PAYMENT_REVIEW_RECORDED).owner(Owner.FINANCE)
                        .runbook("payment-needs-review-metric-paymentreviewrecorded-alarm-warroom-payment-review-recorded")
                        .meaning("a payment event was not applied and waits for a person in the payment reviews (GET"
                                + " /v1/admin/payments/reviews, or the console): an amount or currency other than the order's,"
                                + " a notification for an unknown order, or Midtrans's get-status disagreeing with the"
                                + " notification. The order was left as it was; finance decides what happens to the payment.").build(),
                count("notification-failed", NOTIFICATION_FAILED).owner(Owner.OPS)
                        .runbook("notification-failed-metric-notificationfailed-alarm-warroom-notification-failed")
                        .meaning("the notification sender could not deliver a notification to a user (SES refused the mail, or the"
                                + " WhatsApp provider failed). Items that gave up are FAILED in the outbox (GET"
                                + " /v1/admin/outbox?status=FAILED); fix the cause and requeue them (POST"
                                + " /v1/admin/outbox/requeue). The payment itself is applied: only the message is missing.").build(),
                // two of three periods: the processor's retries keep counting while Midtrans is down
                count("midtrans-unavailable", MIDTRANS_UNAVAILABLE).datapoints(2, 3).owner(Owner.BACKEND)
                        .runbook("midtrans-unavailable-metric-midtransunavailable-alarm-warroom-midtrans-unavailable")
                        .meaning("calls to Midtrans's get-status API kept failing (timeouts, 5xx, refused connections): no payment"
                                + " event can be confirmed, so no order becomes PAID. Their messages retry and, after 5 receives,"
                                + " wait in the payment-checks DLQ (its own alarm). Check Midtrans's status page and the base"
                                + " URL the processor got (WARROOM_MIDTRANS_BASE_URL, context midtransBaseUrl); once Midtrans"
                                + " answers, redrive the DLQ and run the PSP reconcile (POST /v1/admin/payments/reconcile).").build());
    }

    private static List<AlarmRule> moneyOut() {
        return List.of(
                // one failure is a bad address or a refusal; three in a quarter of an hour is the rail or the treasury
                count("payout-failures", PAYOUT_FAILED).atLeast(3).period(FIFTEEN_MINUTES).owner(Owner.OPS)
                        .runbook("payout-failures-metric-payoutfailed-alarm-warroom-payout-failures")
                        .meaning("payouts ended FAILED with their hold released: the custody rail refused them, failed them for good, or"
                                + " stayed unreachable through every try. List them (GET /v1/admin/payouts?status=FAILED, or the"
                                + " console's Payouts page): each says why in its reason. Fix the cause (custodian status, the"
                                + " treasury vault's balance, warroom/custody-api-key), then press retry.").build(),
                count("payout-seal-broken", PAYOUT_SEAL_BROKEN).owner(Owner.BACKEND)
                        .runbook("payout-seal-broken-metric-payoutsealbroken-alarm-warroom-payout-seal-broken")
                        .meaning("a payout, or its user's primary wallet, no longer matches its KMS seal: someone changed a destination,"
                                + " an amount or a wallet in DynamoDB outside Warroom. Nothing was sent: the payout is QUARANTINED"
                                + " with its hold kept. Treat it as a security incident; only a two-person override ends it.").build(),
                count("payout-stuck", PAYOUT_STUCK).period(FIFTEEN_MINUTES).datapoints(2, 2).owner(Owner.OPS)
                        .runbook("payout-stuck-metric-payoutstuck-alarm-warroom-payout-stuck")
                        .meaning("payouts sat in a non-final state longer than their state allows (QUARANTINED at once, SUBMITTED for an"
                                + " hour, ...) through two polls in a row. GET /v1/admin/payouts?stuck=true lists them; the"
                                + " custodian's console shows where a SUBMITTED one waits (authorization, signing).").build(),
                count("payout-paid-after-cancel", PAID_AFTER_CANCEL).owner(Owner.FINANCE)
                        .runbook("payout-paid-after-cancel-metric-payoutpaidaftercancel-alarm-warroom-payout-paid-after-cancel")
                        .meaning("the custodian completed a transfer for a payout that had ended another way (cancelled or failed, hold"
                                + " released: money out without its ledger entry; or confirmed by an override: paid twice). Find"
                                + " the payout in the worker's log line, tell finance, and record or recover the payment.").build(),
                count("custody-callbacks-rejected", CALLBACK_REJECTED).atLeast(20).owner(Owner.BACKEND)
                        .runbook("custody-callbacks-rejected-metric-custodycallbackrejected-alarm-warroom-custody-callbacks-rejected")
                        .meaning("custody callbacks were answered 401: unsigned, or not signed with the custodian's key. Someone is"
                                + " posting to the public callback, or warroom/custody-callback-key is not the custodian's"
                                + " current public key. Nothing changed: the payout poll asks the custodian every minute anyway.").build());
    }

    private static List<AlarmRule> pendingAndReconcile() {
        return List.of(
                pending("payout-pending-too-long", "payout", "a payout has been in a non-final state (REQUESTED, SUBMITTED) for"
                        + " more than 15 minutes: the sweeper re-drives lost ones and asks the rail about submitted ones, and it"
                        + " is still not final. GET /v1/admin/stuck lists the oldest with their ages; the custodian's console"
                        + " shows where a SUBMITTED one waits."),
                pending("order-pending-too-long", "order", "an order has been PENDING for more than 15 minutes: the sweeper asked"
                        + " Midtrans and Midtrans has not settled it either (virtual-account payments may stay pending for 24"
                        + " hours; the sweeper never expires an order itself). GET /v1/admin/stuck lists the oldest; check the"
                        + " order on the Midtrans dashboard and webhook deliveries."),
                AlarmRule.named("reconcile-high-finding")
                        .watches(Watched.WarroomMetric.maximum(RECONCILE_FINDINGS, Map.of("risk", "HIGH")))
                        .period(ONE_HOUR).missingData(MissingData.IGNORE).owner(Owner.FINANCE)
                        .runbook("high-reconcile-finding-metric-reconcilefindings-alarm-warroom-reconcile-high-finding")
                        .meaning("the latest reconcile run saw at least one OPEN finding of risk HIGH: a double payout, a negative"
                                + " balance, a broken audit chain or a money mismatch above the configured amount. GET"
                                + " /v1/admin/reconcile/findings?status=OPEN&risk=HIGH lists them with their action; acknowledge"
                                + " each with a ticket. It clears when a run no longer sees one.").build(),
                AlarmRule.named("reconcile-finding-unticketed")
                        .watches(Watched.WarroomMetric.maximum(RECONCILE_FINDINGS_UNTICKETED, Map.of()))
                        .period(FIFTEEN_MINUTES).missingData(MissingData.IGNORE).owner(Owner.FINANCE)
                        .runbook("finding-open-for-24-hours-without-a-ticket-metric-reconcilefindingsunticketed-alarm-warroom-reconcile-finding-unticketed")
                        .meaning("a reconcile finding has been OPEN for more than 24 hours without a ticket (the sweeper counts them"
                                + " every 5 minutes). GET /v1/admin/reconcile/findings?status=OPEN lists them; open a ticket and"
                                + " acknowledge each (POST /v1/admin/reconcile/findings/{id}/ack).").build(),
                // an hour per period, 26 in a row without a completed run: a plain metric (Metrics Insights alarms see 3 hours)
                AlarmRule.named("reconcile-not-run")
                        .watches(new Watched.WarroomMetric(RECONCILE_RUN_COMPLETED,
                                Map.of(AlarmRule.SERVICE_DIMENSION, RECONCILE_REPORTER), Statistic.SUM))
                        .below(1).period(ONE_HOUR).datapoints(RECONCILE_SILENCE_HOURS, RECONCILE_SILENCE_HOURS)
                        .missingData(MissingData.BREACHING).owner(Owner.BACKEND)
                        .runbook("no-reconcile-run-metric-reconcileruncompleted-alarm-warroom-reconcile-not-run")
                        .meaning("no reconcile run completed in 26 hours: the daily schedule did not start it, or runs failed"
                                + " (metric ReconcileRunFailed, the state machine's failed executions). Until one completes, no"
                                + " mismatch is being found. Start one (POST /v1/admin/reconcile/runs) and read why the last failed.")
                        .build(),
                AlarmRule.named("sweeper-not-run").watches(Watched.WarroomMetric.sum(SWEEPER_RUN))
                        .below(1).period(FIVE_MINUTES).datapoints(3, 3).missingData(MissingData.BREACHING).owner(Owner.BACKEND)
                        .runbook("no-sweeper-run-metric-sweeperrun-alarm-warroom-sweeper-not-run")
                        .meaning("the stuck-transaction sweeper has not run for 15 minutes (it runs every 5): lost payouts are not"
                                + " re-driven, pending orders are not asked about, and the pending-age and unticketed-finding"
                                + " alarms see no new values. Check its schedule and its errors.").build());
    }

    private static AlarmRule pending(String name, String kind, String meaning) {
        return AlarmRule.named(name).watches(Watched.WarroomMetric.maximum(STUCK_OLDEST_AGE, Map.of("kind", kind)))
                .above(PENDING_LIMIT_SECONDS).period(FIVE_MINUTES).missingData(MissingData.IGNORE).owner(Owner.OPS)
                .runbook(PENDING_RUNBOOK).meaning(meaning).build();
    }

    private static List<AlarmRule> platform() {
        return List.of(
                AlarmRule.named("api-5xx").watches(new Watched.ApiMetric(Watched.ApiSignal.SERVER_ERRORS))
                        .atLeast(10).owner(Owner.BACKEND).runbook("api-5xx-alarm-warroom-api-5xx")
                        .meaning("the HTTP API answered 5xx at least 10 times in 5 minutes: a function failing, timing out or"
                                + " throttled behind a route. The Lambda errors alarm usually names which.").build(),
                AlarmRule.named("api-p95-latency").watches(new Watched.ApiMetric(Watched.ApiSignal.LATENCY_P95))
                        .above(2000).datapoints(3, 3).owner(Owner.BACKEND).runbook("api-slow-alarm-warroom-api-p95-latency")
                        .meaning("the 95th percentile of the HTTP API's latency stayed above 2 seconds for 15 minutes: a slow"
                                + " dependency (DynamoDB throttling, Midtrans, KMS), cold starts without SnapStart, or a"
                                + " function near its timeout.").build(),
                AlarmRule.named("lambda-errors").watches(new Watched.LambdaMetric(Watched.LambdaSignal.ERRORS, Optional.empty()))
                        .atLeast(5).datapoints(2, 3).owner(Owner.BACKEND).runbook("lambda-errors-alarm-warroom-lambda-errors")
                        .meaning("functions failed (uncaught errors, timeouts) at least 5 times in two of the last three five-minute"
                                + " periods. Find which in the Errors metric per function and read its log by correlation_id.")
                        .build(),
                AlarmRule.named("lambda-throttles").watches(new Watched.LambdaMetric(Watched.LambdaSignal.THROTTLES, Optional.empty()))
                        .owner(Owner.BACKEND).runbook("lambda-throttles-alarm-warroom-lambda-throttles")
                        .meaning("Lambda refused invocations for concurrency: the account's concurrency is used up, or a"
                                + " function's reserved concurrency is too low. Queue consumers retry; API callers got 429 or"
                                + " 5xx.").build());
    }

    private static AlarmRule postmortemOverdue() {
        // the keeper counts every hour: an hour's maximum, and an hour without a count keeps the state it had
        return AlarmRule.named("postmortem-overdue").watches(Watched.WarroomMetric.maximum(POSTMORTEMS_OVERDUE, Map.of()))
                .above(0).period(ONE_HOUR).missingData(MissingData.IGNORE).owner(Owner.OPS)
                .runbook("post-mortem-overdue-metric-postmortemsoverdue-alarm-warroom-postmortem-overdue")
                .meaning("a P0 or P1 incident has been RESOLVED for more than 48 hours without its post-mortem (the incident"
                        + " keeper counts them every hour and posts one notice per incident on ops-notices). GET"
                        + " /v1/incidents?status=RESOLVED lists them; the post-mortem owner writes it (POST"
                        + " /v1/incidents/{id}/postmortem). It clears when none is overdue.").build();
    }

    private static AlarmRule deadLetters(QueueDef queue) {
        return AlarmRule.named(deadLetterAlarm(queue)).watches(new Watched.DeadLetters(queue)).owner(Owner.BACKEND)
                .runbook(DEAD_LETTER_RUNBOOK)
                .meaning("at least one message of the " + queue.logicalName() + " queue failed " + queue.maxReceiveCount()
                        + " times in its consumer and now waits in its dead-letter queue; nothing retries it, and it expires 14"
                        + " days after it was first sent. Read it (aws sqs receive-message) and the consumer's logs for the"
                        + " error; once the cause is fixed, move the messages back (aws sqs start-message-move-task); delete"
                        + " only a message whose effect you have applied or ruled out by hand.").build();
    }
}
