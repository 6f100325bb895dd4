package com.warroom.support.playbook;

import static com.warroom.support.TicketPriority.MEDIUM;

import java.util.List;
import java.util.Set;

/**
 * "Why was my verification rejected?": the platform recorded KYC REJECTED, with the reason it gave (PENDING is not
 * this).
 */
final class KycRejected implements CaseRule {

    static final Situation REJECTED = new Situation("rejected", MEDIUM, Set.of("userId", "kycReason"));

    @Override
    public String caseId() {
        return "kyc_rejected";
    }

    @Override
    public List<Situation> situations() {
        return List.of(REJECTED);
    }

    @Override
    public List<Match> matches(Facts facts) {
        Facts.User user = facts.user();
        if (!user.known() || !user.kycStatus().equals("REJECTED")) {
            return List.of();
        }
        Values values = new Values().put("userId", user.userId());
        user.kycReason().filter(r -> !r.isBlank()).ifPresentOrElse(r -> values.put("kycReason", r),
                () -> values.put("kycReason", "tidak ada alasan yang tercatat", "no reason recorded"));
        return List.of(new Match(REJECTED, values));
    }
}
