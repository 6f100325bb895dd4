package com.warroom.support.playbook;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.money.Money;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which case and situation the rules pick from the facts, what the answer says, and which case comes first. */
class PlaybookCasesTest {

    private static final Playbook PLAYBOOK = Playbook.load();

    private static List<String> cases(FactsBuilder facts) {
        return PLAYBOOK.suggest(facts.build()).stream().map(Suggestion::caseId).toList();
    }

    private static List<String> picks(FactsBuilder facts) {
        return PLAYBOOK.pick(facts.build()).stream().map(p -> p.caseId() + "." + p.situation().name()).toList();
    }

    private static Suggestion only(FactsBuilder facts, String caseId) {
        return PLAYBOOK.suggest(facts.build()).stream().filter(s -> s.caseId().equals(caseId)).findFirst().orElseThrow();
    }

    @Nested
    class Answers {

        @Test
        void suggest_whenRefundSubmitted40MinutesWithRailPending_saysWaitForTheSweeperThenFinance() {
            FactsBuilder facts = FactsBuilder.user()
                    .payout("rf-7", "REFUND", "SUBMITTED").rail("PENDING_AUTHORIZATION").inStatusFor(ofMinutes(40)).add();

            Suggestion suggestion = only(facts, "refund_failed");

            assertThat(suggestion.nextStep()).isEqualTo("Payout rf-7 SUBMITTED 40 minutes ago, rail status PENDING_AUTHORIZATION: "
                    + "wait for the sweeper (it asks the custodian after 15 min, then every 5); if > 2 h, escalate to finance.");
            assertThat(suggestion.answerEnglish()).contains("12.50 USDC", "rf-7", FactsBuilder.WALLET);
            assertThat(suggestion.answerIndonesian()).contains("12,50 USDC", "rf-7", "sedang dalam proses");
        }

        @Test
        void suggest_whenRefundStuckFor3Hours_wordsTheAgePerLanguage() {
            FactsBuilder facts = FactsBuilder.user()
                    .payout("rf-7", "REFUND", "SUBMITTED").rail("PENDING_AUTHORIZATION").inStatusFor(ofHours(3).plusMinutes(5)).stuck().add();

            Suggestion suggestion = only(facts, "refund_failed");

            assertThat(suggestion.title()).isEqualTo("Refund rf-7 (12.50 USDC) stuck in SUBMITTED");
            assertThat(suggestion.answerEnglish()).contains("(3 hours 5 minutes)");
            assertThat(suggestion.answerIndonesian()).contains("(3 jam 5 menit)");
            assertThat(suggestion.nextStep()).contains("SUBMITTED for 3 hours 5 minutes (stuck), rail status PENDING_AUTHORIZATION");
        }

        @Test
        void suggest_whenPaidOrderWithoutEntitlement_namesOrderItemAndPaidTime() {
            FactsBuilder facts = FactsBuilder.user().order("ord-42", "PAID", false, ofHours(2), false);

            Suggestion suggestion = only(facts, "paid_no_access");

            assertThat(suggestion.title()).isEqualTo("Order ord-42 paid (150,000.00 IDR) but no access to course-defi-101");
            assertThat(suggestion.answerEnglish()).contains("order ord-42", "2026-12-01 10:01 UTC", "do not need to pay again");
            assertThat(suggestion.answerIndonesian()).contains("150.000,00 IDR", "order ord-42", "2026-12-01 10:01 UTC", "tidak perlu membayar lagi");
            assertThat(suggestion.nextStep()).contains("u-1 holds no entitlement for course-defi-101", "1 hour 59 minutes ago");
        }

        @Test
        void suggest_whenKycRejected_givesTheReasonToTheUser() {
            Suggestion suggestion = only(FactsBuilder.user().kyc("REJECTED", "ID photo is blurry"), "kyc_rejected");

            assertThat(suggestion.answerEnglish()).contains("for this reason: ID photo is blurry");
            assertThat(suggestion.answerIndonesian()).contains("dengan alasan: ID photo is blurry");
        }

        @Test
        void suggest_whenKycRejectedWithoutReason_saysNoReasonWasRecorded() {
            Suggestion suggestion = only(FactsBuilder.user().kyc("REJECTED", null), "kyc_rejected");

            assertThat(suggestion.answerEnglish()).contains("no reason recorded");
            assertThat(suggestion.answerIndonesian()).contains("tidak ada alasan yang tercatat");
        }

        @Test
        void suggest_whenWalletCoolingOff_givesTheEndAndCountsHeldPayouts() {
            FactsBuilder facts = FactsBuilder.user().walletChanged(ofHours(2), ofHours(22))
                    .payout("p-1", "REFUND", "HELD").add()
                    .payout("p-2", "VESTING_CLAIM", "HELD").add();

            Suggestion suggestion = only(facts, "wrong_wallet");

            assertThat(suggestion.answerEnglish()).contains("changed to 0x…a738 (evm:1) on 2026-12-01 10:00 UTC", "until 2026-12-02 10:00 UTC");
            assertThat(suggestion.nextStep()).contains("2 payout(s) HELD");
        }

        @Test
        void suggest_whenReferralBlockedForTheUser_givesTheBlockToStaffOnly() {
            FactsBuilder facts = FactsBuilder.user().activeReferrals(2).block("claim.referral", "user:u-1", "finding f-9");

            Suggestion suggestion = only(facts, "cannot_claim_referral");

            assertThat(suggestion.title()).isEqualTo("Referral claims blocked by kill switch claim.referral (user:u-1)");
            assertThat(suggestion.nextStep()).contains("off for user:u-1 since 2026-12-01 09:00 UTC: finding f-9", "blue check yes, active referrals 2");
            assertThat(suggestion.answerEnglish()).doesNotContain("f-9").doesNotContain("user:u-1");
        }

        @Test
        void suggest_whenNoCaseApplies_answersOneGeneralSuggestionCountingOpenTicketsAndFindings() {
            FactsBuilder facts = FactsBuilder.user().ticket("OPEN").ticket("IN_PROGRESS").ticket("CLOSED").finding("reconcile-orders-paid");

            List<Suggestion> suggestions = PLAYBOOK.suggest(facts.build());

            assertThat(suggestions).extracting(Suggestion::caseId).containsExactly("general");
            assertThat(suggestions.getFirst().nextStep()).contains("for u-1 (open tickets: 2, open reconcile findings: 1)");
        }
    }

    @Nested
    class Precedence {

        @Test
        void suggest_whenSeveralCasesMatch_putsTheMostUrgentFirst() {
            FactsBuilder facts = FactsBuilder.user()
                    .kyc("REJECTED", "blurry")
                    .block("feed.posting", "user:u-1", "spam")
                    .order("ord-1", "PAID", false, ofHours(1), false)
                    .payout("v-1", "VESTING_CLAIM", "QUARANTINED").stuck().add();

            // CRITICAL quarantine, HIGH paid-without-access, then the MEDIUM ones in the playbook's case order
            assertThat(cases(facts)).containsExactly("vesting_claim_failed", "paid_no_access", "kyc_rejected", "cannot_post");
        }

        @Test
        void suggest_whenEquallyUrgent_followsTheCaseOrder() {
            FactsBuilder facts = FactsBuilder.user()
                    .order("ord-1", "PAID", false, ofHours(1), false)
                    .payout("v-1", "VESTING_CLAIM", "FAILED").add()
                    .payout("r-1", "REFUND", "FAILED").add();

            assertThat(cases(facts)).containsExactly("refund_failed", "vesting_claim_failed", "paid_no_access");
        }

        @Test
        void suggest_whenLessUrgentCaseIsFirstInCaseOrder_stillPutsTheMoreUrgentFirst() {
            FactsBuilder facts = FactsBuilder.user()
                    .payout("r-1", "REFUND", "SUBMITTED").inStatusFor(ofMinutes(10)).add()
                    .order("ord-1", "PAID", false, ofHours(1), false);

            assertThat(picks(facts)).containsExactly("paid_no_access.paid", "refund_failed.in_progress");
        }

        @Test
        void suggest_whenOneCaseHasSeveralSituations_givesOneSuggestionForTheMostUrgent() {
            FactsBuilder facts = FactsBuilder.user()
                    .payout("r-1", "REFUND", "SUBMITTED").inStatusFor(ofMinutes(10)).add()
                    .payout("r-2", "REFUND", "RETRY_SCHEDULED").add()
                    .payout("r-3", "REFUND", "FAILED").inStatusFor(ofHours(1)).add()
                    .block("refund", "global", "incident 12");

            assertThat(picks(facts)).containsExactly("refund_failed.failed");
            assertThat(only(facts, "refund_failed").title()).contains("r-3");
        }

        @Test
        void suggest_whenTwoPayoutsInTheSameSituation_namesTheOneWaitingLongest() {
            FactsBuilder facts = FactsBuilder.user()
                    .payout("r-new", "REFUND", "FAILED").inStatusFor(ofMinutes(30)).add()
                    .payout("r-old", "REFUND", "FAILED").inStatusFor(ofHours(6)).add();

            assertThat(only(facts, "refund_failed").title()).isEqualTo("Refund r-old (12.50 USDC) FAILED");
        }

        @Test
        void suggest_whenStuckAndFailedAreEquallyUrgent_prefersFailed() {
            FactsBuilder facts = FactsBuilder.user()
                    .payout("r-stuck", "REFUND", "SUBMITTED").inStatusFor(ofHours(4)).stuck().add()
                    .payout("r-failed", "REFUND", "FAILED").inStatusFor(ofMinutes(5)).add();

            assertThat(picks(facts)).containsExactly("refund_failed.failed");
        }

        @Test
        void suggest_whenReferralBlockedAndNoBluecheck_putsTheBlockFirst() {
            FactsBuilder facts = FactsBuilder.user().bluecheck(false).activeReferrals(1)
                    .block("claim.referral", "global", "incident");

            assertThat(picks(facts)).containsExactly("cannot_claim_referral.blocked");
        }

        @Test
        void suggest_whenWalletMismatchAfterChange_isCriticalAboveAQuarantinedRefund() {
            FactsBuilder facts = FactsBuilder.user().walletChanged(ofDays(10), ofDays(-9))
                    .payout("r-1", "REFUND", "QUARANTINED").stuck().add()
                    .payout("w-1", "WITHDRAWAL", "SUBMITTED").requestedAgo(ofHours(1)).to(FactsBuilder.OLD_WALLET).add();

            // both CRITICAL: the case order breaks the tie
            assertThat(picks(facts)).containsExactly("refund_failed.quarantined", "wrong_wallet.destination_mismatch");
        }

        @Test
        void suggest_whenPayoutSentToPreviousWalletAndWalletCoolingOff_namesThePayoutFirst() {
            FactsBuilder facts = FactsBuilder.user().walletChanged(ofHours(3), ofHours(21))
                    .payout("w-1", "WITHDRAWAL", "CONFIRMED").requestedAgo(ofHours(5)).to(FactsBuilder.OLD_WALLET).add();

            assertThat(picks(facts)).containsExactly("wrong_wallet.sent_to_previous_wallet");
        }
    }

    @Nested
    class LookAlikes {

        @Test
        void suggest_whenRefundedOrderHasNoEntitlement_isNotPaidNoAccess() {
            assertThat(cases(FactsBuilder.user().order("ord-1", "REFUNDED", false, ofDays(2), false))).containsExactly("general");
        }

        @Test
        void suggest_whenPaidOrderHasItsEntitlement_isNotPaidNoAccess() {
            assertThat(cases(FactsBuilder.user().order("ord-1", "PAID", true, ofDays(2), false))).containsExactly("general");
        }

        @Test
        void suggest_whenPartlyRefundedOrderLostItsEntitlement_isPaidNoAccess() {
            assertThat(picks(FactsBuilder.user().order("ord-1", "PARTIALLY_REFUNDED", false, ofDays(2), false)))
                    .containsExactly("paid_no_access.paid");
        }

        @Test
        void suggest_whenOrderPendingButNotYetStuck_isNotPaidNoAccess() {
            assertThat(cases(FactsBuilder.user().order("ord-1", "PENDING", false, ofMinutes(5), false))).containsExactly("general");
        }

        @Test
        void suggest_whenOrderExpiredOrFailed_isNotPaidNoAccess() {
            assertThat(cases(FactsBuilder.user()
                    .order("ord-1", "EXPIRED", false, ofDays(1), false)
                    .order("ord-2", "FAILED", false, ofDays(1), false))).containsExactly("general");
        }

        @Test
        void suggest_whenRefundConfirmedOrCancelled_isNotRefundFailed() {
            assertThat(cases(FactsBuilder.user()
                    .payout("r-1", "REFUND", "CONFIRMED").txHash("0xabc").add()
                    .payout("r-2", "REFUND", "CANCELLED").add())).containsExactly("general");
        }

        @Test
        void suggest_whenFailedRefundWasPaidByALaterOne_isNotRefundFailed() {
            FactsBuilder facts = FactsBuilder.user()
                    .payout("r-1", "REFUND", "FAILED").requestedAgo(ofDays(3)).inStatusFor(ofDays(3)).add()
                    .payout("r-2", "REFUND", "CONFIRMED").requestedAgo(ofDays(2)).add();

            assertThat(cases(facts)).containsExactly("general");
        }

        @Test
        void suggest_whenALaterRefundOfAnotherAmountWasPaid_theFailedOneStillCounts() {
            FactsBuilder facts = FactsBuilder.user()
                    .payout("r-1", "REFUND", "FAILED").requestedAgo(ofDays(3)).inStatusFor(ofDays(3)).add()
                    .payout("r-2", "REFUND", "CONFIRMED").requestedAgo(ofDays(2)).amount(new Money("USDC", 1_000_000L)).add();

            assertThat(picks(facts)).containsExactly("refund_failed.failed");
        }

        @Test
        void suggest_whenRefundHeldByCoolingOff_isTheWalletNotAFailedRefund() {
            FactsBuilder facts = FactsBuilder.user().walletChanged(ofHours(2), ofHours(22))
                    .payout("r-1", "REFUND", "HELD").inStatusFor(ofHours(2)).add();

            assertThat(picks(facts)).containsExactly("wrong_wallet.cooling_off");
        }

        @Test
        void suggest_whenHeldPastItsCoolingOffAndStuck_isAStuckRefund() {
            FactsBuilder facts = FactsBuilder.user().walletChanged(ofDays(2), ofHours(-2))
                    .payout("r-1", "REFUND", "HELD").inStatusFor(ofHours(2)).stuck().add();

            assertThat(picks(facts)).containsExactly("refund_failed.stuck");
        }

        @Test
        void suggest_whenVestingClaimFailed_isNotRefundFailed() {
            assertThat(picks(FactsBuilder.user().payout("v-1", "VESTING_CLAIM", "FAILED").add()))
                    .containsExactly("vesting_claim_failed.failed");
        }

        @Test
        void suggest_whenSbtClaimOrWithdrawalFailed_isNoRefundOrVestingCase() {
            assertThat(cases(FactsBuilder.user()
                    .payout("s-1", "SBT_CLAIM", "FAILED").add()
                    .payout("w-1", "WITHDRAWAL", "FAILED").add())).containsExactly("general");
        }

        @Test
        void suggest_whenPayoutSwitchOffWithoutAnOpenRefund_isNotRefundFailed() {
            FactsBuilder facts = FactsBuilder.user().block("payout", "global", "incident")
                    .payout("r-1", "REFUND", "CONFIRMED").add();

            assertThat(cases(facts)).containsExactly("general");
        }

        @Test
        void suggest_whenPayoutSwitchOffWithAnOpenRefund_isABlockedRefund() {
            FactsBuilder facts = FactsBuilder.user().block("payout", "global", "incident")
                    .payout("r-1", "REFUND", "REQUESTED").inStatusFor(ofMinutes(2)).add();

            assertThat(picks(facts)).containsExactly("refund_failed.blocked");
            assertThat(only(facts, "refund_failed").nextStep()).startsWith("Kill switch payout is off for global");
        }

        @Test
        void suggest_whenRefundAndPayoutSwitchesBothOff_namesTheRefundSwitch() {
            FactsBuilder facts = FactsBuilder.user().block("payout", "global", "incident")
                    .block("refund", "round:r-9", "round under review")
                    .payout("r-1", "REFUND", "REQUESTED").inStatusFor(ofMinutes(2)).add();

            assertThat(only(facts, "refund_failed").nextStep()).startsWith("Kill switch refund is off for round:r-9");
        }

        @Test
        void suggest_whenAnotherSwitchBlocksTheUser_isNotCannotPost() {
            assertThat(cases(FactsBuilder.user().block("ama.join_token", "user:u-1", "abuse")
                    .block("project.submission", "global", "review"))).containsExactly("general");
        }

        @Test
        void suggest_whenKycPendingOrNotStarted_isNotKycRejected() {
            assertThat(cases(FactsBuilder.user().kyc("PENDING", null))).containsExactly("general");
            assertThat(cases(FactsBuilder.user().kyc("NOT_STARTED", null))).containsExactly("general");
        }

        @Test
        void suggest_whenNoBluecheckAndNothingToClaim_isNotCannotClaimReferral() {
            assertThat(cases(FactsBuilder.user().bluecheck(false).activeReferrals(0))).containsExactly("general");
        }

        @Test
        void suggest_whenBluecheckAndNoReferralsAndNothingClaimed_isNotCannotClaimReferral() {
            assertThat(cases(FactsBuilder.user().bluecheck(true).activeReferrals(0))).containsExactly("general");
        }

        @Test
        void suggest_whenNoBluecheckButReferralsClaimed_isNoBluecheck() {
            assertThat(picks(FactsBuilder.user().bluecheck(false).activeReferrals(0).claim("ReferralClaimed")))
                    .containsExactly("cannot_claim_referral.no_bluecheck");
        }

        @Test
        void suggest_whenOnlyContributionsWereClaimed_isNotNoActiveReferrals() {
            assertThat(cases(FactsBuilder.user().activeReferrals(0).claim("ContributionConfirmed"))).containsExactly("general");
        }

        @Test
        void suggest_whenCoolingOffEnded_isNotWrongWallet() {
            assertThat(cases(FactsBuilder.user().walletChanged(ofDays(2), ofDays(-1)))).containsExactly("general");
        }

        @Test
        void suggest_whenCancelledPayoutWentToThePreviousWallet_isNotWrongWallet() {
            FactsBuilder facts = FactsBuilder.user().walletChanged(ofDays(2), ofDays(-1))
                    .payout("w-1", "WITHDRAWAL", "CANCELLED").requestedAgo(ofDays(3)).to(FactsBuilder.OLD_WALLET).add();

            assertThat(cases(facts)).containsExactly("general");
        }

        @Test
        void suggest_whenProfileUnknown_firesNoCaseThatReadsTheProfile() {
            FactsBuilder facts = FactsBuilder.user().unknownProfile().claim("ReferralClaimed");

            assertThat(cases(facts)).containsExactly("general");
        }

        @Test
        void suggest_whenProfileUnknownButAnOrderIsPaidWithoutAccess_isStillPaidNoAccess() {
            assertThat(cases(FactsBuilder.user().unknownProfile().order("ord-1", "PAID", false, ofHours(1), false)))
                    .containsExactly("paid_no_access");
        }
    }
}
