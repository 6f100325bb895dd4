package com.warroom.payouts.worker;

/** The worker's metric names (alarms watch PayoutFailed, PayoutSealBroken and PayoutPaidAfterCancel). */
final class PayoutMetrics {

    static final String SUBMITTED = "PayoutSubmitted";
    static final String CONFIRMED = "PayoutConfirmed";
    static final String RETRY_SCHEDULED = "PayoutRetryScheduled";
    static final String FAILED = "PayoutFailed";
    static final String QUARANTINED = "PayoutQuarantined";
    static final String PAUSED = "PayoutPausedByFlag";
    /**
     * The rail completed a transfer of a payout that had ended another way (cancelled, failed, or confirmed by an
     * override): money out without its ledger entry, or paid twice.
     */
    static final String PAID_AFTER_CANCEL = "PayoutPaidAfterCancel";

    private PayoutMetrics() {
    }
}
