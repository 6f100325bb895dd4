package com.warroom.payouts.api;

import com.warroom.flags.FlagDecision;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.ledger.AccountId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The refusals of the payout routes, each saying which rule refused the request. */
final class PayoutProblems {

    private PayoutProblems() {
    }

    /** 422: a well-formed request that the state of things refuses, with the bad field named. */
    static Problem unprocessable(String field, String message) {
        return new Problem(Problem.TYPE_BASE + "validation", "Request cannot be applied", 422, field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    static Problem invalidAmount(String reason) {
        return new Problem(Problem.TYPE_BASE + "invalid-amount", "Amount is not valid", 422, "amount: " + reason,
                List.of(new FieldError("amount", reason)));
    }

    /** 403: a kill switch is off; {@code rule} is {@code flag:<flag>@<scope>}. */
    static Problem flowDisabled(String kind, FlagDecision.BlockedBy blockedBy) {
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("flag", blockedBy.flag());
        by.put("scope", blockedBy.scope());
        by.put("reason", blockedBy.reason());
        by.put("since", blockedBy.since());
        return Problem.of(403, "flow-disabled", "Flow disabled", "payouts of kind " + kind + " are stopped: flag "
                        + blockedBy.flag() + " is off in scope " + blockedBy.scope() + " (" + blockedBy.reason() + ")")
                .with("rule", "flag:" + blockedBy.flag() + "@" + blockedBy.scope())
                .with("blockedBy", by);
    }

    static Problem notEligible(String rule, String detail) {
        return Problem.of(403, "not-eligible", "Not eligible", detail).with("rule", rule);
    }

    static Problem walletSealBroken(String userId) {
        return Problem.of(409, "wallet-seal-broken", "Wallet seal broken", "user " + userId
                        + "'s primary wallet does not match its seal, so nothing is paid to it; nothing was written "
                        + "(README runbook: Payout seal broken)")
                .with("rule", "wallet.seal");
    }

    static Problem insufficientBalance(AccountId account, String amount) {
        return Problem.of(409, "insufficient-balance", "Insufficient balance", "account " + account
                        + " cannot hold " + amount + " for this payout: its balance is lower; nothing was written")
                .with("rule", "ledger.balance")
                .with("account", account.value());
    }

    static Problem payoutExists(String payoutId) {
        return Problem.of(409, "payout-exists", "Payout exists", "payout " + payoutId + " was already requested with "
                + "other fields (userId, kind, amount, asset, reference, roundId or destination); it is not changed: "
                + "request a new payout under a new Idempotency-Key");
    }

    static Problem ledgerTampered(String detail) {
        return Problem.of(409, "ledger-tampered", "The ledger was tampered with", detail
                + "; nothing was written (README runbook: Ledger tampered)");
    }
}
