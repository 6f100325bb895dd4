package com.warroom.approvals.api;

import com.warroom.approvals.ApprovalAction;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalIntegrity;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRules;
import com.warroom.approvals.ApprovalServices;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.approvals.Decision;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.seal.SealingUnavailable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records a second person's decision and hands it to the waiting workflow. The rules are checked on a
 * fresh read inside the audit log's transaction loop, and the write is conditional on the status and
 * version read, so of concurrent decisions exactly one is recorded; the others are answered as already
 * decided. The decision is written before it is sent: the table is what the apply step trusts, and a
 * decision that could not be sent can be sent again by repeating the same call (same person, same
 * decision), which writes nothing more. Before any rule, the request must be the one its requester made
 * ({@link ApprovalIntegrity}): a request changed in the table is neither approved nor rejected, and stays as found.
 */
public final class ApprovalDecider {

    private final ApprovalServices services;
    private final DecisionSender sender;
    private final ApprovalIntegrity integrity;

    public ApprovalDecider(ApprovalServices services, DecisionSender sender) {
        this.services = services;
        this.sender = sender;
        this.integrity = services.integrity();
    }

    // what the transaction loop settles: an answer, or a recorded decision still to send
    private sealed interface Step {
        record Done(DecisionOutcome outcome) implements Step {
        }

        record Send(ApprovalRequest request, boolean repeated) implements Step {
        }
    }

    public DecisionOutcome decide(String id, DecisionCommand command, Caller caller, RequestOrigin origin) {
        Step step = services.audit().commit(auditSeq -> prepare(id, command, caller, origin, auditSeq));
        return switch (step) {
            case Step.Done done -> done.outcome();
            case Step.Send send -> new DecisionOutcome.Decided(send.request(),
                    sender.send(send.request().taskToken(), id, command.decision()), send.repeated());
        };
    }

    private AuditedChange.Attempt<Step> prepare(String id, DecisionCommand command, Caller caller, RequestOrigin origin,
                                                long auditSeq) {
        Optional<ApprovalRequest> found = services.store().find(id);
        if (found.isEmpty()) {
            return done(new DecisionOutcome.NotFound(id));
        }
        ApprovalRequest request = found.get();
        Optional<UnreadableApproval> unreadable = UnreadableApproval.of(request);
        if (unreadable.isPresent()) {
            return done(new DecisionOutcome.Unreadable(unreadable.get()));
        }
        switch (integrity.check(request)) {
            case ApprovalIntegrity.Check.Intact intact -> {
                // the request is as its requester made it: the rules below may trust its fields
            }
            case ApprovalIntegrity.Check.Tampered tampered -> {
                return refuse(DecisionOutcome.Reason.TAMPERED, "approval " + id + " was changed outside Warroom and cannot be "
                        + "approved or rejected: " + tampered.why() + ". Operations have been alerted (metric "
                        + ApprovalIntegrity.METRIC + ")");
            }
            case ApprovalIntegrity.Check.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        }
        Decision decision = command.decision();
        Optional<ApprovalAction> action = services.registry().find(request.action());
        if (action.isEmpty()) {
            return refuse(DecisionOutcome.Reason.UNKNOWN_ACTION, "approval " + id + " is for action " + request.action()
                    + ", which is not registered; it cannot be decided");
        }
        Optional<ApprovalRules.Refusal> refusal = ApprovalRules.whyNotDecide(request, action.get(), caller, decision);
        if (refusal.isPresent()) {
            return refuse(switch (refusal.get().kind()) {
                case SELF_DECISION -> DecisionOutcome.Reason.SELF_DECISION;
                case ROLE_NOT_ALLOWED -> DecisionOutcome.Reason.ROLE_NOT_ALLOWED;
                case SUPER_ADMIN_REQUIRED -> DecisionOutcome.Reason.SUPER_ADMIN_REQUIRED;
            }, refusal.get().detail());
        }
        if (repeatOfOwnDecision(request, caller, decision)) {
            return new AuditedChange.Refuse<>(new Step.Send(request, true));
        }
        if (!request.hasStatus(ApprovalStatus.PENDING)) {
            return refuse(DecisionOutcome.Reason.ALREADY_DECIDED, "approval " + id + " is already " + request.status()
                    + (request.decidedBy() == null ? "" : " (decided by " + request.decidedByEmail() + " at " + request.decidedAt() + ")")
                    + "; a request is decided once");
        }
        Instant now = services.clock().instant();
        if (request.expiredAt(now)) {
            return refuse(DecisionOutcome.Reason.EXPIRED, "approval " + id + " expired at " + request.expiresAt()
                    + "; an expired request cannot be decided, ask for a new one");
        }
        if (command instanceof DecisionCommand.Approve approve) {
            if (approve.payloadHash().isPresent() && !approve.payloadHash().get().equals(request.payloadHash())) {
                return refuse(DecisionOutcome.Reason.HASH_MISMATCH, "you approved payload hash " + approve.payloadHash().get()
                        + " but approval " + id + " is for payload hash " + request.payloadHash() + "; read the request again");
            }
        }
        if (request.taskToken() == null) {
            return done(new DecisionOutcome.NotReady(request));
        }
        ApprovalRequest next = request.next(auditSeq)
                .status(decision.status())
                .decidedBy(caller.sub())
                .decidedByEmail(caller.email())
                .decidedByRoles(caller.roleNames())
                .decisionNote(command.note())
                .decidedAt(now.toString())
                .approvedHash(decision == Decision.APPROVED ? request.payloadHash() : null)
                .decisionAuditSeq(auditSeq)
                .build();
        AuditDraft draft = new AuditDraft(caller, decision.auditAction(), services.target(request),
                ApprovalAudit.snapshot(request), ApprovalAudit.snapshot(next), command.note(), origin);
        return new AuditedChange.Write<>(List.of(services.store().replace(request, next)), draft,
                entry -> new Step.Send(next, false));
    }

    // the same person repeating the decision they made, before the workflow closed the request: send it again
    private static boolean repeatOfOwnDecision(ApprovalRequest request, Caller caller, Decision decision) {
        return request.hasStatus(decision.status()) && caller.sub().equals(request.decidedBy()) && !request.closed()
                && request.taskToken() != null;
    }

    private static AuditedChange.Attempt<Step> done(DecisionOutcome outcome) {
        return new AuditedChange.Refuse<>(new Step.Done(outcome));
    }

    private static AuditedChange.Attempt<Step> refuse(DecisionOutcome.Reason reason, String detail) {
        return done(new DecisionOutcome.Refused(reason, detail));
    }
}
