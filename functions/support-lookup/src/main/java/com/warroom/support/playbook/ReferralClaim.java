package com.warroom.support.playbook;

import static com.warroom.support.TicketPriority.HIGH;
import static com.warroom.support.TicketPriority.LOW;
import static com.warroom.support.TicketPriority.MEDIUM;

import com.warroom.support.playbook.Facts.PayoutFact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "I cannot claim my referral reward": the {@code claim.referral} switch blocks the user (or {@code payout}, with a
 * referral payout open), a referral payout failed or is stuck, or the user misses what a claim needs (the payout
 * route's rules {@code referral.bluecheck} and {@code referral.active-referrals}). Eligibility only fires for a user
 * who
 * has something to claim (referrals, referral claims or referral payouts): a user without a blue check who never
 * referred anyone has no referral problem.
 */
final class ReferralClaim implements CaseRule {

    private static final String KIND = "REFERRAL_CLAIM";
    private static final Set<String> ELIGIBILITY = Set.of("userId", "bluecheck", "activeReferralCount");

    static final Situation BLOCKED = new Situation("blocked", MEDIUM, union(Payouts.BLOCK_PLACEHOLDERS, ELIGIBILITY));
    static final Situation PAYOUT_FAILED = new Situation("payout_failed", HIGH, Payouts.PAYOUT_PLACEHOLDERS);
    static final Situation NO_BLUECHECK = new Situation("no_bluecheck", MEDIUM, ELIGIBILITY);
    static final Situation NO_ACTIVE_REFERRALS = new Situation("no_active_referrals", LOW, ELIGIBILITY);

    @Override
    public String caseId() {
        return "cannot_claim_referral";
    }

    @Override
    public List<Situation> situations() {
        return List.of(BLOCKED, PAYOUT_FAILED, NO_BLUECHECK, NO_ACTIVE_REFERRALS);
    }

    @Override
    public List<Match> matches(Facts facts) {
        List<Match> matches = new ArrayList<>();
        Facts.User user = facts.user();
        Payouts.blocking(facts, "claim.referral", KIND)
                .forEach(b -> matches.add(new Match(BLOCKED, Payouts.values(facts, b).putAll(eligibility(user)))));
        List<PayoutFact> payouts = Payouts.ofKind(facts, KIND);
        for (PayoutFact payout : payouts) {
            boolean failed = payout.status().equals("FAILED") && !Payouts.superseded(payout, facts.payouts());
            boolean troubled = payout.status().equals("QUARANTINED") || (payout.stuck() && Payouts.open(payout));
            if (failed || troubled) {
                matches.add(new Match(PAYOUT_FAILED, Payouts.values(facts, payout)));
            }
        }
        boolean claimed = facts.claims().stream().anyMatch(c -> c.type().equals("ReferralClaimed"));
        if (user.known()) {
            if (!user.bluecheck() && (user.activeReferralCount() > 0 || claimed || !payouts.isEmpty())) {
                matches.add(new Match(NO_BLUECHECK, eligibility(user)));
            } else if (user.bluecheck() && user.activeReferralCount() == 0 && claimed) {
                matches.add(new Match(NO_ACTIVE_REFERRALS, eligibility(user)));
            }
        }
        return matches;
    }

    private static Values eligibility(Facts.User user) {
        return new Values()
                .put("userId", user.userId())
                .put("bluecheck", user.bluecheck() ? "ya" : "tidak", user.bluecheck() ? "yes" : "no")
                .put("activeReferralCount", Integer.toString(user.activeReferralCount()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
