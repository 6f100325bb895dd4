package com.warroom.payouts.admin;

import com.warroom.http.Problem;
import com.warroom.ledger.AccountId;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;

/** The problems the payout queue's routes answer besides bad input. */
final class PayoutProblems {

    private PayoutProblems() {
    }

    static Problem notFound(String payoutId) {
        return Problem.notFound("no payout " + payoutId);
    }

    static Problem notRetryable(String payoutId, String status) {
        return Problem.of(409, "not-retryable", "Payout cannot be retried", "payout " + payoutId + " is " + status
                + ": only FAILED and RETRY_SCHEDULED payouts can be retried; nothing was changed");
    }

    static Problem notOverridable(String payoutId, String status) {
        return Problem.of(409, "not-overridable", "Payout cannot be overridden", "payout " + payoutId + " is " + status
                + ": only a payout in a state that is not final (REQUESTED, HELD, SUBMITTING, SUBMITTED, RETRY_SCHEDULED, "
                + "QUARANTINED) can be overridden; nothing was requested");
    }

    static Problem insufficientBalance(AccountId account, Money balanceAfter) {
        return Problem.of(409, "insufficient-balance", "Insufficient balance", "holding the payout again would take " + account
                + " to " + DecimalAmount.format(balanceAfter) + " " + balanceAfter.currency() + "; nothing was changed");
    }

    static Problem sealBroken(String payoutId) {
        return Problem.of(409, "payout-seal-broken", "Payout does not match its seal", "payout " + payoutId
                + " was changed outside Warroom (its seal does not match): it is not retried or overridden until it is restored"
                + " (README runbook: Payout seal broken); nothing was changed");
    }

    static Problem ledgerMismatch(String detail) {
        return Problem.of(409, "payout-ledger-mismatch", "Payout and ledger disagree", detail + "; nothing was changed");
    }
}
