package com.warroom.payments.admin;

import com.warroom.approvals.actions.ScanOverridePayload;
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
 * {@code POST /v1/admin/payments/reviews/{id}/override} (reviewer, ops, super_admin; {@code Idempotency-Key} optional)
 * with {@code {"note"}} (1 to 1000 characters): 202 with the PENDING {@code SCAN_OVERRIDE} approval. 400 bad input; 404
 * unknown review; 409 {@code not-overridable} when the review is not OPEN; nothing is written then. A second person
 * approves it in the approvals inbox; only then does the review become OVERRIDDEN_PASS.
 */
final class OverrideReviewAction implements RouteAction {

    static final String ROUTE = "POST /v1/admin/payments/reviews/{id}/override";
    private static final Set<String> FIELDS = Set.of("note");

    private final ReviewOverrideRequester requester;

    OverrideReviewAction(ReviewOverrideRequester requester) {
        this.requester = requester;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>(new QueryParams(request.query(), Set.of()).errors());
        String reviewId = request.pathParameters().get("id");
        if (reviewId == null || reviewId.isBlank() || reviewId.length() > ScanOverridePayload.MAX_SUBJECT_LENGTH) {
            errors.add(new FieldError("id", "must be a payment review id of 1 to " + ScanOverridePayload.MAX_SUBJECT_LENGTH
                    + " characters"));
        }
        var parsed = BodyFields.parse(request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<String> note = fields.requiredText("note", 1, ScanOverridePayload.MAX_NOTE_LENGTH);
        errors.addAll(fields.errors());
        if (!errors.isEmpty()) {
            return ApiResult.problem(Problem.validation(errors));
        }
        return switch (requester.request(reviewId, note.get(), request.requireCaller(),
                new RequestOrigin(request.requestId(), request.sourceIp()))) {
            case ReviewOverrideRequester.Outcome.Pending pending -> ApiResult.accepted(pending.request().receipt());
            case ReviewOverrideRequester.Outcome.NotFound notFound ->
                    ApiResult.problem(Problem.notFound("no payment review " + reviewId + " exists"));
            case ReviewOverrideRequester.Outcome.NotOverridable no -> ApiResult.problem(Problem.of(409, "not-overridable",
                    "Not overridable", "payment review " + reviewId + " is " + no.state() + ": only an OPEN review can be let through"));
        };
    }
}
