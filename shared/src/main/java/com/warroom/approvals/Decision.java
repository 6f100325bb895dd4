package com.warroom.approvals;

import com.warroom.topology.ApprovalWorkflowDef;
import java.util.Arrays;
import java.util.Optional;

/**
 * A second person's decision on a request. Its name is what the decision route sends the waiting
 * workflow task ({@link ApprovalWorkflowDef#APPROVED}, {@link ApprovalWorkflowDef#REJECTED}).
 */
public enum Decision {
    APPROVED(ApprovalStatus.APPROVED, ApprovalAudit.APPROVED),
    REJECTED(ApprovalStatus.REJECTED, ApprovalAudit.REJECTED);

    private final ApprovalStatus status;
    private final String auditAction;

    Decision(ApprovalStatus status, String auditAction) {
        this.status = status;
        this.auditAction = auditAction;
    }

    /** The status the request gets. */
    public ApprovalStatus status() {
        return status;
    }

    public String auditAction() {
        return auditAction;
    }

    public static Optional<Decision> parse(String wireName) {
        return Arrays.stream(values()).filter(d -> d.name().equals(wireName)).findFirst();
    }
}
