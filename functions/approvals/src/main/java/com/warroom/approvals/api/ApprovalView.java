package com.warroom.approvals.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.warroom.approvals.ActionRegistry;
import com.warroom.approvals.ApprovalAction;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRules;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.topology.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An approval request as the API shows it. Never the task token: {@code awaitingDecision} only says
 * whether the workflow is waiting. {@code expired} is true for a PENDING request past its expiry that
 * the workflow has not closed yet. {@code approverRoles} and {@code superAdminRequired} tell who may
 * approve it.
 */
record ApprovalView(
        String id,
        String action,
        String status,
        JsonNode payload,
        String payloadHash,
        String reason,
        String requestedBy,
        String requestedByEmail,
        List<String> requestedByRoles,
        String requestedAt,
        String expiresAt,
        boolean expired,
        List<String> approverRoles,
        boolean superAdminRequired,
        String workflowStartedAt,
        boolean awaitingDecision,
        String decidedBy,
        String decidedByEmail,
        List<String> decidedByRoles,
        String decisionNote,
        String decidedAt,
        String approvedHash,
        String outcome,
        String appliedAt,
        String closedAt,
        long version) {

    static ApprovalView of(ApprovalRequest r, ActionRegistry registry, Instant now) {
        Optional<ApprovalAction> action = registry.find(r.action());
        boolean pending = r.hasStatus(ApprovalStatus.PENDING);
        // an altered payload that no longer parses is still shown, as the text it is
        JsonNode payload = ApprovalRules.payload(r).orElse(r.payload() == null ? null : TextNode.valueOf(r.payload()));
        return new ApprovalView(r.id(), r.action(), r.status(), payload, r.payloadHash(), r.reason(), r.requestedBy(),
                r.requestedByEmail(), r.requestedByRoles(), r.requestedAt(), r.expiresAt(), pending && r.expiredAt(now),
                action.map(a -> a.approverRoles().stream().map(Role::claimValue).sorted().toList()).orElse(List.of()),
                action.map(a -> a.fundRelated() && !ApprovalRules.roles(r.requestedByRoles()).contains(Role.SUPER_ADMIN)).orElse(false),
                r.workflowStartedAt(), pending && r.taskToken() != null && !r.closed(), r.decidedBy(), r.decidedByEmail(),
                r.decidedByRoles(), r.decisionNote(), r.decidedAt(), r.approvedHash(), r.outcome(), r.appliedAt(),
                r.closedAt(), r.version());
    }
}
