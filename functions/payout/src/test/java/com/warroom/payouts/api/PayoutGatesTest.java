package com.warroom.payouts.api;

import static com.warroom.payouts.api.PayoutApi.assertProblem;
import static com.warroom.payouts.api.PayoutApi.assertStatus;
import static com.warroom.payouts.api.PayoutApi.payoutBody;
import static com.warroom.payouts.api.PayoutApi.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payouts.PayoutsStack;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.Wallet;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kill switches and eligibility rules of {@code POST /v1/payouts}: each refusal names its rule, and nothing is written. */
@ExtendWith(EmbeddedStackExtension.class)
class PayoutGatesTest {

    private static PayoutsStack world;
    private static PayoutApi api;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PayoutsStack(stack, Instant.parse("2026-12-03T09:00:00Z"));
        api = new PayoutApi(world);
        world.fund(PayoutsStack.CHAIN, "USDC", "100000");
    }

    private static String registeredUser() {
        String userId = PayoutsStack.newId("u");
        api.registered(userId);
        return userId;
    }

    private static String newPayoutId() {
        return PayoutsStack.newId("po");
    }

    private static void assertNothingWritten(String payoutId, long treasury) {
        assertThat(world.payouts.find(payoutId)).isEmpty();
        assertThat(api.holdPosted(payoutId)).isFalse();
        assertThat(world.treasury("USDC")).isEqualTo(treasury);
    }

    private static String withRound(String body, String roundId) {
        return body.substring(0, body.length() - 1) + ",\"roundId\":\"" + roundId + "\"}";
    }

    // ---- the payout flag

    @Test
    void post_whenPayoutsAreOffEverywhere_answers403FlowDisabled_namingTheGlobalRule() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");
        world.setFlag(Flag.PAYOUT, FlagScope.GLOBAL, false);
        try {
            JsonNode problem = assertProblem(api.postPayout(payoutId, withdrawal(userId, "1")), 403, "flow-disabled");

            assertThat(problem.path("rule").asText()).isEqualTo("flag:payout@global");
            assertThat(problem.path("blockedBy").path("flag").asText()).isEqualTo("payout");
            assertThat(problem.path("blockedBy").path("scope").asText()).isEqualTo("global");
            assertThat(problem.path("blockedBy").path("reason").asText()).isEqualTo("set by a payout test");
            assertThat(problem.path("blockedBy").path("since").asText()).isNotBlank();
            assertNothingWritten(payoutId, treasury);
        } finally {
            world.setFlag(Flag.PAYOUT, FlagScope.GLOBAL, true);
        }
        assertStatus(api.postPayout(newPayoutId(), withdrawal(userId, "1")), 201);
    }

    @Test
    void post_whenPayoutsAreOffForTheUser_answers403_namingTheUsersRule_andOtherUsersArePaid() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");
        world.setFlag(Flag.PAYOUT, new FlagScope.User(userId), false);

        JsonNode problem = assertProblem(api.postPayout(payoutId, withdrawal(userId, "1")), 403, "flow-disabled");

        assertThat(problem.path("rule").asText()).isEqualTo("flag:payout@user:" + userId);
        assertThat(problem.path("blockedBy").path("scope").asText()).isEqualTo("user:" + userId);
        assertNothingWritten(payoutId, treasury);
        assertStatus(api.postPayout(newPayoutId(), withdrawal(registeredUser(), "1")), 201);
    }

    @Test
    void post_whenPayoutsAreOffForTheRound_answers403_namingTheRoundsRule_andPayoutsOfOtherRoundsGoOn() {
        String userId = registeredUser();
        String round = PayoutsStack.newId("r");
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");
        world.setFlag(Flag.PAYOUT, new FlagScope.Round(round), false);

        JsonNode problem = assertProblem(api.postPayout(payoutId, withRound(payoutBody(userId, "REFUND", "1", "USDC"), round)), 403,
                "flow-disabled");

        assertThat(problem.path("rule").asText()).isEqualTo("flag:payout@round:" + round);
        assertNothingWritten(payoutId, treasury);
        assertStatus(api.postPayout(newPayoutId(), withRound(payoutBody(userId, "REFUND", "1", "USDC"), PayoutsStack.newId("r"))), 201);
        assertStatus(api.postPayout(newPayoutId(), payoutBody(userId, "REFUND", "1", "USDC")), 201);
    }

    // ---- each kind's own flag

    @ParameterizedTest
    @CsvSource({"REFUND,refund,CLAIM_VESTING", "VESTING_CLAIM,claim.vesting,REFUND", "REFERRAL_CLAIM,claim.referral,CLAIM_SBT",
            "SBT_CLAIM,claim.sbt,CLAIM_REFERRAL"})
    void post_whenTheKindsFlowIsOffForTheUser_answers403_namingItsFlag_whileOtherKindsGoOn(String kind, String flagKey, String otherFlag) {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");
        Flag flag = Flag.fromKey(flagKey).orElseThrow();
        world.setFlag(flag, new FlagScope.User(userId), false);
        world.setFlag(Flag.valueOf(otherFlag), new FlagScope.User(userId), true);

        JsonNode problem = assertProblem(api.postPayout(payoutId, payoutBody(userId, kind, "1", "USDC")), 403, "flow-disabled");

        assertThat(problem.path("rule").asText()).isEqualTo("flag:" + flagKey + "@user:" + userId);
        assertThat(problem.path("blockedBy").path("flag").asText()).isEqualTo(flagKey);
        assertNothingWritten(payoutId, treasury);
        assertStatus(api.postPayout(newPayoutId(), withdrawal(userId, "1")), 201);
    }

    @Test
    void post_whenAClaimFlowIsOffForTheRound_answers403_namingTheRoundsRule() {
        String userId = registeredUser();
        String round = PayoutsStack.newId("r");
        String payoutId = newPayoutId();
        world.setFlag(Flag.CLAIM_VESTING, new FlagScope.Round(round), false);

        JsonNode problem = assertProblem(api.postPayout(payoutId, withRound(payoutBody(userId, "VESTING_CLAIM", "1", "USDC"), round)), 403,
                "flow-disabled");

        assertThat(problem.path("rule").asText()).isEqualTo("flag:claim.vesting@round:" + round);
        assertThat(world.payouts.find(payoutId)).isEmpty();
    }

    @Test
    void post_whenTheRefundFlowIsOffEverywhere_refundsAreRefused_butWithdrawalsGoOn() {
        String userId = registeredUser();
        String payoutId = newPayoutId();
        world.setFlag(Flag.REFUND, FlagScope.GLOBAL, false);
        try {
            JsonNode problem = assertProblem(api.postPayout(payoutId, payoutBody(userId, "REFUND", "1", "USDC")), 403, "flow-disabled");

            assertThat(problem.path("rule").asText()).isEqualTo("flag:refund@global");
            assertThat(world.payouts.find(payoutId)).isEmpty();
            assertStatus(api.postPayout(newPayoutId(), withdrawal(userId, "1")), 201);
        } finally {
            world.setFlag(Flag.REFUND, FlagScope.GLOBAL, true);
        }
    }

    @Test
    void post_whenBothThePayoutFlagAndTheKindsFlagAreOff_namesThePayoutFlagFirst() {
        String userId = registeredUser();
        world.setFlag(Flag.PAYOUT, new FlagScope.User(userId), false);
        world.setFlag(Flag.CLAIM_SBT, new FlagScope.User(userId), false);

        JsonNode problem = assertProblem(api.postPayout(newPayoutId(), payoutBody(userId, "SBT_CLAIM", "1", "USDC")), 403, "flow-disabled");

        assertThat(problem.path("rule").asText()).isEqualTo("flag:payout@user:" + userId);
    }

    // ---- referral eligibility

    @Test
    void post_aReferralClaimWithoutBlueCheck_answers403NotEligible_namingTheRule() {
        String userId = PayoutsStack.newId("u");
        world.user(userId, new Wallet(PayoutsStack.CHAIN, PayoutsStack.USER_EVM_ADDRESS), new UserProfile.Standing(false, "APPROVED",
                Optional.empty(), 5), Optional.empty());
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");

        JsonNode problem = assertProblem(api.postPayout(payoutId, payoutBody(userId, "REFERRAL_CLAIM", "1", "USDC")), 403, "not-eligible");

        assertThat(problem.path("rule").asText()).isEqualTo("referral.bluecheck");
        assertNothingWritten(payoutId, treasury);
        assertStatus(api.postPayout(newPayoutId(), withdrawal(userId, "1")), 201);
    }

    @Test
    void post_aReferralClaimWithoutActiveReferrals_answers403NotEligible_namingTheRule() {
        String userId = PayoutsStack.newId("u");
        api.putUser(userId, PayoutApi.userBody().replace("\"activeReferralCount\":2", "\"activeReferralCount\":0"));
        String payoutId = newPayoutId();
        long treasury = world.treasury("USDC");

        JsonNode problem = assertProblem(api.postPayout(payoutId, payoutBody(userId, "REFERRAL_CLAIM", "1", "USDC")), 403, "not-eligible");

        assertThat(problem.path("rule").asText()).isEqualTo("referral.active-referrals");
        assertNothingWritten(payoutId, treasury);
    }

    @Test
    void post_aReferralClaimWithBlueCheckAndOneActiveReferral_isAccepted() {
        String userId = PayoutsStack.newId("u");
        api.putUser(userId, PayoutApi.userBody().replace("\"activeReferralCount\":2", "\"activeReferralCount\":1"));

        assertStatus(api.postPayout(newPayoutId(), payoutBody(userId, "REFERRAL_CLAIM", "1", "USDC")), 201);
    }

    @Test
    void post_aReferralClaimAfterThePlatformTookTheBlueCheckAway_isRefused() {
        String userId = registeredUser();
        assertStatus(api.postPayout(newPayoutId(), payoutBody(userId, "REFERRAL_CLAIM", "1", "USDC")), 201);
        api.putUser(userId, PayoutApi.userBody().replace("\"bluecheck\":true", "\"bluecheck\":false"));

        JsonNode problem = assertProblem(api.postPayout(newPayoutId(), payoutBody(userId, "REFERRAL_CLAIM", "2", "USDC")), 403,
                "not-eligible");

        assertThat(problem.path("rule").asText()).isEqualTo("referral.bluecheck");
    }
}
