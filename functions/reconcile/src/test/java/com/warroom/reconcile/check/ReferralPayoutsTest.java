package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
class ReferralPayoutsTest {

    private CheckWorld world;
    private final Check check = new ReferralPayouts();

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        world.user("u-1");
        world.referralClaim("u-1", "30", "USDC");
        world.referralClaim("u-1", "20", "USDC");
        world.payout("p-ref-1", "u-1", PayoutKind.REFERRAL_CLAIM, "claim-1", "30", PayoutStatus.CONFIRMED);
        world.payout("p-ref-failed", "u-1", PayoutKind.REFERRAL_CLAIM, "claim-2", "100", PayoutStatus.FAILED);
        world.payout("p-other", "u-1", PayoutKind.WITHDRAWAL, "w-1", "500", PayoutStatus.CONFIRMED);
    }

    @Test
    void compare_whenReferralPayoutsStayWithinTheClaims_findsNothing() {
        world.payout("p-ref-2", "u-1", PayoutKind.REFERRAL_CLAIM, "claim-3", "20", PayoutStatus.REQUESTED);
        world.clock.advance(Duration.ofHours(1));
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenMoreWasPaidOutThanClaimed_isLowWhileTheClaimMayBeQueuedThenHigh() {
        world.payout("p-ref-2", "u-1", PayoutKind.REFERRAL_CLAIM, "claim-3", "45", PayoutStatus.CONFIRMED);

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("u-1 USDC");
            assertThat(f.risk()).isEqualTo(Risk.LOW);
            assertThat(f.action()).isEqualTo(Action.RETRY);
        });

        world.clock.advance(ReferralPayouts.CLAIM_AGE_LIMIT.plusMinutes(1));
        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.expected()).endsWith("50.000000 USDC");
            assertThat(f.actual()).isEqualTo("referral payouts not failed or cancelled: 75.000000 USDC");
            assertThat(f.difference()).isEqualTo("+25.000000 USDC");
            assertThat(f.risk()).isEqualTo(Risk.HIGH);
            assertThat(f.action()).isEqualTo(Action.ESCALATE);
        });
    }
}
