package com.warroom.payouts.admin;

import com.warroom.payouts.PayoutProblems;
import com.warroom.approvals.actions.PayoutOverridePayload;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/admin/payouts/{payoutId}/override} (finance, super_admin; {@code Idempotency-Key} optional) with
 * {@code {"action":"MARK_CONFIRMED","railReference","note"}} or {@code {"action":"CANCEL","note"}} (note 1 to 1000
 * characters, rail reference 1 to 200): 202 with the PENDING {@code PAYOUT_OVERRIDE} approval. 400 bad input; 404
 * unknown payout; 409 {@code not-overridable} when the payout is final (or its status is not one Warroom knows),
 * {@code payout-seal-broken}; nothing is written then. A second person approves it in the approvals inbox; only then is
 * it applied.
 */
final class OverridePayoutAction implements RouteAction {

    static final String ROUTE = "POST /v1/admin/payouts/{payoutId}/override";
    private static final Set<String> FIELDS = Set.of("action", "railReference", "note");

    private final PayoutOverrideRequester requester;

    OverridePayoutAction(PayoutOverrideRequester requester) {
        this.requester = requester;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>(new QueryParams(request.query(), Set.of()).errors());
        Optional<String> payoutId = PayoutPath.payoutId(request, errors);
        var parsed = BodyFields.parse(request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<PayoutOverridePayload.Kind> action = fields.requiredString("action").flatMap(name -> {
            Optional<PayoutOverridePayload.Kind> known = PayoutOverridePayload.Kind.parse(name);
            if (known.isEmpty()) {
                fields.reject("action", "must be one of " + PayoutOverridePayload.Kind.names());
            }
            return known;
        });
        Optional<String> railReference = Optional.empty();
        if (action.isPresent() && action.get() == PayoutOverridePayload.Kind.MARK_CONFIRMED) {
            railReference = fields.requiredText("railReference", 1, PayoutOverridePayload.MAX_RAIL_REFERENCE_LENGTH);
        } else if (action.isPresent() && fields.optionalValue("railReference").isPresent()) {
            fields.reject("railReference", "is only for MARK_CONFIRMED: a cancel moves no money");
        }
        Optional<String> note = fields.requiredText("note", 1, PayoutOverridePayload.MAX_NOTE_LENGTH);
        errors.addAll(fields.errors());
        if (!errors.isEmpty()) {
            return ApiResult.problem(Problem.validation(errors));
        }
        var command = new PayoutOverrideRequester.Command(payoutId.get(), action.get(), railReference, note.get());
        return switch (requester.request(command, request.requireCaller(), new RequestOrigin(request.requestId(), request.sourceIp()))) {
            case PayoutOverrideRequester.Outcome.Pending pending -> ApiResult.accepted(pending.request().receipt());
            case PayoutOverrideRequester.Outcome.NotFound notFound -> ApiResult.problem(PayoutProblems.notFound(payoutId.get()));
            case PayoutOverrideRequester.Outcome.NotOverridable no ->
                    ApiResult.problem(PayoutProblems.notOverridable(payoutId.get(), no.status()));
            case PayoutOverrideRequester.Outcome.SealBroken sealBroken -> ApiResult.problem(PayoutProblems.sealBroken(payoutId.get()));
        };
    }
}
