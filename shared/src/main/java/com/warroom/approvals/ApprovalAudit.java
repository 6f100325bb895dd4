package com.warroom.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How an approval's life shows in the audit log. Every entry is written under the action's domain
 * target (e.g. {@code flag:contribute@round:R1}, like the kill-switch route's {@code approval.requested}),
 * so the history of that target tells the whole story; {@code approvalId} is in every entry's
 * {@code after}. Entries never hold the task token.
 */
public final class ApprovalAudit {

    /** Written by the requesting route with the new request; its seq is sealed into the request ({@link RequestSeal}). */
    public static final String REQUESTED = "approval.requested";
    public static final String RECORDED = "approval.recorded";
    public static final String AWAITING = "approval.awaiting";
    public static final String APPROVED = "approval.approved";
    public static final String REJECTED = "approval.rejected";
    public static final String APPLIED = "approval.applied";
    public static final String EXPIRED = "approval.expired";
    public static final String FAILED = "approval.failed";
    public static final String CLOSED = "approval.closed";

    /** The actor of the workflow's own steps (no person acts there). */
    public static final Caller WORKFLOW = new Caller("warroom:approval-workflow", "", Set.of());

    private ApprovalAudit() {
    }

    /** Where the approval's entries go: the action's target, or {@code approval:<id>} when the payload names none. */
    public static String target(ApprovalRequest request, ActionRegistry registry) {
        return registry.find(request.action())
                .flatMap(action -> ApprovalRules.payload(request).flatMap(action::target))
                .orElse("approval:" + request.id());
    }

    /** The request as an audit entry records it: everything but the task token. */
    public static String snapshot(ApprovalRequest r) {
        return Json.write(fields(r));
    }

    /** {@link #snapshot} plus what else the entry records (e.g. the applied effect). */
    public static String snapshot(ApprovalRequest r, Map<String, Object> more) {
        Map<String, Object> fields = fields(r);
        fields.putAll(more);
        return Json.write(fields);
    }

    /**
     * Why the audit entry at {@code decisionAuditSeq} does not prove the request's approval: it must be
     * intact (its hash matches its content), be an {@code approval.approved} of this request, by the
     * recorded approver with the recorded roles, over the recorded approved hash.
     */
    public static Optional<String> whyEntryDoesNotProveApproval(Optional<AuditEntry> found, ApprovalRequest r) {
        if (found.isEmpty()) {
            return Optional.of("the decision's audit entry " + r.decisionAuditSeq() + " does not exist");
        }
        AuditEntry entry = found.get();
        if (!Objects.equals(AuditHasher.hash(entry), entry.hash())) {
            return Optional.of("the decision's audit entry " + entry.seq() + " was altered (its hash does not match)");
        }
        if (!APPROVED.equals(entry.action())) {
            return Optional.of("audit entry " + entry.seq() + " is " + entry.action() + ", not " + APPROVED);
        }
        if (!Objects.equals(entry.actorSub(), r.decidedBy())
                || !entry.actorRoles().stream().sorted().toList().equals(r.decidedByRoles().stream().sorted().toList())) {
            return Optional.of("the approval in the audit log was made by " + entry.actorSub() + " " + entry.actorRoles()
                    + ", not by " + r.decidedBy() + " " + r.decidedByRoles() + " as the request now says");
        }
        JsonNode after;
        try {
            after = Json.readTree(entry.after() == null ? "null" : entry.after());
        } catch (UncheckedIOException e) {
            return Optional.of("the decision's audit entry " + entry.seq() + " cannot be read");
        }
        if (!r.id().equals(after.path("approvalId").asText(null))) {
            return Optional.of("audit entry " + entry.seq() + " approved another request");
        }
        if (!Objects.equals(after.path("approvedHash").asText(null), r.approvedHash())) {
            return Optional.of("the approver approved payload hash " + after.path("approvedHash").asText(null)
                    + ", but the request now carries " + r.approvedHash());
        }
        return Optional.empty();
    }

    private static Map<String, Object> fields(ApprovalRequest r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("approvalId", r.id());
        fields.put("action", r.action());
        fields.put("status", r.status());
        fields.put("payloadHash", r.payloadHash());
        fields.put("requestedBy", r.requestedBy());
        fields.put("requestedByRoles", r.requestedByRoles());
        fields.put("expiresAt", r.expiresAt());
        fields.put("workflowStartedAt", r.workflowStartedAt());
        fields.put("awaitingDecision", r.taskToken() != null);
        fields.put("decidedBy", r.decidedBy());
        fields.put("decidedByRoles", r.decidedByRoles());
        fields.put("decidedAt", r.decidedAt());
        fields.put("decisionNote", r.decisionNote());
        fields.put("approvedHash", r.approvedHash());
        fields.put("outcome", r.outcome());
        fields.put("appliedAt", r.appliedAt());
        fields.put("closedAt", r.closedAt());
        fields.put("version", r.version());
        return fields;
    }
}
