package com.warroom.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FlagTest {

    @Test
    void key_whenCatalogueListed_expectExactlyTheTwelveKnownKeysInOrder() {
        assertThat(Arrays.stream(Flag.values()).map(Flag::key)).containsExactly(
                "project.submission", "round.approval", "contribute", "finalize", "claim.vesting",
                "claim.referral", "claim.sbt", "payout", "refund", "feed.posting", "ama.join_token",
                "notification.reminder");
        assertThat(Flag.catalogue()).isEqualTo("project.submission, round.approval, contribute, finalize, "
                + "claim.vesting, claim.referral, claim.sbt, payout, refund, feed.posting, ama.join_token, "
                + "notification.reminder");
    }

    @Test
    void fundRelated_whenCatalogue_expectExactlyContributeFinalizeClaimsPayoutRefund() {
        Set<Flag> fundRelated = Arrays.stream(Flag.values()).filter(Flag::fundRelated)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Flag.class)));
        assertThat(fundRelated).containsExactlyInAnyOrder(Flag.CONTRIBUTE, Flag.FINALIZE, Flag.CLAIM_VESTING,
                Flag.CLAIM_REFERRAL, Flag.CLAIM_SBT, Flag.PAYOUT, Flag.REFUND);
    }

    @Test
    void fundRelated_whenKeyStartsWithClaim_expectTrue() {
        assertThat(Arrays.stream(Flag.values()).filter(f -> f.key().startsWith("claim.")))
                .hasSize(3).allMatch(Flag::fundRelated);
    }

    @ParameterizedTest
    @EnumSource(value = Flag.class, names = {"PROJECT_SUBMISSION", "ROUND_APPROVAL", "FEED_POSTING",
        "AMA_JOIN_TOKEN", "NOTIFICATION_REMINDER"})
    void fundRelated_whenFlagDoesNotMoveMoney_expectFalse(Flag flag) {
        assertThat(flag.fundRelated()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Flag.class)
    void fromKey_whenKnownKey_expectThatFlag(Flag flag) {
        assertThat(Flag.fromKey(flag.key())).contains(flag);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"CONTRIBUTE", "Contribute", "contribute ", " contribute", "claim", "claim.",
        "claim.*", "claim_vesting", "ama.join-token", "payouts", "global"})
    void fromKey_whenUnknownKey_expectEmpty(String key) {
        assertThat(Flag.fromKey(key)).isEmpty();
    }
}
