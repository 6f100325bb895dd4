package com.warroom.payouts;

import com.warroom.flags.FlagDecision;
import com.warroom.http.ApiResult;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.ledger.AccountId;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refusals of the payout routes besides bad input, each naming the rule that refused. The ones that depend on a
 * state that may change (a kill switch, the treasury's balance) carry {@code Retry-After}: the request wrote nothing,
 * so the payout id is not used up (see {@code IdempotentRoutes}) and the same request may be sent again later.
 */
public final class PayoutProblems {

    /** How long a caller should wait before asking again for a payout refused by a state that may change. */
    public static final String RETRY_AFTER_SECONDS = "60";

    private PayoutProblems() {
    }

    /** The answer to a refusal: with {@code Retry-After} when the refusal may not hold later. */
    public static ApiResult answer(Problem problem) {
        return passing(problem) ? new ApiResult(problem.status(), problem, Map.of("Retry-After", RETRY_AFTER_SECONDS))
                : ApiResult.problem(problem);
    }

    private static boolean passing(Problem problem) {
        return problem.type().endsWith("/flow-disabled") || problem.type().endsWith("/insufficient-balance");
    }

    public static Problem notFound(String payoutId) {
        return Problem.notFound("no payout " + payoutId);
    }

    /** 422: a well-formed request that the state of things refuses, with the bad field named. */
    public static Problem unprocessable(String field, String message) {
        return new Problem(Problem.TYPE_BASE + "validation", "Request cannot be applied", 422, field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static Problem invalidAmount(String reason) {
        return new Problem(Problem.TYPE_BASE + "invalid-amount", "Amount is not valid", 422, "amount: " + reason,
                List.of(new FieldError("amount", reason)));
    }

    /** 403: a kill switch is off; {@code rule} is {@code flag:<flag>@<scope>}. */
    public static Problem flowDisabled(String kind, FlagDecision.BlockedBy blockedBy) {
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

    public static Problem notEligible(String rule, String detail) {
        return Problem.of(403, "not-eligible", "Not eligible", detail).with("rule", rule);
    }

    public static Problem walletSealBroken(String userId) {
        return Problem.of(409, "wallet-seal-broken", "Wallet seal broken", "user " + userId
                        + "'s primary wallet does not match its seal, so nothing is paid to it; nothing was written "
                        + "(README runbook: Payout seal broken)")
                .with("rule", "wallet.seal");
    }

    /** 409: holding the amount would take {@code account} to {@code balanceAfter}, below zero. */
    public static Problem insufficientBalance(AccountId account, Money balanceAfter) {
        return Problem.of(409, "insufficient-balance", "Insufficient balance", "holding the payout would take " + account
                        + " to " + DecimalAmount.format(balanceAfter) + " " + balanceAfter.currency() + "; nothing was written")
                .with("rule", "ledger.balance")
                .with("account", account.value());
    }

    public static Problem payoutExists(String payoutId) {
        return Problem.of(409, "payout-exists", "Payout exists", "payout " + payoutId + " was already requested with "
                + "other fields (userId, kind, amount, asset, reference, roundId or destination); it is not changed: "
                + "request a new payout under a new Idempotency-Key");
    }

    public static Problem ledgerTampered(String detail) {
        return Problem.of(409, "ledger-tampered", "The ledger was tampered with", detail
                + "; nothing was written (README runbook: Ledger tampered)");
    }

    public static Problem notRetryable(String payoutId, String status) {
        return Problem.of(409, "not-retryable", "Payout cannot be retried", "payout " + payoutId + " is " + status
                + ": only FAILED and RETRY_SCHEDULED payouts can be retried; nothing was changed");
    }

    public static Problem notOverridable(String payoutId, String status) {
        return Problem.of(409, "not-overridable", "Payout cannot be overridden", "payout " + payoutId + " is " + status
                + ": only a payout in a state that is not final (REQUESTED, HELD, SUBMITTING, SUBMITTED, RETRY_SCHEDULED, "
                + "QUARANTINED) can be overridden; nothing was requested");
    }

    public static Problem sealBroken(String payoutId) {
        return Problem.of(409, "payout-seal-broken", "Payout does not match its seal", "payout " + payoutId
                + " was changed outside Warroom (its seal does not match): it is not retried or overridden until it is restored"
                + " (README runbook: Payout seal broken); nothing was changed");
    }

    public static Problem ledgerMismatch(String detail) {
        return Problem.of(409, "payout-ledger-mismatch", "Payout and ledger disagree", detail + "; nothing was changed");
    }
}
