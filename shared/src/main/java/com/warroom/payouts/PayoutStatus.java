package com.warroom.payouts;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a payout is. REQUESTED → SUBMITTING → SUBMITTED → CONFIRMED is the happy path; HELD waits out a wallet's
 * cooling-off; RETRY_SCHEDULED waits for the next attempt; QUARANTINED is a payout whose seal (or its user's wallet
 * seal) failed: nothing is submitted and the hold is kept until two people override it.
 */
public enum PayoutStatus {
    REQUESTED(Duration.ofMinutes(5)),
    HELD(Duration.ofHours(1)),
    SUBMITTING(Duration.ofMinutes(5)),
    SUBMITTED(Duration.ofHours(1)),
    RETRY_SCHEDULED(Duration.ofHours(1)),
    QUARANTINED(Duration.ZERO),
    CONFIRMED(null),
    FAILED(null),
    CANCELLED(null);

    private final Duration stuckAfter;

    PayoutStatus(Duration stuckAfter) {
        this.stuckAfter = stuckAfter;
    }

    /** CONFIRMED, FAILED and CANCELLED: the worker never moves them again (an ops retry may restart a FAILED one). */
    public boolean isFinal() {
        return stuckAfter == null;
    }

    /** How long a payout may stay in this state before it is shown as stuck (for HELD: past its cooling-off); empty for final states. */
    public Optional<Duration> stuckAfter() {
        return Optional.ofNullable(stuckAfter);
    }

    /** Whether the ledger holds the payout's amount in its pending account in this state. */
    public boolean holdsFunds() {
        return !isFinal();
    }

    public static Optional<PayoutStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
