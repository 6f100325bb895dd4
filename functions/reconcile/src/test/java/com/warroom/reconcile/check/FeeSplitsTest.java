package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(EmbeddedStackExtension.class)
class FeeSplitsTest {

    private CheckWorld world;
    private Check check;

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        check = new FeeSplits(world.config::currentFeeRules, MismatchThresholds.defaults());
        // blue_check: treasury 70%, referral 30%; bonding_swap: treasury 50%, creator 50%
        world.fee("fee-1", "blue_check", "10", "USDC", Map.of("fees:blue_check:treasury", "7", "fees:blue_check:referral", "3"));
        world.fee("fee-2", "bonding_swap", "0.000000003", "ETH",
                Map.of("fees:bonding_swap:treasury", "0.000000002", "fees:bonding_swap:creator", "0.000000001"));
        // a contribution is a platform entry too, with no fee leg: not this check's
        world.contribution("R-1", "u-1", "100", "USDC");
    }

    @Test
    void compare_whenEveryFeeIsPostedAsItsRuleSplitsIt_findsNothing() {
        world.clock.advance(Duration.ofHours(1));
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenAFeeWasPostedToTheWrongAccount_findsWhatWasMisposted() {
        world.fee("fee-3", "blue_check", "10", "USDC", Map.of("fees:blue_check:treasury", "10"));
        world.fee("fee-4", "blue_check", "1000", "USDC", Map.of("fees:blue_check:treasury", "700", "fees:presale_success:referral", "300"));

        assertThat(world.run(check)).satisfiesExactlyInAnyOrder(small -> {
            assertThat(small.subject()).isEqualTo("FeeCharged fee-3");
            assertThat(small.expected()).isEqualTo("rule blue_check split: fees:blue_check:referral 3.000000 USDC, "
                    + "fees:blue_check:treasury 7.000000 USDC");
            assertThat(small.actual()).isEqualTo("posted: fees:blue_check:treasury 10.000000 USDC");
            assertThat(small.difference()).isEqualTo("3.000000 USDC misposted");
            assertThat(small.risk()).isEqualTo(Risk.MEDIUM);
            assertThat(small.action()).isEqualTo(Action.MANUAL_REVIEW);
        }, large -> {
            assertThat(large.subject()).isEqualTo("FeeCharged fee-4");
            assertThat(large.difference()).isEqualTo("300.000000 USDC misposted");
            assertThat(large.risk()).isEqualTo(Risk.HIGH);
            assertThat(large.action()).isEqualTo(Action.ESCALATE);
            assertThat(large.runbook()).isEqualTo("#reconcile-fee-splits");
        });
    }

    @Test
    void compare_whenAnEventHasNoEntry_isLowUntilItsAgeLimitThenAMismatch() {
        world.platformEvent("fee-5", "FeeCharged", Map.of("ruleId", "blue_check", "amount", "10", "asset", "USDC",
                "reference", "fee-5"), Optional.empty());

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("FeeCharged fee-5");
            assertThat(f.risk()).isEqualTo(Risk.LOW);
            assertThat(f.action()).isEqualTo(Action.RETRY);
        });

        world.clock.advance(FeeSplits.POSTING_AGE_LIMIT.plusMinutes(1));
        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.actual()).isEqualTo("posted by entry platform:fee-5: 0.000000 USDC");
            assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
        });
    }

    @Test
    void compare_whenAFeeEntryHasNoEvent_findsMoneyPostedWithoutOne() {
        world.raw.deleteItem(b -> b.tableName(Topology.PLATFORM_EVENTS.localName()).key(Map.of("eventId", AttributeValue.fromS("fee-1"))));

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("FeeCharged fee-1");
            assertThat(f.actual()).isEqualTo("fees posted by entry platform:fee-1 (no such event): 10.000000 USDC");
        });
    }
}
