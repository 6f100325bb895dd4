package com.warroom.approvals.workflow;

import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalServices;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import java.util.List;
import java.util.Optional;

/**
 * The WaitForDecision step: keeps the waiting task's token on the request so the decision route can
 * complete the wait, with an {@code approval.awaiting} entry. A retried task brings a new token, which
 * replaces the old one; the same token again writes nothing. The wait itself is bounded by the state's
 * timeout (the workflow's decision timeout, 24 h by default), not by this step.
 */
public final class DecisionWait {

    private final ApprovalServices services;

    public DecisionWait(ApprovalServices services) {
        this.services = services;
    }

    public ApprovalRequest keep(String id, String taskToken, RequestOrigin origin) {
        return StepResult.orThrow(services.audit().commit(auditSeq -> prepare(id, taskToken, origin, auditSeq)));
    }

    private AuditedChange.Attempt<StepResult> prepare(String id, String taskToken, RequestOrigin origin, long auditSeq) {
        Optional<ApprovalRequest> found = services.store().find(id);
        if (found.isEmpty()) {
            return refuse("no approval request " + id);
        }
        ApprovalRequest request = found.get();
        if (!request.hasStatus(ApprovalStatus.PENDING) || request.closed()) {
            return refuse("approval " + id + " is " + request.status() + ": there is no decision to wait for");
        }
        if (request.workflowStartedAt() == null) {
            return refuse("approval " + id + " was not recorded by the workflow, so it cannot wait for a decision");
        }
        if (taskToken.equals(request.taskToken())) {
            return new AuditedChange.Refuse<>(new StepResult.Done(request, false));
        }
        ApprovalRequest next = request.next(auditSeq).taskToken(taskToken)
                .awaitingSince(services.clock().instant().toString()).build();
        AuditDraft draft = new AuditDraft(ApprovalAudit.WORKFLOW, ApprovalAudit.AWAITING, services.target(request),
                ApprovalAudit.snapshot(request), ApprovalAudit.snapshot(next), null, origin);
        return new AuditedChange.Write<>(List.of(services.store().replace(request, next)), draft,
                entry -> new StepResult.Done(next, true));
    }

    private static AuditedChange.Attempt<StepResult> refuse(String reason) {
        return new AuditedChange.Refuse<>(new StepResult.Refused(reason));
    }
}
