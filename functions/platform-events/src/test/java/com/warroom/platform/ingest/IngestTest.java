package com.warroom.platform.ingest;

import static com.warroom.platform.PlatformStack.contribution;
import static com.warroom.platform.PlatformStack.eventBridge;
import static com.warroom.platform.PlatformStack.fee;
import static com.warroom.platform.PlatformStack.finalization;
import static com.warroom.platform.PlatformStack.newId;
import static com.warroom.platform.PlatformStack.referral;
import static com.warroom.platform.PlatformStack.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.platform.PlatformStack;
import com.warroom.platform.ingest.PlatformEventIngest.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each event type posts what the plan says, once, in one transaction with its platform-events item and round totals. */
@ExtendWith(EmbeddedStackExtension.class)
class IngestTest {

    private static PlatformStack world;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PlatformStack(stack);
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
    }

    @BeforeEach
    void reset() {
        world.drainDeadLetters();
        metrics.clear();
    }

    @Test
    void contributionConfirmed_postsClearingToRoundRaised_addsTheRoundTotal_andRecordsTheEventWithItsEntry() {
        String round = newId("r");
        String user = newId("u");
        String id = newId("e");
        long clearingBefore = world.balance("contribution_clearing:USDC", "USDC");

        Outcome outcome = world.take(eventBridge(id, "ContributionConfirmed", contribution(round, user, "125.5", "USDC")));

        assertThat(outcome).isEqualTo(Outcome.POSTED);
        assertThat(world.balance("round_raised:" + round, "USDC")).isEqualTo(125_500_000L);
        assertThat(world.balance("contribution_clearing:USDC", "USDC") - clearingBefore).isEqualTo(-125_500_000L);
        assertThat(world.rounds.total(round, "USDC")).hasValueSatisfying(total -> {
            assertThat(total.raisedMinor()).isEqualTo(125_500_000L);
            assertThat(total.refundedMinor()).isZero();
            assertThat(total.contributions()).isEqualTo(1);
            assertThat(total.contributors()).isEqualTo(1);
        });
        assertThat(world.rounds.hasContributor(round, user)).isTrue();
        assertThat(world.events.find(id)).hasValueSatisfying(stored -> {
            assertThat(stored.type()).isEqualTo("ContributionConfirmed");
            assertThat(stored.occurredAt()).isEqualTo("2026-12-01T07:59:58.000Z");
            assertThat(stored.receivedAt()).isEqualTo("2026-12-01T08:00:00.000Z");
            assertThat(Json.readTree(stored.detail())).isEqualTo(contribution(round, user, "125.5", "USDC"));
            assertThat(stored.entryId()).contains("platform:" + id);
        });
        var lines = world.ledger.statement(new com.warroom.ledger.AccountId("round_raised:" + round), Optional.empty(), 10).lines();
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.entryId()).isEqualTo("platform:" + id);
            assertThat(line.cause()).isEqualTo("platform:ContributionConfirmed:" + id);
        });
        assertThat(metrics.count(PlatformEventIngest.POSTED_METRIC)).isEqualTo(1);
        assertThat(sloEvents("SloValidEvents", "contribute-success")).as("the contribute SLO's event").isEqualTo(1);
        assertThat(sloEvents("SloGoodEvents", "contribute-success")).isEqualTo(1);
    }

    // the points of an SLO's event count (README: SLOs and the weekly report)
    private static long sloEvents(String name, String slo) {
        return metrics.points().stream().filter(p -> p.name().equals(name) && slo.equals(p.dimensions().get("Slo"))).count();
    }

    @Test
    void contributions_countEachUserOnceAsAContributor_andEveryContribution() {
        String round = newId("r");
        String alice = newId("u");
        String bima = newId("u");

        world.take(eventBridge(newId("e"), "ContributionConfirmed", contribution(round, alice, "10", "USDC")));
        world.take(eventBridge(newId("e"), "ContributionConfirmed", contribution(round, alice, "5.25", "USDC")));
        world.take(eventBridge(newId("e"), "ContributionConfirmed", contribution(round, bima, "1", "USDC")));

        assertThat(world.rounds.total(round, "USDC")).hasValueSatisfying(total -> {
            assertThat(total.raisedMinor()).isEqualTo(16_250_000L);
            assertThat(total.contributions()).isEqualTo(3);
            assertThat(total.contributors()).isEqualTo(2);
        });
        assertThat(world.balance("round_raised:" + round, "USDC")).isEqualTo(16_250_000L);
    }

    @Test
    void refundIssued_movesRoundRaisedToRefundsPaid_andAddsTheRoundsRefunded() {
        String round = newId("r");
        String user = newId("u");
        world.take(eventBridge(newId("e"), "ContributionConfirmed", contribution(round, user, "2", "ETH")));
        String id = newId("e");

        Outcome outcome = world.take(eventBridge(id, "RefundIssued", refund(round, user, "0.5", "ETH")));

        assertThat(outcome).isEqualTo(Outcome.POSTED);
        assertThat(world.balance("round_raised:" + round, "ETH")).isEqualTo(1_500_000_000L);
        assertThat(world.balance("refunds_paid:" + round, "ETH")).isEqualTo(500_000_000L);
        assertThat(world.rounds.total(round, "ETH")).hasValueSatisfying(total -> {
            assertThat(total.raisedMinor()).isEqualTo(2_000_000_000L);
            assertThat(total.refundedMinor()).isEqualTo(500_000_000L);
            assertThat(total.contributions()).isEqualTo(1);
        });
        assertThat(world.events.find(id)).hasValueSatisfying(stored -> assertThat(stored.entryId()).contains("platform:" + id));
    }

    @Test
    void feeCharged_splitsTheFeeByTheRuleInForce_intoTheSameAccountsAsOrdersFees_toTheMinorUnit() {
        // presale_success: treasury 80%, referral 10%, sbt 10%; 1.000001 USDC = 1,000,001 micro-USDC
        long treasury = world.balance("fees:presale_success:treasury", "USDC");
        long referralShare = world.balance("fees:presale_success:referral", "USDC");
        long sbt = world.balance("fees:presale_success:sbt", "USDC");
        long clearing = world.balance("fee_clearing:USDC", "USDC");
        String id = newId("e");

        Outcome outcome = world.take(eventBridge(id, "FeeCharged", fee("presale_success", "1.000001", "USDC")));

        assertThat(outcome).isEqualTo(Outcome.POSTED);
        assertThat(world.balance("fees:presale_success:treasury", "USDC") - treasury).isEqualTo(800_001L);
        assertThat(world.balance("fees:presale_success:referral", "USDC") - referralShare).isEqualTo(100_000L);
        assertThat(world.balance("fees:presale_success:sbt", "USDC") - sbt).isEqualTo(100_000L);
        assertThat(world.balance("fee_clearing:USDC", "USDC") - clearing).isEqualTo(-1_000_001L);
        assertThat(world.posted("platform:" + id)).isTrue();
    }

    @Test
    void feeCharged_whenAShareRoundsToZero_postsNoLegForThatRecipient() {
        long creator = world.balance("fees:bonding_swap:creator", "USDC");
        long treasury = world.balance("fees:bonding_swap:treasury", "USDC");

        world.take(eventBridge(newId("e"), "FeeCharged", fee("bonding_swap", "0.000001", "USDC")));

        // 50/50 of one unit: the earlier-listed treasury gets it (FeeSplitter's rule), the creator gets no line
        assertThat(world.balance("fees:bonding_swap:treasury", "USDC") - treasury).isEqualTo(1L);
        assertThat(world.balance("fees:bonding_swap:creator", "USDC") - creator).isZero();
    }

    @Test
    void referralClaimed_postsReferralClearingToWhatTheUserIsOwed() {
        String user = newId("u");
        long clearing = world.balance("referral_clearing:USDT", "USDT");

        Outcome outcome = world.take(eventBridge(newId("e"), "ReferralClaimed", referral(user, "12.5", "USDT")));

        assertThat(outcome).isEqualTo(Outcome.POSTED);
        assertThat(world.balance("referral_owed:" + user, "USDT")).isEqualTo(12_500_000L);
        assertThat(world.balance("referral_clearing:USDT", "USDT") - clearing).isEqualTo(-12_500_000L);
    }

    @Test
    void roundFinalized_recordsThePlatformsCountOnTheRound_andPostsNoEntry() {
        String round = newId("r");
        String id = newId("e");

        Outcome outcome = world.take(eventBridge(id, "RoundFinalized", finalization(round, "16.25", "USDC", 2)));

        assertThat(outcome).isEqualTo(Outcome.POSTED);
        assertThat(world.rounds.finalization(round)).hasValueSatisfying(f -> {
            assertThat(f.totalRaisedMinor()).isEqualTo(16_250_000L);
            assertThat(f.asset()).isEqualTo("USDC");
            assertThat(f.contributorCount()).isEqualTo(2);
            assertThat(f.eventId()).isEqualTo(id);
            assertThat(f.finalizedAt()).isEqualTo("2026-12-01T07:59:58.000Z");
        });
        assertThat(world.events.find(id)).hasValueSatisfying(stored -> assertThat(stored.entryId()).isEmpty());
        assertThat(world.posted("platform:" + id)).isFalse();
    }

    @Test
    void roundFinalized_whenTheTotalIsZero_isTakenIn() {
        String round = newId("r");

        assertThat(world.take(eventBridge(newId("e"), "RoundFinalized", finalization(round, "0", "SOL", 0)))).isEqualTo(Outcome.POSTED);
        assertThat(world.rounds.finalization(round)).hasValueSatisfying(f -> assertThat(f.totalRaisedMinor()).isZero());
    }

    @Test
    void roundFinalized_whenTheRoundWasFinalizedByAnotherEvent_parksTheSecondWithTheReason() {
        String round = newId("r");
        String first = newId("e");
        String second = newId("e");
        world.take(eventBridge(first, "RoundFinalized", finalization(round, "1", "USDC", 1)));

        Outcome outcome = world.take(eventBridge(second, "RoundFinalized", finalization(round, "2", "USDC", 2)));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(world.drainDeadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("detail.roundId: round " + round + " was finalized before, by event " + first);
            assertThat(letter.attributes()).containsEntry("eventId", second).containsEntry("detailType", "RoundFinalized");
        });
        assertThat(world.events.find(second)).isEmpty();
        assertThat(world.rounds.finalization(round)).hasValueSatisfying(f -> assertThat(f.eventId()).isEqualTo(first));
    }

    @Test
    void sameEventTwice_isPostedOnce_andTheSecondIsANoOp() {
        String round = newId("r");
        String body = eventBridge(newId("e"), "ContributionConfirmed", contribution(round, newId("u"), "3", "USDC"));

        Outcome first = world.take(body);
        Outcome again = world.take(body);

        assertThat(first).isEqualTo(Outcome.POSTED);
        assertThat(again).isEqualTo(Outcome.DUPLICATE);
        assertThat(world.balance("round_raised:" + round, "USDC")).isEqualTo(3_000_000L);
        assertThat(world.rounds.total(round, "USDC")).hasValueSatisfying(t -> assertThat(t.contributions()).isEqualTo(1));
        assertThat(world.drainDeadLetters()).isEmpty();
        assertThat(metrics.count(PlatformEventIngest.DUPLICATE_METRIC)).isEqualTo(1);
    }

    @Test
    void sameEventAgainOverHttp_withAnotherTime_isTheSameEvent() {
        String round = newId("r");
        String id = newId("e");
        String body = eventBridge(id, "ContributionConfirmed", contribution(round, newId("u"), "3", "USDC"));
        world.take(body);

        Outcome again = world.take(body.replace("2026-12-01T07:59:58Z", "2026-12-01T09:00:00Z").replace("123456789012", "000000000000"));

        assertThat(again).isEqualTo(Outcome.DUPLICATE);
        assertThat(world.balance("round_raised:" + round, "USDC")).isEqualTo(3_000_000L);
    }

    @Test
    void sameIdWithOtherContent_isAConflict_parkedWithTheReason_andChangesNothing() {
        String round = newId("r");
        String user = newId("u");
        String id = newId("e");
        world.take(eventBridge(id, "ContributionConfirmed", contribution(round, user, "3", "USDC")));
        String conflicting = eventBridge(id, "ContributionConfirmed", contribution(round, user, "30", "USDC"));

        Outcome outcome = world.take(conflicting);

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(world.drainDeadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.body()).isEqualTo(conflicting);
            assertThat(letter.reason()).startsWith("id: event " + id + " was taken in before with other content")
                    .contains("\"amount\":\"3\"").contains("\"amount\":\"30\"");
            assertThat(letter.attributes()).containsEntry("eventId", id);
        });
        assertThat(world.balance("round_raised:" + round, "USDC")).isEqualTo(3_000_000L);
        assertThat(world.rounds.total(round, "USDC")).hasValueSatisfying(t -> assertThat(t.raisedMinor()).isEqualTo(3_000_000L));
        assertThat(metrics.count(PlatformEventIngest.DEAD_LETTERED_METRIC)).isEqualTo(1);
        assertThat(sloEvents("SloValidEvents", "contribute-success")).as("taken in, then dead-lettered").isEqualTo(2);
        assertThat(sloEvents("SloGoodEvents", "contribute-success")).isEqualTo(1);
    }

    @Test
    void refundBeforeItsContributions_waitsForThem_andOnItsLastReceiveIsParkedWithTheReason() {
        String round = newId("r");
        String user = newId("u");
        String id = newId("e");
        String body = eventBridge(id, "RefundIssued", refund(round, user, "1", "USDC"));

        assertThatThrownBy(() -> world.ingest.take(body, 1))
                .isInstanceOf(PlatformEventIngest.EarlierEventsMissing.class)
                .hasMessageContaining("round_raised:" + round);
        assertThat(world.drainDeadLetters()).as("not parked while it may still succeed").isEmpty();

        Outcome last = world.ingest.take(body, 5);

        assertThat(last).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(world.drainDeadLetters()).singleElement().satisfies(letter -> assertThat(letter.reason())
                .isEqualTo("detail.amount: would take round_raised:" + round + " below zero (to -1.000000 USDC): the events it"
                        + " reverses are not all in"));
        assertThat(world.events.find(id)).isEmpty();
        assertThat(world.rounds.total(round, "USDC")).isEmpty();
        assertThat(world.posted("platform:" + id)).isFalse();
    }

    @Test
    void refundAfterItsContributionCameLate_isPostedOnItsRetry() {
        String round = newId("r");
        String user = newId("u");
        String refundBody = eventBridge(newId("e"), "RefundIssued", refund(round, user, "1", "USDC"));
        assertThatThrownBy(() -> world.ingest.take(refundBody, 1)).isInstanceOf(PlatformEventIngest.EarlierEventsMissing.class);

        world.take(eventBridge(newId("e"), "ContributionConfirmed", contribution(round, user, "1", "USDC")));

        assertThat(world.ingest.take(refundBody, 2)).isEqualTo(Outcome.POSTED);
        assertThat(world.balance("round_raised:" + round, "USDC")).isZero();
        assertThat(world.balance("refunds_paid:" + round, "USDC")).isEqualTo(1_000_000L);
    }

    @Test
    void feeCharged_whenTheRuleIsNotInTheConfig_isParkedWithTheReason_andPostsNothing() {
        String id = newId("e");
        String body = eventBridge(id, "FeeCharged", fee("no_such_rule", "1", "USDC"));

        assertThat(world.take(body)).isEqualTo(Outcome.DEAD_LETTERED);

        assertThat(world.drainDeadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.body()).isEqualTo(body);
            assertThat(letter.reason()).startsWith("detail.ruleId: no fee rule no_such_rule in the config in force");
        });
        assertThat(world.events.find(id)).isEmpty();
        assertThat(world.posted("platform:" + id)).isFalse();
    }

    @Test
    void unreadableMessages_areParkedWithTheirBodies() {
        List<String> bodies = List.of("not json", "{}");
        for (String body : bodies) {
            assertThat(world.take(body)).isEqualTo(Outcome.DEAD_LETTERED);
        }
        assertThat(world.drainDeadLetters()).extracting(PlatformStack.DeadLetter::body).containsExactlyInAnyOrderElementsOf(bodies);
    }
}
