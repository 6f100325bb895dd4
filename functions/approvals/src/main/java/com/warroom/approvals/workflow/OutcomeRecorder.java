package com.warroom.approvals.workflow;

import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalServices;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.observability.OpsMetrics;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RecordOutcome step, where every path of the workflow ends. The table is the truth: it closes the
 * request from what the table shows, with the error the workflow caught (if any) as the reason.
 *
 * <table>
 *   <tr><th>status</th><th>no error</th><th>States.Timeout</th><th>other error</th></tr>
 *   <tr><td>PENDING</td><td>FAILED (ended without a decision)</td><td>EXPIRED</td><td>FAILED</td></tr>
 *   <tr><td>APPROVED</td><td>FAILED (not applied)</td><td>FAILED</td><td>FAILED</td></tr>
 *   <tr><td>APPLIED, REJECTED, EXPIRED, FAILED</td><td colspan="3">unchanged</td></tr>
 * </table>
 *
 * It stamps {@code closedAt}, drops the task token (no wait is left to complete) and writes
 * {@code approval.expired}, {@code approval.failed}, or {@code approval.closed} when the status stays.
 * A closed request is never changed again, so a retry writes nothing.
 */
public final class OutcomeRecorder {

    public static final String FAILED_METRIC = "ApprovalFailed";
    public static final String EXPIRED_METRIC = "ApprovalExpired";

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final ApprovalServices services;

    public OutcomeRecorder(ApprovalServices services) {
        this.services = services;
    }

    /** How the request closes. */
    record Closing(ApprovalStatus status, String outcome, String auditAction) {
    }

    public ApprovalRequest close(String id, Optional<StepError> error, RequestOrigin origin) {
        // the outcome only points here: the error as Step Functions caught it is kept in this request's log
        error.filter(e -> !e.timedOut() && !e.refused())
                .ifPresent(e -> LOG.warn("approval {}: a workflow step failed: {} {}", id, e.error(), e.cause()));
        StepResult result = services.audit().commit(auditSeq -> prepare(id, error, origin, auditSeq));
        if (result instanceof StepResult.Done done && done.changed()) {
            if (done.request().hasStatus(ApprovalStatus.FAILED)) {
                OpsMetrics.count(FAILED_METRIC);
            } else if (done.request().hasStatus(ApprovalStatus.EXPIRED)) {
                OpsMetrics.count(EXPIRED_METRIC);
            }
        }
        return StepResult.orThrow(result);
    }

    static Closing closing(ApprovalRequest request, Optional<StepError> error, String requestId) {
        Optional<ApprovalStatus> status = request.statusValue();
        String because = error.map(e -> ": " + e.describe(requestId)).orElse("");
        if (status.isEmpty()) {
            return new Closing(ApprovalStatus.FAILED, "the request had an unknown status " + request.status() + because,
                    ApprovalAudit.FAILED);
        }
        return switch (status.get()) {
            case PENDING -> error.isPresent() && error.get().timedOut()
                    ? new Closing(ApprovalStatus.EXPIRED, "no decision before the wait timed out", ApprovalAudit.EXPIRED)
                    : new Closing(ApprovalStatus.FAILED, error.isPresent()
                            ? "the workflow failed before a decision" + because
                            : "the workflow ended without a decision", ApprovalAudit.FAILED);
            case APPROVED -> new Closing(ApprovalStatus.FAILED, error.isPresent() && error.get().timedOut()
                    ? "approved, but the workflow's wait had already timed out; nothing was applied"
                    : "approved but not applied" + because, ApprovalAudit.FAILED);
            case APPLIED, REJECTED, EXPIRED, FAILED -> new Closing(status.get(), request.outcome(), ApprovalAudit.CLOSED);
        };
    }

    private AuditedChange.Attempt<StepResult> prepare(String id, Optional<StepError> error, RequestOrigin origin, long auditSeq) {
        Optional<ApprovalRequest> found = services.store().find(id);
        if (found.isEmpty()) {
            return new AuditedChange.Refuse<>(new StepResult.Refused("no approval request " + id));
        }
        ApprovalRequest request = found.get();
        if (request.closed()) {
            return new AuditedChange.Refuse<>(new StepResult.Done(request, false));
        }
        Closing closing = closing(request, error, origin.requestId());
        ApprovalRequest next = request.next(auditSeq).status(closing.status()).outcome(closing.outcome())
                .closedAt(services.clock().instant().toString()).taskToken(null).build();
        AuditDraft draft = new AuditDraft(ApprovalAudit.WORKFLOW, closing.auditAction(), services.target(request),
                ApprovalAudit.snapshot(request), ApprovalAudit.snapshot(next), closing.outcome(), origin);
        return new AuditedChange.Write<>(List.of(services.store().replace(request, next)), draft,
                entry -> new StepResult.Done(next, true));
    }
}
