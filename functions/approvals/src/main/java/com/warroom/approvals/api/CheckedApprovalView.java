package com.warroom.approvals.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.warroom.approvals.ApprovalIntegrity;

/**
 * One approval request as {@code GET /v1/admin/approvals/{id}} shows it: its {@link ApprovalView}, and whether it is
 * still the one its requester made ({@code tampered}, with {@code tamperedBecause} naming what does not match). Both
 * are left out when the seal could not be checked (the key service did not answer); listings never check (one
 * {@code VerifyMac} per row is too much for a page), so they carry neither.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CheckedApprovalView(@JsonUnwrapped ApprovalView request, Boolean tampered, String tamperedBecause) {

    static CheckedApprovalView of(ApprovalView view, ApprovalIntegrity.Check check) {
        return switch (check) {
            case ApprovalIntegrity.Check.Intact intact -> new CheckedApprovalView(view, false, null);
            case ApprovalIntegrity.Check.Tampered tampered -> new CheckedApprovalView(view, true, tampered.why());
            case ApprovalIntegrity.Check.Unavailable unavailable -> new CheckedApprovalView(view, null, null);
        };
    }
}
