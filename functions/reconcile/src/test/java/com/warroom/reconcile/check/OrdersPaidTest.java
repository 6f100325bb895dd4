package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(EmbeddedStackExtension.class)
class OrdersPaidTest {

    private CheckWorld world;
    private final Check check = new OrdersPaid(MismatchThresholds.defaults());

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        world.paidOrder("O-1", "u-1", "course:rust", "150000.00");
        world.paidOrder("O-2", "u-2", "course:rust", "150000.00");
        // bought twice: one entitlement, granted by the first order
        world.paidOrder("O-3", "u-1", "course:rust", "150000.00");
    }

    @Test
    void compare_whenEveryPaidOrderHasItsEntitlementAndItsEntry_findsNothing() {
        world.clock.advance(Duration.ofHours(1));
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenAPaidOrdersEntitlementIsMissing_isLowThenMedium() {
        world.raw.deleteItem(b -> b.tableName(Topology.ENTITLEMENTS.localName()).key(Map.of("userId", AttributeValue.fromS("u-2"),
                "item", AttributeValue.fromS("course:rust"))));

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("O-2 entitlement");
            assertThat(f.risk()).isEqualTo(Risk.LOW);
            assertThat(f.action()).isEqualTo(Action.RETRY);
        });

        world.clock.advance(OrdersPaid.ENTITLEMENT_AGE_LIMIT.plusMinutes(1));
        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.expected()).isEqualTo("an active entitlement of u-2 course:rust");
            assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
            assertThat(f.action()).isEqualTo(Action.MANUAL_REVIEW);
            assertThat(f.runbook()).isEqualTo("#reconcile-orders-paid");
        });
    }

    @Test
    void compare_whenAnOrderWasMarkedPaidWithoutItsLedgerEntry_findsTheMoneyMismatch() {
        world.paidOrder("O-4", "u-3", "course:go", "5000000.00");
        world.raw.deleteItem(b -> b.tableName(Topology.LEDGER_ENTRIES.localName()).key(Map.of("key", AttributeValue.fromS("journal#order-paid:O-4"),
                "seq", AttributeValue.fromN("0"))));
        world.clock.advance(Duration.ofHours(1));

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("O-4 ledger");
            assertThat(f.expected()).isEqualTo("order PAID of: 5000000.00 IDR");
            assertThat(f.risk()).isEqualTo(Risk.HIGH);
        });
    }

    @Test
    void compare_whenAPaidEntryExistsForAnOrderNotPaid_findsIt() {
        Map<String, AttributeValue> item = new HashMap<>(world.getRaw(Topology.ORDERS, Map.of("orderId", AttributeValue.fromS("O-2"))));
        item.put("status", AttributeValue.fromS("FAILED"));
        world.putRaw(Topology.ORDERS, item);
        world.clock.advance(Duration.ofHours(1));

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("O-2 ledger");
            assertThat(f.expected()).startsWith("paid for order in FAILED");
            assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
        });
    }
}
