package com.warroom.support.playbook;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facts built for each situation of each case ({@code case.situation}), the way support meets them. What only staff
 * may read (kill-switch reasons, payout failure reasons, rail statuses) carries the word SECRET, so a test can tell
 * that no answer to the user shows it.
 */
final class Samples {

    static final String SECRET_REASON = "SECRET custodian refused: gas price";
    static final String SECRET_RAIL = "SECRET_PENDING_AUTHORIZATION";
    static final String SECRET_BLOCK = "SECRET suspected bot farm";

    private Samples() {
    }

    static Map<String, FactsBuilder> all() {
        Map<String, FactsBuilder> samples = new LinkedHashMap<>();
        payoutTrouble(samples, "refund_failed", "REFUND", "refund");
        payoutTrouble(samples, "vesting_claim_failed", "VESTING_CLAIM", "claim.vesting");

        samples.put("paid_no_access.paid", FactsBuilder.user().order("ord-1", "PAID", false, ofHours(2), false));
        samples.put("paid_no_access.payment_pending", FactsBuilder.user().order("ord-1", "PENDING", false, ofMinutes(40), true));

        samples.put("wrong_wallet.destination_mismatch", FactsBuilder.user().walletChanged(ofDays(10), ofDays(-9))
                .payout("p-1", "WITHDRAWAL", "CONFIRMED").requestedAgo(ofDays(1)).to(FactsBuilder.OLD_WALLET).txHash("0xfeed").add());
        samples.put("wrong_wallet.sent_to_previous_wallet", FactsBuilder.user().walletChanged(ofDays(2), ofDays(-1))
                .payout("p-1", "WITHDRAWAL", "CONFIRMED").requestedAgo(ofDays(3)).to(FactsBuilder.OLD_WALLET).txHash("0xfeed").add());
        samples.put("wrong_wallet.stopped_previous_wallet", FactsBuilder.user().walletChanged(ofDays(2), ofDays(-1))
                .payout("p-1", "WITHDRAWAL", "FAILED").requestedAgo(ofDays(3)).to(FactsBuilder.OLD_WALLET)
                .reason(SECRET_REASON).add());
        samples.put("wrong_wallet.cooling_off", FactsBuilder.user().walletChanged(ofHours(2), ofHours(22))
                .payout("p-1", "REFUND", "HELD").requestedAgo(ofHours(1)).add());

        samples.put("cannot_claim_referral.blocked", FactsBuilder.user().activeReferrals(2)
                .block("claim.referral", "user:u-1", SECRET_BLOCK));
        samples.put("cannot_claim_referral.payout_failed", FactsBuilder.user().activeReferrals(2)
                .payout("p-1", "REFERRAL_CLAIM", "FAILED").reason(SECRET_REASON).rail(SECRET_RAIL).add());
        samples.put("cannot_claim_referral.no_bluecheck", FactsBuilder.user().bluecheck(false).activeReferrals(3));
        samples.put("cannot_claim_referral.no_active_referrals", FactsBuilder.user().activeReferrals(0).claim("ReferralClaimed"));

        samples.put("kyc_rejected.rejected", FactsBuilder.user().kyc("REJECTED", "ID photo is blurry"));

        samples.put("cannot_post.restricted", FactsBuilder.user().block("feed.posting", "user:u-1", SECRET_BLOCK));
        samples.put("cannot_post.paused_for_everyone", FactsBuilder.user().block("feed.posting", "global", SECRET_BLOCK));

        samples.put("general.default", FactsBuilder.user().ticket("OPEN").ticket("CLOSED").finding("reconcile-orders-paid"));
        return samples;
    }

    private static void payoutTrouble(Map<String, FactsBuilder> samples, String caseId, String kind, String flag) {
        samples.put(caseId + ".quarantined", FactsBuilder.user()
                .payout("p-1", kind, "QUARANTINED").reason(SECRET_REASON).inStatusFor(ofMinutes(20)).stuck().add());
        samples.put(caseId + ".failed", FactsBuilder.user()
                .payout("p-1", kind, "FAILED").reason(SECRET_REASON).rail(SECRET_RAIL).inStatusFor(ofHours(5)).add());
        samples.put(caseId + ".stuck", FactsBuilder.user()
                .payout("p-1", kind, "SUBMITTED").rail(SECRET_RAIL).inStatusFor(ofHours(3)).stuck().add());
        samples.put(caseId + ".retry_scheduled", FactsBuilder.user()
                .payout("p-1", kind, "RETRY_SCHEDULED").reason(SECRET_REASON).inStatusFor(ofMinutes(5)).add());
        samples.put(caseId + ".blocked", FactsBuilder.user().block(flag, "user:u-1", SECRET_BLOCK));
        samples.put(caseId + ".in_progress", FactsBuilder.user()
                .payout("p-1", kind, "SUBMITTED").rail(SECRET_RAIL).inStatusFor(ofMinutes(40)).add());
    }
}
