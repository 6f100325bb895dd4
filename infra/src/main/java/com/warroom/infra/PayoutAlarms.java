package com.warroom.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.constructs.Construct;

/**
 * The alarms on money going out: payouts failing (their rate per window), a payout or wallet seal broken, payouts stuck,
 * a transfer completed for a payout Warroom had ended, and forged custody callbacks. The payouts queue's DLQ alarm is
 * {@link WorkQueues}'s, like every queue's.
 */
public final class PayoutAlarms extends CountAlarmGroup {

    static final String PAYOUT_FAILED = "PayoutFailed";
    static final String PAYOUT_SEAL_BROKEN = "PayoutSealBroken";
    static final String PAYOUT_STUCK = "PayoutStuck";
    static final String PAID_AFTER_CANCEL = "PayoutPaidAfterCancel";
    static final String CALLBACK_REJECTED = "CustodyCallbackRejected";

    static final Duration PERIOD = Duration.minutes(15);
    /** One failure is a bad address or a refusal; three in a quarter of an hour is the rail or the treasury. */
    static final int FAILURES = 3;
    static final int REJECTED_BURST = 20;

    static final List<CountAlarm> ALARMS = List.of(
            new CountAlarm(PAYOUT_FAILED, "-payout-failures", CountAlarm.Trip.atLeast(FAILURES, PERIOD),
                    "payouts ended FAILED with their hold released: the custody rail refused them, failed them for good, or"
                            + " stayed unreachable through every try. List them (GET /v1/admin/payouts?status=FAILED, or the"
                            + " console's Payouts page): each says why in its reason. Fix the cause (custodian status, the"
                            + " treasury vault's balance, warroom/custody-api-key), then press retry.",
                    "README.md#payout-failures-metric-payoutfailed-alarm-warroom-payout-failures"),
            new CountAlarm(PAYOUT_SEAL_BROKEN, "-payout-seal-broken", CountAlarm.Trip.first(Duration.minutes(5)),
                    "a payout, or its user's primary wallet, no longer matches its KMS seal: someone changed a destination,"
                            + " an amount or a wallet in DynamoDB outside Warroom. Nothing was sent: the payout is QUARANTINED"
                            + " with its hold kept. Treat it as a security incident; only a two-person override ends it.",
                    "README.md#payout-seal-broken-metric-payoutsealbroken-alarm-warroom-payout-seal-broken"),
            new CountAlarm(PAYOUT_STUCK, "-payout-stuck", CountAlarm.Trip.sustained(PERIOD, 2, 2),
                    "payouts sat in a non-final state longer than their state allows (QUARANTINED at once, SUBMITTED for an"
                            + " hour, ...) through two polls in a row. GET /v1/admin/payouts?stuck=true lists them; the"
                            + " custodian's console shows where a SUBMITTED one waits (authorization, signing).",
                    "README.md#payout-stuck-metric-payoutstuck-alarm-warroom-payout-stuck"),
            new CountAlarm(PAID_AFTER_CANCEL, "-payout-paid-after-cancel", CountAlarm.Trip.first(Duration.minutes(5)),
                    "the custodian completed a transfer for a payout that had ended another way (cancelled or failed, hold"
                            + " released: money out without its ledger entry; or confirmed by an override: paid twice). Find"
                            + " the payout in the worker's log line, tell finance, and record or recover the payment.",
                    "README.md#payout-paid-after-cancel-metric-payoutpaidaftercancel-alarm-warroom-payout-paid-after-cancel"),
            new CountAlarm(CALLBACK_REJECTED, "-custody-callbacks-rejected", CountAlarm.Trip.atLeast(REJECTED_BURST, Duration.minutes(5)),
                    "custody callbacks were answered 401: unsigned, or not signed with the custodian's key. Someone is"
                            + " posting to the public callback, or warroom/custody-callback-key is not the custodian's"
                            + " current public key. Nothing changed: the payout poll asks the custodian every minute anyway.",
                    "README.md#custody-callbacks-rejected-metric-custodycallbackrejected-alarm-warroom-custody-callbacks-rejected"));

    public PayoutAlarms(Construct scope, String id) {
        super(scope, id, ALARMS);
    }
}
