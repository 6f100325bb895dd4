package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import com.warroom.topology.Topology;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(EmbeddedStackExtension.class)
class TreasuryHoldsTest {

    private CheckWorld world;
    private final Check check = new TreasuryHolds(MismatchThresholds.defaults());

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        world.user("u-1");
        world.payout("p-paid", "u-1", PayoutKind.WITHDRAWAL, "w-1", "25", PayoutStatus.CONFIRMED);
        world.payout("p-failed", "u-1", PayoutKind.WITHDRAWAL, "w-2", "25", PayoutStatus.FAILED);
        world.payout("p-asked", "u-1", PayoutKind.REFUND, "r-1", "30", PayoutStatus.REQUESTED);
        world.payout("p-sent", "u-1", PayoutKind.WITHDRAWAL, "w-3", "12.5", PayoutStatus.SUBMITTED);
    }

    @Test
    void compare_whenThePendingAccountHoldsExactlyThePayoutsNotFinal_findsNothing() {
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenAPayoutWasCancelledWithoutReleasingItsHold_findsTheHoldTooLarge() {
        Map<String, AttributeValue> item = new HashMap<>(world.getRaw(Topology.PAYOUTS, Map.of("payoutId", AttributeValue.fromS("p-asked"))));
        item.put("status", AttributeValue.fromS("CANCELLED"));
        world.putRaw(Topology.PAYOUTS, item);

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("payout_pending:evm:1:USDC");
            assertThat(f.expected()).isEqualTo("1 payout(s) not final: 12.500000 USDC");
            assertThat(f.actual()).isEqualTo("held in payout_pending:evm:1:USDC: 42.500000 USDC");
            assertThat(f.difference()).isEqualTo("+30.000000 USDC");
            assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
        });
    }

    @Test
    void compare_whenTheTreasuryNoLongerCoversThePayoutsItHolds_findsItUncovered() {
        Map<String, AttributeValue> key = Map.of("account", AttributeValue.fromS("payout_pending:evm:1:USDC"), "currency", AttributeValue.fromS("USDC"));
        Map<String, AttributeValue> pending = new HashMap<>(world.getRaw(Topology.LEDGER_BALANCES, key));
        pending.put("balance", AttributeValue.fromN("0"));
        world.putRaw(Topology.LEDGER_BALANCES, pending);
        Map<String, AttributeValue> treasuryKey = Map.of("account", AttributeValue.fromS("treasury:evm:1:USDC"), "currency", AttributeValue.fromS("USDC"));
        Map<String, AttributeValue> treasury = new HashMap<>(world.getRaw(Topology.LEDGER_BALANCES, treasuryKey));
        treasury.put("balance", AttributeValue.fromN("0"));
        world.putRaw(Topology.LEDGER_BALANCES, treasury);

        assertThat(world.run(check)).extracting(FindingDraft::subject)
                .containsExactlyInAnyOrder("payout_pending:evm:1:USDC", "treasury:evm:1:USDC");
    }
}
