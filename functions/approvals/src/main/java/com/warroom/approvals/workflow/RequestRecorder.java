package com.warroom.approvals.workflow;

import com.warroom.approvals.ApprovalAction;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRules;
import com.warroom.approvals.ApprovalServices;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.FieldError;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The RecordRequest step: takes a PENDING request on. It checks what the requesting route recorded (a
 * registered action, a requester allowed to request it, a payload that is valid and still matches its
 * hash), stamps {@code workflowStartedAt} with an {@code approval.recorded} entry, and notifies the
 * approvers. Repeated by a retry, it writes and notifies nothing more.
 */
public final class RequestRecorder {

    private final ApprovalServices services;
    private final ApprovalNotifier notifier;

    public RequestRecorder(ApprovalServices services, ApprovalNotifier notifier) {
        this.services = services;
        this.notifier = notifier;
    }

    public ApprovalRequest record(String id, RequestOrigin origin) {
        StepResult result = services.audit().commit(auditSeq -> prepare(id, origin, auditSeq));
        if (result instanceof StepResult.Done done && done.changed()) {
            ApprovalAction action = services.registry().find(done.request().action()).orElseThrow();
            notifier.requested(ApprovalNotice.of(done.request(), action, services.target(done.request())));
        }
        return StepResult.orThrow(result);
    }

    private AuditedChange.Attempt<StepResult> prepare(String id, RequestOrigin origin, long auditSeq) {
        Optional<ApprovalRequest> found = services.store().find(id);
        if (found.isEmpty()) {
            return refuse("no approval request " + id);
        }
        ApprovalRequest request = found.get();
        if (!request.hasStatus(ApprovalStatus.PENDING)) {
            return refuse("approval " + id + " is " + request.status() + ", not PENDING: the workflow does not take it on");
        }
        if (request.workflowStartedAt() != null) {
            return new AuditedChange.Refuse<>(new StepResult.Done(request, false));
        }
        Optional<ApprovalAction> action = services.registry().find(request.action());
        if (action.isEmpty()) {
            return refuse("approval " + id + " is for action " + request.action() + ", which is not registered");
        }
        Optional<String> notAllowed = ApprovalRules.whyNotRequest(action.get(), request.requestedByRoles());
        if (notAllowed.isPresent()) {
            return refuse(notAllowed.get());
        }
        if (!request.payloadIntact()) {
            return refuse("the payload of approval " + id + " does not match its payloadHash");
        }
        List<FieldError> errors = ApprovalRules.payload(request).map(action.get()::validate)
                .orElse(List.of(new FieldError("payload", "is not JSON")));
        if (!errors.isEmpty()) {
            return refuse("the payload of approval " + id + " is not valid: "
                    + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        }
        ApprovalRequest next = request.next(auditSeq).workflowStartedAt(services.clock().instant().toString()).build();
        AuditDraft draft = new AuditDraft(ApprovalAudit.WORKFLOW, ApprovalAudit.RECORDED, services.target(request),
                ApprovalAudit.snapshot(request), ApprovalAudit.snapshot(next), null, origin);
        return new AuditedChange.Write<>(List.of(services.store().replace(request, next)), draft,
                entry -> new StepResult.Done(next, true));
    }

    private static AuditedChange.Attempt<StepResult> refuse(String reason) {
        return new AuditedChange.Refuse<>(new StepResult.Refused(reason));
    }
}
