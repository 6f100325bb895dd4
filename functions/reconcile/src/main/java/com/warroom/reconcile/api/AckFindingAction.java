package com.warroom.reconcile.api;

import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.reconcile.findings.FindingAcknowledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/admin/reconcile/findings/{id}/ack} (ops, finance, super_admin; {@code Idempotency-Key} optional) with
 * {@code {"ticket"}} (1 to 64 of letters, digits and {@code . _ # : / -}, such as {@code INC-2041} or
 * {@code JIRA:OPS/77}): 200 with the finding, ACKNOWLEDGED with the ticket, who and when, and an audit entry in the same
 * transaction. 404 unknown finding; 409 {@code finding-not-open} when it is ACKNOWLEDGED or RESOLVED; nothing is
 * written then.
 */
final class AckFindingAction implements RouteAction {

    static final String ROUTE = "POST /v1/admin/reconcile/findings/{id}/ack";
    private static final Set<String> FIELDS = Set.of("ticket");

    private final FindingAcknowledger acknowledger;

    AckFindingAction(FindingAcknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>(new QueryParams(request.query(), Set.of()).errors());
        Optional<String> findingId = PathIds.findingId(request, errors);
        var parsed = BodyFields.parse(request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<String> ticket = fields.requiredString("ticket").filter(text -> {
            boolean valid = FindingAcknowledger.TICKET.matcher(text).matches();
            if (!valid) {
                fields.reject("ticket", "must be 1 to " + FindingAcknowledger.MAX_TICKET_LENGTH
                        + " letters, digits or . _ # : / - (a ticket or incident reference such as INC-2041)");
            }
            return valid;
        });
        errors.addAll(fields.errors());
        if (!errors.isEmpty()) {
            return ApiResult.problem(Problem.validation(errors));
        }
        return switch (acknowledger.acknowledge(findingId.get(), ticket.get(), request.requireCaller(),
                new RequestOrigin(request.requestId(), request.sourceIp()))) {
            case FindingAcknowledger.Outcome.Acknowledged acknowledged -> ApiResult.ok(acknowledged.finding().view());
            case FindingAcknowledger.Outcome.NotFound notFound -> ApiResult.problem(ReconcileProblems.findingNotFound(findingId.get()));
            case FindingAcknowledger.Outcome.NotOpen notOpen -> ApiResult.problem(ReconcileProblems.notAcknowledgeable(notOpen.finding()));
        };
    }
}
