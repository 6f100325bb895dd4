package com.warroom.approvals.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApplyResources;
import com.warroom.approvals.ApprovalAction;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalIntegrity;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRules;
import com.warroom.approvals.ApprovalServices;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.flags.FlagChangeNotifier;
import com.warroom.observability.OpsMetrics;
import com.warroom.seal.SealingUnavailable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * The ApplyAction step. It trusts neither its input nor whoever sent the task token: it re-reads the
 * request and applies only if the table shows an APPROVED decision by a second person with the right
 * roles (and a super_admin among the two for fund-related actions), taken before expiry, over a payload
 * whose hash is the requested and the approved one — and if the decision's audit entry, intact, says
 * the same; and if the request is still the one its requester made ({@link ApprovalIntegrity}: its seal, payload
 * hash and {@code approval.requested} entry, counted in {@code ApprovalTampered} when not). Then it writes the
 * action's change, the request's APPLIED status and one {@code approval.applied} entry in one transaction. A
 * refusal throws, and the workflow records the request FAILED with the reason in an {@code approval.failed} entry.
 * A seal that cannot be checked is an error, not a refusal: nothing is applied. A retry after a committed apply
 * finds APPLIED and writes nothing.
 */
public final class ApprovalApplier {

    public static final String APPLIED_METRIC = "ApprovalApplied";

    private final ApprovalServices services;
    private final Map<String, ActionApplier> appliers;
    private final FlagChangeNotifier flagChanges;
    private final ApprovalIntegrity integrity;

    public ApprovalApplier(ApprovalServices services, ApplyResources resources, FlagChangeNotifier flagChanges) {
        this.services = services;
        this.flagChanges = flagChanges;
        this.integrity = services.integrity();
        Map<String, ActionApplier> byAction = new HashMap<>();
        for (String name : services.registry().names()) {
            byAction.put(name, services.registry().find(name).orElseThrow().applier(resources));
        }
        this.appliers = Map.copyOf(byAction);
    }

    public ApprovalRequest apply(String id, RequestOrigin origin) {
        StepResult result = services.audit().commit(auditSeq -> prepare(id, origin, auditSeq));
        if (result instanceof StepResult.Done done && done.changed()) {
            OpsMetrics.count(APPLIED_METRIC);
            done.changedFlags().forEach(flagChanges::changed);
        }
        return StepResult.orThrow(result);
    }

    private AuditedChange.Attempt<StepResult> prepare(String id, RequestOrigin origin, long auditSeq) {
        Optional<ApprovalRequest> found = services.store().find(id);
        if (found.isEmpty()) {
            return refuse("no approval request " + id);
        }
        ApprovalRequest request = found.get();
        if (request.hasStatus(ApprovalStatus.APPLIED)) {
            return new AuditedChange.Refuse<>(new StepResult.Done(request, false));
        }
        Optional<ApprovalAction> action = services.registry().find(request.action());
        if (action.isEmpty()) {
            return refuse("approval " + id + " is for action " + request.action() + ", which is not registered");
        }
        // every reason at once, tampering first: the outcome is what ops read
        List<String> problems = new ArrayList<>();
        switch (integrity.check(request)) {
            case ApprovalIntegrity.Check.Intact intact -> {
                // as its requester made it
            }
            case ApprovalIntegrity.Check.Tampered tampered -> problems.add(tampered.why());
            case ApprovalIntegrity.Check.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        }
        List<String> broken = ApprovalRules.whyNotApply(request, action.get());
        problems.addAll(broken);
        if (broken.isEmpty()) {
            ApprovalAudit.whyEntryDoesNotProveApproval(decisionEntry(request), request).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            return refuse("refused to apply approval " + id + ": " + String.join("; ", problems));
        }
        JsonNode payload = ApprovalRules.payload(request).orElseThrow();
        return switch (appliers.get(action.get().name()).plan(request, payload, auditSeq)) {
            case ActionApplier.Refuse refused -> refuse("approval " + id + " was not applied: " + refused.reason());
            case ActionApplier.Apply plan -> write(request, plan, origin, auditSeq);
        };
    }

    private AuditedChange.Attempt<StepResult> write(ApprovalRequest request, ActionApplier.Apply plan, RequestOrigin origin,
                                                    long auditSeq) {
        ApprovalRequest next = request.next(auditSeq).status(ApprovalStatus.APPLIED)
                .appliedAt(services.clock().instant().toString()).outcome(plan.outcome()).build();
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>(plan.writes());
        writes.add(services.store().replace(request, next));
        AuditDraft draft = new AuditDraft(ApprovalAudit.WORKFLOW, ApprovalAudit.APPLIED, services.target(request),
                plan.before(), ApprovalAudit.snapshot(next, Map.of("applied", plan.effect())), request.reason(), origin);
        return new AuditedChange.Write<>(writes, draft, entry -> new StepResult.Done(next, true, plan.changedFlags()));
    }

    private Optional<AuditEntry> decisionEntry(ApprovalRequest request) {
        return request.decisionAuditSeq() == null ? Optional.empty() : services.auditEntry(request.decisionAuditSeq());
    }

    private static AuditedChange.Attempt<StepResult> refuse(String reason) {
        return new AuditedChange.Refuse<>(new StepResult.Refused(reason));
    }
}
