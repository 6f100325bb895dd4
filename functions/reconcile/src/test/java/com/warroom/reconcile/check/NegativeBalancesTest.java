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
class NegativeBalancesTest {

    private CheckWorld world;
    private final Check check = new NegativeBalances();

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        world.user("u-1");
        world.payout("p-1", "u-1", PayoutKind.WITHDRAWAL, "w-1", "25", PayoutStatus.CONFIRMED);
        world.contribution("R-1", "u-1", "100", "USDC");
    }

    @Test
    void compare_whenEveryAccountThatMayNotGoNegativeIsAtLeastZero_findsNothing() {
        // equity:opening and contribution_clearing:USDC are below zero by design: they are not reported
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenATreasuryBalanceWasWrittenBelowZero_findsItHighEscalate() {
        Map<String, AttributeValue> key = Map.of("account", AttributeValue.fromS("treasury:evm:1:USDC"), "currency", AttributeValue.fromS("USDC"));
        Map<String, AttributeValue> item = new HashMap<>(world.getRaw(Topology.LEDGER_BALANCES, key));
        item.put("balance", AttributeValue.fromN("-5000000"));
        world.putRaw(Topology.LEDGER_BALANCES, item);

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("treasury:evm:1:USDC USDC");
            assertThat(f.actual()).isEqualTo("-5.000000 USDC");
            assertThat(f.risk()).isEqualTo(Risk.HIGH);
            assertThat(f.action()).isEqualTo(Action.ESCALATE);
            assertThat(f.runbook()).isEqualTo("#reconcile-negative-balances");
        });
    }
}
