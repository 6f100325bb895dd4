package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(EmbeddedStackExtension.class)
class PayoutsVsLedgerTest {

    private CheckWorld world;
    private final Check check = new PayoutsVsLedger(MismatchThresholds.defaults());

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        world.user("u-1");
        world.payout("p-paid", "u-1", PayoutKind.WITHDRAWAL, "w-1", "25", PayoutStatus.CONFIRMED);
        world.payout("p-failed", "u-1", PayoutKind.WITHDRAWAL, "w-2", "25", PayoutStatus.FAILED);
        world.payout("p-asked", "u-1", PayoutKind.WITHDRAWAL, "w-3", "25", PayoutStatus.REQUESTED);
    }

    @Test
    void compare_whenEveryConfirmedPayoutIsPaidOutExactlyInTheLedger_findsNothing() {
        world.clock.advance(Duration.ofHours(1));
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenAPayoutWasMarkedConfirmedWithoutItsEntry_findsAMoneyMismatchOnceItIsOld() {
        markConfirmed("p-asked");

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("p-asked");
            assertThat(f.risk()).isEqualTo(Risk.LOW);
            assertThat(f.action()).isEqualTo(Action.RETRY);
        });

        world.clock.advance(PayoutsVsLedger.CONFIRMED_AGE_LIMIT.plusMinutes(1));
        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.expected()).isEqualTo("CONFIRMED payout: 25.000000 USDC");
            assertThat(f.actual()).isEqualTo("paid out in the ledger (payout-paid:p-asked): 0.000000 USDC");
            assertThat(f.difference()).isEqualTo("-25.000000 USDC");
            assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
            assertThat(f.action()).isEqualTo(Action.MANUAL_REVIEW);
        });
    }

    @Test
    void compare_whenAPayoutAboveTheThresholdIsConfirmedWithoutItsEntry_isHigh() {
        world.payout("p-big", "u-1", PayoutKind.WITHDRAWAL, "w-4", "500", PayoutStatus.REQUESTED);
        markConfirmed("p-big");
        world.clock.advance(Duration.ofHours(1));

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("p-big");
            assertThat(f.risk()).isEqualTo(Risk.HIGH);
            assertThat(f.action()).isEqualTo(Action.ESCALATE);
        });
    }

    @Test
    void compare_whenAPaidOutPayoutIsShownFailed_findsMoneyOutWithoutConfirmation() {
        Map<String, AttributeValue> item = new HashMap<>(world.getRaw(Topology.PAYOUTS, Map.of("payoutId", AttributeValue.fromS("p-paid"))));
        item.put("status", AttributeValue.fromS("FAILED"));
        world.putRaw(Topology.PAYOUTS, item);
        world.clock.advance(Duration.ofHours(1));

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("p-paid");
            assertThat(f.expected()).startsWith("paid out for a payout in FAILED");
            assertThat(f.actual()).endsWith("25.000000 USDC");
        });
    }

    private void markConfirmed(String payoutId) {
        Map<String, AttributeValue> item = new HashMap<>(world.getRaw(Topology.PAYOUTS, Map.of("payoutId", AttributeValue.fromS(payoutId))));
        item.put("status", AttributeValue.fromS("CONFIRMED"));
        item.put("updatedAt", AttributeValue.fromS(world.clock.instant().toString()));
        world.putRaw(Topology.PAYOUTS, item);
    }
}
