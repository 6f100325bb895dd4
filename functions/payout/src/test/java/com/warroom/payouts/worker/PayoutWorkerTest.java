package com.warroom.payouts.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutsStack;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.Wallet;
import com.warroom.payouts.rail.RailStatus;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The worker's rules, one payout at a time, over the embedded stack and a custodian in memory. */
@ExtendWith(EmbeddedStackExtension.class)
class PayoutWorkerTest {

    private static WorkerWorld w;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        w = new WorkerWorld(stack);
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
    }

    @BeforeEach
    void railSettlesLater() {
        w.custodian.createsAs(RailStatus.SUBMITTED);
    }

    @Test
    void advance_whenRailAcceptsThenCompletes_expectConfirmedWithHoldTurnedIntoPayment() {
        long treasury = w.world.treasury("USDC");
        long pending = w.world.pending("USDC");
        long paid = w.world.paid("USDC");
        Payout payout = w.requested("12.5");
        assertThat(w.world.treasury("USDC")).isEqualTo(treasury - 12_500_000);

        w.worker.advance(payout.payoutId());
        Payout submitted = w.world.payout(payout.payoutId());
        assertThat(submitted.state()).contains(PayoutStatus.SUBMITTED);
        assertThat(submitted.progress().railReference()).isPresent();
        assertThat(w.custodian.transfersOf(payout.payoutId())).singleElement()
                .satisfies(t -> {
                    assertThat(t.externalId()).isEqualTo(payout.payoutId());
                    assertThat(t.destinationAddress()).isEqualTo(PayoutsStack.USER_EVM_ADDRESS);
                    assertThat(t.amount()).isEqualTo(w.usdc("12.5"));
                });

        w.worker.advance(payout.payoutId());
        assertThat(w.world.payout(payout.payoutId()).state()).contains(PayoutStatus.SUBMITTED);

        w.custodian.settle(payout.payoutId(), RailStatus.COMPLETED);
        w.worker.advance(payout.payoutId());
        Payout confirmed = w.world.payout(payout.payoutId());
        assertThat(confirmed.state()).contains(PayoutStatus.CONFIRMED);
        assertThat(confirmed.progress().txHash()).isPresent();
        assertThat(w.world.ledger.posted(List.of(PayoutJournal.paidId(payout.payoutId())))).hasSize(1);
        assertThat(w.world.pending("USDC")).isEqualTo(pending);
        assertThat(w.world.paid("USDC")).isEqualTo(paid + 12_500_000);
        assertThat(w.world.treasury("USDC")).isEqualTo(treasury - 12_500_000);

        w.worker.advance(payout.payoutId());
        assertThat(w.world.paid("USDC")).isEqualTo(paid + 12_500_000);
        assertThat(w.custodian.transfersOf(payout.payoutId())).hasSize(1);
    }

    @Test
    void advance_whenAcceptedButStillInProgress_expectNeverConfirmed() {
        Payout payout = w.requested("3");
        w.worker.advance(payout.payoutId());
        for (RailStatus step : List.of(RailStatus.PENDING_AUTHORIZATION, RailStatus.QUEUED, RailStatus.PENDING_SIGNATURE,
                RailStatus.BROADCASTING, RailStatus.CONFIRMING)) {
            w.custodian.settle(payout.payoutId(), step);
            w.worker.advance(payout.payoutId());
            assertThat(w.world.payout(payout.payoutId()).state()).contains(PayoutStatus.SUBMITTED);
            assertThat(w.world.payout(payout.payoutId()).progress().railStatus()).contains(step.name());
        }
        assertThat(w.world.ledger.posted(List.of(PayoutJournal.paidId(payout.payoutId())))).isEmpty();
    }

    @Test
    void advance_whenSubmitAnswerIsLostAfterTheRailTookIt_expectAskedFirstAndPaidOnce() {
        Payout payout = w.requested("7");
        w.custodian.inject(payout.payoutId(), TestCustodian.Fault.TIMEOUT_AFTER_ACCEPT);
        w.worker.advance(payout.payoutId());
        Payout scheduled = w.world.payout(payout.payoutId());
        assertThat(scheduled.state()).contains(PayoutStatus.RETRY_SCHEDULED);
        assertThat(scheduled.progress().nextAttemptAt()).isPresent();

        w.world.clock.advance(Duration.ofSeconds(10));
        int submits = w.custodian.submits();
        w.worker.advance(payout.payoutId());
        assertThat(w.custodian.submits()).as("the retry asked, it did not submit again").isEqualTo(submits);
        assertThat(w.world.payout(payout.payoutId()).state()).contains(PayoutStatus.SUBMITTED);
        assertThat(w.custodian.transfersOf(payout.payoutId())).hasSize(1);
    }

    @Test
    void advance_whenRetryTooEarly_expectNothingDone() {
        Payout payout = w.requested("1");
        w.custodian.inject(payout.payoutId(), TestCustodian.Fault.UNAVAILABLE);
        w.worker.advance(payout.payoutId());
        int submits = w.custodian.submits();
        w.worker.advance(payout.payoutId());
        assertThat(w.custodian.submits()).isEqualTo(submits);
        assertThat(w.world.payout(payout.payoutId()).state()).contains(PayoutStatus.RETRY_SCHEDULED);
    }

    @Test
    void advance_whenRailKeepsFailingRetryably_expectBackoffThenFailedWithHoldReleased() {
        long treasury = w.world.treasury("USDC");
        Payout payout = w.requested("5");
        w.custodian.inject(payout.payoutId(), TestCustodian.Fault.UNAVAILABLE, TestCustodian.Fault.UNAVAILABLE,
                TestCustodian.Fault.UNAVAILABLE);
        long failedBefore = metrics.count("PayoutFailed");
        long slaValid = sloEvents("SloValidEvents");
        long slaGood = sloEvents("SloGoodEvents");
        long endedValid = sloEvents("SloValidEvents", "stuck-transactions");
        long endedGood = sloEvents("SloGoodEvents", "stuck-transactions");
        for (int attempt = 1; attempt <= WorkerWorld.POLICY.maxAttempts(); attempt++) {
            w.worker.advance(payout.payoutId());
            Payout now = w.world.payout(payout.payoutId());
            assertThat(now.progress().attempts()).isEqualTo(attempt);
            if (attempt < WorkerWorld.POLICY.maxAttempts()) {
                assertThat(now.state()).contains(PayoutStatus.RETRY_SCHEDULED);
                assertThat(Duration.between(w.world.clock.instant(), now.progress().nextAttemptAt().orElseThrow()))
                        .isPositive().isLessThanOrEqualTo(WorkerWorld.POLICY.retryCeiling(attempt));
                w.world.clock.advance(WorkerWorld.POLICY.longestRetry());
            }
        }
        Payout failed = w.world.payout(payout.payoutId());
        assertThat(failed.state()).contains(PayoutStatus.FAILED);
        assertThat(failed.progress().reason()).hasValueSatisfying(r -> assertThat(r).contains("gave up after 3 tries"));
        assertThat(w.world.treasury("USDC")).isEqualTo(treasury);
        assertThat(w.world.ledger.posted(List.of(PayoutJournal.releaseId(payout.payoutId(), 1)))).hasSize(1);
        assertThat(w.custodian.transfersOf(payout.payoutId())).isEmpty();
        assertThat(metrics.count("PayoutFailed")).isEqualTo(failedBefore + 1);
        assertThat(sloEvents("SloValidEvents")).as("a failed payout misses the payout SLA").isEqualTo(slaValid + 1);
        assertThat(sloEvents("SloGoodEvents")).isEqualTo(slaGood);
        assertThat(sloEvents("SloValidEvents", "stuck-transactions")).as("a payout that ended counts for the stuck share")
                .isEqualTo(endedValid + 1);
        assertThat(sloEvents("SloGoodEvents", "stuck-transactions")).as("ended after retries over more than 15 minutes")
                .isEqualTo(endedGood + (Duration.between(payout.times().createdAt(), w.world.clock.instant())
                        .compareTo(Duration.ofMinutes(15)) <= 0 ? 1 : 0));
    }

    // the payout SLA's event counts (README: SLOs and the weekly report)
    private static long sloEvents(String name) {
        return sloEvents(name, "payout-sla");
    }

    private static long sloEvents(String name, String slo) {
        return metrics.points().stream().filter(p -> p.name().equals(name) && slo.equals(p.dimensions().get("Slo"))).count();
    }

    @Test
    void advance_whenLastTryCannotLearnWhetherAnEarlierOneArrived_expectHoldKept() {
        long treasury = w.world.treasury("USDC");
        Payout payout = w.requested("2");
        w.custodian.inject(payout.payoutId(), TestCustodian.Fault.UNAVAILABLE);
        w.worker.advance(payout.payoutId());
        for (int attempt = 2; attempt <= WorkerWorld.POLICY.maxAttempts(); attempt++) {
            w.world.clock.advance(WorkerWorld.POLICY.longestRetry());
            w.custodian.failLookups(payout.payoutId(), 2);
            w.worker.advance(payout.payoutId());
        }
        Payout waiting = w.world.payout(payout.payoutId());
        assertThat(waiting.state()).contains(PayoutStatus.RETRY_SCHEDULED);
        assertThat(waiting.progress().reason()).hasValueSatisfying(r -> assertThat(r).contains("the hold is kept"));
        assertThat(w.world.treasury("USDC")).isEqualTo(treasury - 2_000_000);
    }

    @Test
    void advance_whenRailRefuses_expectFailedAtOnceWithHoldReleased() {
        long treasury = w.world.treasury("USDC");
        Payout payout = w.requested("4");
        w.custodian.inject(payout.payoutId(), TestCustodian.Fault.REFUSE);
        w.worker.advance(payout.payoutId());
        Payout failed = w.world.payout(payout.payoutId());
        assertThat(failed.state()).contains(PayoutStatus.FAILED);
        assertThat(failed.progress().attempts()).isEqualTo(1);
        assertThat(w.world.treasury("USDC")).isEqualTo(treasury);
    }

    @Test
    void advance_whenRailEndsTheTransferInFailure_expectFailedWithHoldReleased() {
        for (RailStatus end : List.of(RailStatus.FAILED, RailStatus.REJECTED, RailStatus.CANCELLED, RailStatus.BLOCKED)) {
            long treasury = w.world.treasury("USDC");
            Payout payout = w.requested("6");
            w.worker.advance(payout.payoutId());
            w.custodian.settle(payout.payoutId(), end);
            w.worker.advance(payout.payoutId());
            Payout failed = w.world.payout(payout.payoutId());
            assertThat(failed.state()).as(end.name()).contains(PayoutStatus.FAILED);
            assertThat(failed.progress().railStatus()).contains(end.name());
            assertThat(w.world.treasury("USDC")).isEqualTo(treasury);
        }
    }

    @Test
    void advance_whenDestinationEditedInTheTable_expectQuarantinedNothingSubmittedHoldKept() {
        Payout payout = w.requested("9");
        long pending = w.world.pending("USDC");
        long broken = metrics.count(PayoutSeal.TAMPERED_METRIC);
        w.world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.PAYOUTS.localName())
                .key(Map.of("payoutId", AttributeValue.fromS(payout.payoutId())))
                .updateExpression("SET address = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS(PayoutsStack.OTHER_EVM_ADDRESS))));
        w.worker.advance(payout.payoutId());
        Payout quarantined = w.world.payout(payout.payoutId());
        assertThat(quarantined.state()).contains(PayoutStatus.QUARANTINED);
        assertThat(quarantined.progress().reason()).hasValueSatisfying(r -> assertThat(r).contains("seal"));
        assertThat(w.custodian.transfersOf(payout.payoutId())).isEmpty();
        assertThat(w.world.pending("USDC")).isEqualTo(pending);
        assertThat(metrics.count(PayoutSeal.TAMPERED_METRIC)).isEqualTo(broken + 1);
        w.worker.advance(payout.payoutId());
        assertThat(w.custodian.transfersOf(payout.payoutId())).isEmpty();
    }

    @Test
    void advance_whenUsersWalletEditedInTheTable_expectQuarantined() {
        Payout payout = w.requested("9");
        w.world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.USERS.localName())
                .key(Map.of("userId", AttributeValue.fromS(payout.request().userId())))
                .updateExpression("SET address = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS(PayoutsStack.OTHER_EVM_ADDRESS))));
        w.worker.advance(payout.payoutId());
        assertThat(w.world.payout(payout.payoutId()).state()).contains(PayoutStatus.QUARANTINED);
        assertThat(w.custodian.transfersOf(payout.payoutId())).isEmpty();
    }

    @Test
    void advance_whenPrimaryWalletChangedAfterTheRequest_expectFailedNothingSentHoldReleased() {
        long treasury = w.world.treasury("USDC");
        Payout payout = w.requested("8");
        w.world.user(payout.request().userId(), new Wallet(PayoutsStack.CHAIN, PayoutsStack.OTHER_EVM_ADDRESS),
                new UserProfile.Standing(true, "APPROVED", Optional.empty(), 1), Optional.empty());
        w.worker.advance(payout.payoutId());
        Payout failed = w.world.payout(payout.payoutId());
        assertThat(failed.state()).contains(PayoutStatus.FAILED);
        assertThat(failed.progress().reason()).hasValueSatisfying(r -> assertThat(r).contains("no longer the user's primary wallet"));
        assertThat(w.custodian.transfersOf(payout.payoutId())).isEmpty();
        assertThat(w.world.treasury("USDC")).isEqualTo(treasury);
    }

    @Test
    void advance_whenWalletCoolsOff_expectHeldUntilItEndsThenPaid() {
        Payout payout = w.requested("2.5");
        var until = w.world.clock.instant().plus(Duration.ofHours(24)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        UserProfile user = w.world.users.find(payout.request().userId()).orElseThrow();
        w.world.user(user.userId(), user.primaryWallet(), user.standing(), Optional.of(until));
        w.worker.advance(payout.payoutId());
        Payout held = w.world.payout(payout.payoutId());
        assertThat(held.state()).contains(PayoutStatus.HELD);
        assertThat(held.progress().nextAttemptAt()).contains(until);
        assertThat(held.progress().reason()).hasValueSatisfying(r -> assertThat(r).contains("cooling off until"));
        w.worker.advance(payout.payoutId());
        assertThat(w.custodian.transfersOf(payout.payoutId())).isEmpty();

        w.world.clock.advance(Duration.ofHours(25));
        w.worker.advance(payout.payoutId());
        assertThat(w.world.payout(payout.payoutId()).state()).contains(PayoutStatus.SUBMITTED);
        assertThat(w.custodian.transfersOf(payout.payoutId())).hasSize(1);
    }

    @Test
    void advance_whenAKillSwitchIsOff_expectPausedUntilItIsOn() {
        Payout refund = w.requested("1.5");
        w.world.setFlag(Flag.REFUND, new FlagScope.User(refund.request().userId()), false);
        w.worker.advance(refund.payoutId());
        Payout paused = w.world.payout(refund.payoutId());
        assertThat(paused.state()).contains(PayoutStatus.REQUESTED);
        assertThat(paused.progress().reason()).hasValueSatisfying(r -> assertThat(r).contains("refund is disabled"));
        assertThat(w.custodian.transfersOf(refund.payoutId())).isEmpty();

        w.world.setFlag(Flag.REFUND, new FlagScope.User(refund.request().userId()), true);
        w.worker.advance(refund.payoutId());
        assertThat(w.world.payout(refund.payoutId()).state()).contains(PayoutStatus.SUBMITTED);
    }

    @Test
    void advance_whenHoldWasReleasedBehindTheWorkersBack_expectQuarantined() {
        Payout payout = w.requested("1");
        w.world.ledger.post(PayoutJournal.release(payout, w.world.clock.instant()));
        w.worker.advance(payout.payoutId());
        assertThat(w.world.payout(payout.payoutId()).state()).contains(PayoutStatus.QUARANTINED);
        assertThat(w.custodian.transfersOf(payout.payoutId())).isEmpty();
    }

    @Test
    void advance_whenRailSettlesAtOnce_expectConfirmedInOneTry() {
        w.custodian.createsAs(RailStatus.COMPLETED);
        Payout payout = w.requested("10");
        w.worker.advance(payout.payoutId());
        assertThat(w.world.payout(payout.payoutId()).state()).contains(PayoutStatus.CONFIRMED);
    }

    @Test
    void advance_whenRailCompletesAPayoutAlreadyFailed_expectPaidAfterCancelCounted() {
        Payout payout = w.requested("1");
        w.worker.advance(payout.payoutId());
        Payout submitted = w.world.payout(payout.payoutId());
        Payout failed = submitted.moved(new Payout.Progress(PayoutStatus.FAILED.name(), 1, 1, submitted.progress().railReference(),
                submitted.progress().railStatus(), Optional.empty(), Optional.of("test"), Optional.empty(), Optional.empty()),
                w.world.clock.instant());
        w.world.payouts.update(submitted, failed);
        w.custodian.settle(payout.payoutId(), RailStatus.COMPLETED);
        long before = metrics.count("PayoutPaidAfterCancel");
        w.worker.advance(payout.payoutId());
        assertThat(metrics.count("PayoutPaidAfterCancel")).isEqualTo(before + 1);
    }

    @Test
    void advance_whenALaterSubmissionFindsAnEarlierOneAliveAtTheRail_expectQuarantinedNotSubmitted() {
        Payout payout = w.requested("3");
        w.custodian.inject(payout.payoutId(), TestCustodian.Fault.TIMEOUT_AFTER_ACCEPT);
        w.worker.advance(payout.payoutId());
        Payout scheduled = w.world.payout(payout.payoutId());
        // as an ops retry after a FAILED would leave it: submission 2, sealed again, held again
        Payout second = w.world.payoutSeal.sealed(new Payout(payout.payoutId(), scheduled.request(), scheduled.destination(),
                new Payout.Progress(PayoutStatus.REQUESTED.name(), 2, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()), scheduled.times(), scheduled.version() + 1,
                Optional.empty(), null));
        w.world.ledger.post(PayoutJournal.release(scheduled, w.world.clock.instant()));
        w.world.payouts.update(scheduled, second);
        w.world.ledger.post(PayoutJournal.hold(second, w.world.clock.instant()));

        w.worker.advance(payout.payoutId());

        Payout end = w.world.payout(payout.payoutId());
        assertThat(end.state()).contains(PayoutStatus.QUARANTINED);
        assertThat(end.progress().reason()).hasValueSatisfying(r -> assertThat(r).contains("submission 1"));
        assertThat(w.custodian.transfersOf(payout.payoutId())).hasSize(1);
    }

    @Test
    void advance_whenALaterSubmissionFindsTheEarlierOneFailed_expectSubmittedUnderTheNewExternalId() {
        Payout payout = w.requested("3");
        w.worker.advance(payout.payoutId());
        w.custodian.settle(payout.payoutId(), RailStatus.REJECTED);
        w.worker.advance(payout.payoutId());
        Payout failed = w.world.payout(payout.payoutId());
        assertThat(failed.state()).contains(PayoutStatus.FAILED);
        Payout second = w.world.payoutSeal.sealed(new Payout(payout.payoutId(), failed.request(), failed.destination(),
                new Payout.Progress(PayoutStatus.REQUESTED.name(), 2, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()), failed.times(), failed.version() + 1,
                Optional.empty(), null));
        w.world.payouts.update(failed, second);
        w.world.ledger.post(PayoutJournal.hold(second, w.world.clock.instant()));

        w.worker.advance(payout.payoutId());

        assertThat(w.world.payout(payout.payoutId()).state()).contains(PayoutStatus.SUBMITTED);
        assertThat(w.custodian.transfersOf(payout.payoutId())).extracting(t -> t.externalId())
                .containsExactly(payout.payoutId(), payout.payoutId() + "~r2");
    }

    @Test
    void advance_whenRailCompletesAPayoutConfirmedByOverride_expectCountedAsPaidTwice() {
        Payout payout = w.requested("1");
        w.worker.advance(payout.payoutId());
        Payout submitted = w.world.payout(payout.payoutId());
        Payout overridden = submitted.moved(new Payout.Progress(PayoutStatus.CONFIRMED.name(), 1, 1, submitted.progress().railReference(),
                submitted.progress().railStatus(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                w.world.clock.instant()).withOverride("{\"action\":\"MARK_CONFIRMED\"}");
        w.world.payouts.update(submitted, overridden);
        long before = metrics.count("PayoutPaidAfterCancel");
        w.worker.advance(payout.payoutId());
        assertThat(metrics.count("PayoutPaidAfterCancel")).isEqualTo(before);

        w.custodian.settle(payout.payoutId(), RailStatus.COMPLETED);
        w.worker.advance(payout.payoutId());
        assertThat(metrics.count("PayoutPaidAfterCancel")).isEqualTo(before + 1);
    }
}
