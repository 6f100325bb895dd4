package com.warroom.approvals.workflow;

import com.warroom.approvals.ApprovalAction;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRules;
import com.warroom.topology.Role;
import java.util.List;

/**
 * What approvers are told of a new request: enough to find and judge it, nothing that decides it
 * (no task token). {@code path} is the API route that shows it.
 */
public record ApprovalNotice(String approvalId, String action, String target, String reason, String requestedBy,
                             String requestedByEmail, String requestedAt, String expiresAt, String payloadHash,
                             List<String> approverRoles, boolean superAdminRequired, String path) {

    public static ApprovalNotice of(ApprovalRequest r, ApprovalAction action, String target) {
        return new ApprovalNotice(r.id(), r.action(), target, r.reason(), r.requestedBy(), r.requestedByEmail(),
                r.requestedAt(), r.expiresAt(), r.payloadHash(),
                action.approverRoles().stream().map(Role::claimValue).sorted().toList(),
                action.fundRelated() && !ApprovalRules.roles(r.requestedByRoles()).contains(Role.SUPER_ADMIN),
                "/v1/admin/approvals/" + r.id());
    }

    /** An SNS subject: at most 100 characters. */
    public String subject() {
        String subject = "Warroom approval needed: " + action + " " + target;
        return subject.length() <= 100 ? subject : subject.substring(0, 100);
    }
}
