package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(EmbeddedStackExtension.class)
class ContributionsVsRoundsTest {

    private CheckWorld world;
    private final Check check = new ContributionsVsRounds(MismatchThresholds.defaults());

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        world.contribution("R-1", "u-1", "100", "USDC");
        world.contribution("R-1", "u-2", "50", "USDC");
        world.contribution("R-1", "u-1", "25", "USDC");
        world.contribution("R-1", "u-3", "1", "ETH");
        world.refund("R-1", "u-2", "50", "USDC");
        world.contribution("R-2", "u-1", "10", "USDC");
    }

    @Test
    void compare_whenTheLedgerAndTheRoundTotalsAgree_findsNothing() {
        world.finalized("R-1", "125", "USDC", 3);
        assertThat(world.run(check)).isEmpty();

        // a failed round's refunds come after its finalization: its total stays what it raised then
        world.clock.advance(java.time.Duration.ofMinutes(5));
        world.refund("R-1", "u-1", "125", "USDC");
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenARoundsTotalWasRaisedAroundTheLedger_findsTheDifference() {
        world.addToTotal("R-1", "USDC", 500_000_000L, 0, 0, 0);

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("round R-1 USDC raised");
            assertThat(f.expected()).isEqualTo("rounds total#USDC raised − refunded: 625.000000 USDC");
            assertThat(f.actual()).isEqualTo("ledger round_raised:R-1: 125.000000 USDC");
            assertThat(f.difference()).isEqualTo("-500.000000 USDC");
            assertThat(f.risk()).isEqualTo(Risk.HIGH);
            assertThat(f.action()).isEqualTo(Action.ESCALATE);
        });
    }

    @Test
    void compare_whenAContributorItemIsMissing_findsTheCountMedium() {
        world.raw.deleteItem(b -> b.tableName(Topology.ROUNDS.localName()).key(CheckWorld.roundKey("R-1", "contributor#u-2")));

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("round R-1 contributors");
            assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
            assertThat(f.action()).isEqualTo(Action.MANUAL_REVIEW);
        });
    }

    @Test
    void compare_whenTheFinalizedRoundClaimsMoreThanWasContributed_findsTheTotalAndTheCount() {
        world.clock.advance(java.time.Duration.ofMinutes(5));
        world.finalized("R-1", "130", "USDC", 4);

        assertThat(world.run(check)).extracting(FindingDraft::subject, FindingDraft::difference)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("round R-1 finalized total", "-5.000000 USDC"),
                        org.assertj.core.groups.Tuple.tuple("round R-1 finalized contributors", "-1 contributor(s)"));
    }

    @Test
    void compare_whenTheLedgerHasARoundTheRoundsTableNeverSaw_findsIt() {
        world.raw.deleteItem(b -> b.tableName(Topology.ROUNDS.localName()).key(Map.of("roundId", AttributeValue.fromS("R-2"),
                "item", AttributeValue.fromS("total#USDC"))));

        assertThat(world.run(check)).extracting(FindingDraft::subject)
                .containsExactlyInAnyOrder("round R-2 USDC raised", "round R-2 contributors");
    }
}
