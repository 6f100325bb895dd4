package com.warroom.approvals.api;

import com.warroom.approvals.ActionRegistry;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.Decision;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/admin/approvals/{id}/approve} with {@code {"comment"?, "payloadHash"?}} (an empty body
 * is {@code {}}), and {@code POST /v1/admin/approvals/{id}/reject} with {@code {"reason"}} (10–500
 * characters). {@code payloadHash}, when given, must be the request's: the approver approves exactly
 * the payload they read.
 *
 * <p>Answers: 200 with the request as it now is; 400 bad input; 403 the requester deciding, a role the
 * action does not allow, or (approving a fund-related action) no super_admin among the two people;
 * 404 no such request; 409 already decided (also by the same person repeating their decision, which sends it to
 * the workflow again), expired, payload hash mismatch, or the workflow's wait
 * already over; 409 {@code approval-tampered} when the stored request is not the one its requester made (its seal,
 * payload hash or {@code approval.requested} audit entry do not match: nothing written, metric
 * {@code ApprovalTampered}); 503 with {@code Retry-After} when the workflow is not waiting yet (nothing written), the
 * seal cannot be checked (nothing written), or the workflow could not be told (decision recorded: repeat the same call
 * to deliver it); 500 {@code approval-unreadable} when the stored request cannot be read.
 */
final class DecideApprovalAction implements RouteAction {

    static final String APPROVE_ROUTE = "POST /v1/admin/approvals/{id}/approve";
    static final String REJECT_ROUTE = "POST /v1/admin/approvals/{id}/reject";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> APPROVE_FIELDS = Set.of("comment", "payloadHash");
    private static final Set<String> REJECT_FIELDS = Set.of("reason");

    private final Decision decision;
    private final ApprovalDecider decider;
    private final ActionRegistry registry;
    private final Clock clock;

    DecideApprovalAction(Decision decision, ApprovalDecider decider, ActionRegistry registry, Clock clock) {
        this.decision = decision;
        this.decider = decider;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        QueryParams params = new QueryParams(request.query(), Set.of());
        errors.addAll(params.errors());
        Optional<String> id = ApprovalPath.id(request);
        if (id.isEmpty()) {
            errors.add(new FieldError("id", ApprovalRequest.ID_RULE));
        }
        String body = decision == Decision.APPROVED && request.body().isBlank() ? "{}" : request.body();
        var parsed = BodyFields.parse(body, decision == Decision.APPROVED ? APPROVE_FIELDS : REJECT_FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<DecisionCommand> command = decision == Decision.APPROVED
                ? approve(fields) : reject(fields);
        errors.addAll(fields.errors());
        if (!errors.isEmpty()) {
            return ApiResult.problem(Problem.validation(errors));
        }
        DecisionOutcome outcome = decider.decide(id.get(), command.get(), request.requireCaller(),
                new RequestOrigin(request.requestId(), request.sourceIp()));
        return answer(outcome);
    }

    private static Optional<DecisionCommand> approve(BodyFields fields) {
        Optional<String> comment = fields.optionalText("comment", 1, DecisionCommand.MAX_NOTE_LENGTH);
        Optional<String> payloadHash = fields.optionalString("payloadHash").filter(text -> {
            if (!SHA256_HEX.matcher(text).matches()) {
                fields.reject("payloadHash", "must be the request's payloadHash: 64 lowercase hexadecimal characters");
                return false;
            }
            return true;
        });
        return Optional.of(new DecisionCommand.Approve(comment, payloadHash));
    }

    private static Optional<DecisionCommand> reject(BodyFields fields) {
        return fields.requiredText("reason", DecisionCommand.MIN_REASON_LENGTH, DecisionCommand.MAX_NOTE_LENGTH)
                .map(DecisionCommand.Reject::new);
    }

    private ApiResult answer(DecisionOutcome outcome) {
        return switch (outcome) {
            case DecisionOutcome.NotFound notFound -> ApiResult.problem(Problem.notFound("no approval request " + notFound.id()));
            case DecisionOutcome.Unreadable unreadable -> ApiResult.problem(unreadable.row().asProblem());
            case DecisionOutcome.Refused refused -> ApiResult.problem(problem(refused));
            case DecisionOutcome.NotReady notReady -> new ApiResult(503, Problem.unavailable("the approval workflow is not "
                    + "waiting for a decision on " + notReady.request().id() + " yet; nothing was recorded, retry in a moment"),
                    Map.of("Retry-After", "1"));
            case DecisionOutcome.Decided decided when decided.repeated() -> repeated(decided);
            case DecisionOutcome.Decided decided -> switch (decided.delivery()) {
                case DecisionSender.Delivery.Delivered delivered -> view(decided);
                case DecisionSender.Delivery.WaitOver over -> ApiResult.problem(Problem.of(409, "approval-wait-over",
                        "The workflow is no longer waiting", "the decision on " + decided.request().id() + " was recorded, but the "
                                + "workflow's wait had already ended (" + over.why() + "); the workflow closes the request without applying it"));
                case DecisionSender.Delivery.Unavailable unavailable -> undelivered(decided.request());
            };
        };
    }

    // A request is decided once: a repeat of one's own decision is a 409 like any other second decision. It still
    // sends the recorded decision again, which is how a decision whose first send was lost (503) reaches the workflow;
    // a retry that must see the first 200 again carries the same Idempotency-Key and is replayed before it gets here.
    private static ApiResult repeated(DecisionOutcome.Decided decided) {
        ApprovalRequest request = decided.request();
        return switch (decided.delivery()) {
            case DecisionSender.Delivery.Unavailable unavailable -> undelivered(request);
            case DecisionSender.Delivery.Delivered delivered -> alreadyDecidedByYou(request);
            case DecisionSender.Delivery.WaitOver over -> alreadyDecidedByYou(request);
        };
    }

    private static ApiResult alreadyDecidedByYou(ApprovalRequest request) {
        return ApiResult.problem(alreadyDecided("approval " + request.id() + " is already " + request.status() + " by you (at "
                + request.decidedAt() + "); a request is decided once. Your decision stands and was sent to the workflow again"));
    }

    private static ApiResult undelivered(ApprovalRequest request) {
        return new ApiResult(503, Problem.unavailable("the decision on " + request.id() + " was recorded but the workflow could "
                + "not be told; repeat the same call to deliver it"), Map.of("Retry-After", "5"));
    }

    private static Problem alreadyDecided(String detail) {
        return Problem.of(409, "approval-decided", "Already decided", detail);
    }

    private ApiResult view(DecisionOutcome.Decided decided) {
        return ApiResult.ok(ApprovalView.of(decided.request(), registry, clock.instant()));
    }

    private static Problem problem(DecisionOutcome.Refused refused) {
        String detail = refused.detail();
        return switch (refused.reason()) {
            case SELF_DECISION -> Problem.of(403, "approval-self-decision", "The requester cannot decide", detail);
            case ROLE_NOT_ALLOWED -> Problem.of(403, "approval-role", "Role may not decide this action", detail);
            case SUPER_ADMIN_REQUIRED -> Problem.of(403, "approval-super-admin-required", "A super_admin must take part", detail);
            case ALREADY_DECIDED -> alreadyDecided(detail);
            case EXPIRED -> Problem.of(409, "approval-expired", "Approval request expired", detail);
            case HASH_MISMATCH -> Problem.of(409, "approval-payload-hash", "Payload hash does not match", detail);
            case TAMPERED -> Problem.of(409, "approval-tampered", "Approval request tampered with", detail);
            case UNKNOWN_ACTION -> Problem.of(409, "approval-unknown-action", "Unknown action", detail);
        };
    }
}
