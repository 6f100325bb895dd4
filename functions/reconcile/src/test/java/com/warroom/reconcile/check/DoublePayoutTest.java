package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
class DoublePayoutTest {

    private CheckWorld world;
    private final Check check = new DoublePayout();

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        world.user("u-1");
        world.payout("p-1", "u-1", PayoutKind.REFUND, "refund-R1", "40", PayoutStatus.CONFIRMED);
        world.payout("p-2", "u-1", PayoutKind.REFUND, "refund-R2", "40", PayoutStatus.CONFIRMED);
        world.payout("p-3", "u-1", PayoutKind.VESTING_CLAIM, "refund-R1", "40", PayoutStatus.REQUESTED);
        // a failed payout asked again under a new id is not a double
        world.payout("p-4", "u-1", PayoutKind.WITHDRAWAL, "w-1", "10", PayoutStatus.FAILED);
        world.payout("p-5", "u-1", PayoutKind.WITHDRAWAL, "w-1", "10", PayoutStatus.CONFIRMED);
    }

    @Test
    void compare_whenEachUserKindAndReferenceHasOneLivePayout_findsNothing() {
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenASecondPayoutForTheSameUserKindAndReferenceWasConfirmed_findsItHighEscalate() {
        world.payout("p-1-again", "u-1", PayoutKind.REFUND, "refund-R1", "40", PayoutStatus.CONFIRMED);

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("u-1 REFUND refund-R1");
            assertThat(f.actual()).contains("p-1 (CONFIRMED, 40.000000 USDC)", "p-1-again (CONFIRMED, 40.000000 USDC)");
            assertThat(f.risk()).isEqualTo(Risk.HIGH);
            assertThat(f.action()).isEqualTo(Action.ESCALATE);
            assertThat(f.runbook()).isEqualTo("#reconcile-double-payout");
        });
    }

    @Test
    void compare_whenTheSecondIsStillInFlight_findsItToo() {
        world.payout("p-1-again", "u-1", PayoutKind.REFUND, "refund-R1", "40", PayoutStatus.SUBMITTED);

        assertThat(world.run(check)).extracting(FindingDraft::risk).containsExactly(Risk.HIGH);
    }
}
