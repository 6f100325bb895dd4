package com.warroom.payouts.admin;

import com.warroom.payouts.PayoutProblems;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.payouts.PayoutView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/admin/payouts/{payoutId}/retry} (ops, finance; {@code Idempotency-Key} optional, the console always
 * sends one) with an empty body, {@code {}} or {@code {"note"}} (for the audit log, at most 1000 characters): 202 with
 * the payout view, REQUESTED again. 404 unknown payout; 409 {@code not-retryable} unless it is FAILED or
 * RETRY_SCHEDULED (also for the second of two presses with different keys), {@code insufficient-balance} when its
 * amount cannot be held again, {@code payout-seal-broken}, {@code payout-ledger-mismatch}; nothing is written then.
 */
final class RetryPayoutAction implements RouteAction {

    static final String ROUTE = "POST /v1/admin/payouts/{payoutId}/retry";
    static final int MAX_NOTE_LENGTH = 1000;
    private static final Set<String> FIELDS = Set.of("note");

    private final PayoutRetry retry;
    private final PayoutEntries entries;
    private final Clock clock;

    RetryPayoutAction(PayoutRetry retry, PayoutEntries entries, Clock clock) {
        this.retry = retry;
        this.entries = entries;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>(new QueryParams(request.query(), Set.of()).errors());
        Optional<String> payoutId = PayoutPath.payoutId(request, errors);
        var parsed = BodyFields.parse(request.body().isBlank() ? "{}" : request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<String> note = fields.optionalText("note", 1, MAX_NOTE_LENGTH);
        errors.addAll(fields.errors());
        if (!errors.isEmpty()) {
            return ApiResult.problem(Problem.validation(errors));
        }
        var command = new PayoutRetry.Command(payoutId.get(), note, request.requireCaller(),
                new RequestOrigin(request.requestId(), request.sourceIp()));
        return switch (retry.retry(command)) {
            case PayoutRetry.Outcome.Retried retried -> ApiResult.accepted(PayoutView.of(retried.payout(), true, clock.instant(),
                    Optional.<Collection<String>>of(entries.of(retried.payout()))));
            case PayoutRetry.Outcome.NotFound notFound -> ApiResult.problem(PayoutProblems.notFound(payoutId.get()));
            case PayoutRetry.Outcome.NotRetryable notRetryable ->
                    ApiResult.problem(PayoutProblems.notRetryable(payoutId.get(), notRetryable.status()));
            case PayoutRetry.Outcome.SealBroken sealBroken -> ApiResult.problem(PayoutProblems.sealBroken(payoutId.get()));
            case PayoutRetry.Outcome.InsufficientBalance balance ->
                    PayoutProblems.answer(PayoutProblems.insufficientBalance(balance.account(), balance.balanceAfter()));
            case PayoutRetry.Outcome.LedgerMismatch mismatch -> ApiResult.problem(PayoutProblems.ledgerMismatch(mismatch.why()));
        };
    }
}
