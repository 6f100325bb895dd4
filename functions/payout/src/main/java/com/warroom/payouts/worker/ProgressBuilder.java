package com.warroom.payouts.worker;

import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.rail.RailTransaction;
import java.time.Instant;
import java.util.Optional;

/** The next progress of a payout, from its current one: only what changes is named. */
final class ProgressBuilder {

    private String status;
    private final int submission;
    private int attempts;
    private Optional<String> railReference;
    private Optional<String> railStatus;
    private Optional<String> txHash;
    private Optional<String> reason;
    private Optional<Instant> nextAttemptAt;
    private Optional<Instant> leaseUntil;

    ProgressBuilder(Payout.Progress from) {
        this.status = from.status();
        this.submission = from.submission();
        this.attempts = from.attempts();
        this.railReference = from.railReference();
        this.railStatus = from.railStatus();
        this.txHash = from.txHash();
        this.reason = from.reason();
        this.nextAttemptAt = from.nextAttemptAt();
        this.leaseUntil = from.leaseUntil();
    }

    ProgressBuilder status(PayoutStatus next) {
        status = next.name();
        return this;
    }

    ProgressBuilder attempts(int next) {
        attempts = next;
        return this;
    }

    ProgressBuilder rail(RailTransaction tx) {
        railReference = Optional.of(tx.railId());
        railStatus = Optional.of(tx.status().name());
        txHash = tx.txHash().or(() -> txHash);
        return this;
    }

    ProgressBuilder reason(String next) {
        reason = Optional.ofNullable(next);
        return this;
    }

    ProgressBuilder nextAttemptAt(Instant next) {
        nextAttemptAt = Optional.ofNullable(next);
        return this;
    }

    ProgressBuilder leaseUntil(Instant next) {
        leaseUntil = Optional.ofNullable(next);
        return this;
    }

    Payout.Progress build() {
        return new Payout.Progress(status, submission, attempts, railReference, railStatus, txHash, reason, nextAttemptAt, leaseUntil);
    }
}
