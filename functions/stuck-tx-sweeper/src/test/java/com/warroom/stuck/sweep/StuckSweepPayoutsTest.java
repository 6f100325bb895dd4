package com.warroom.stuck.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.PayoutsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sweep queues exactly the payouts a lost message left behind, once per state, and never moves one itself. The
 * clock is moved, not waited for.
 */
@ExtendWith(EmbeddedStackExtension.class)
class StuckSweepPayoutsTest {

    private static PayoutsStack world;
    private static StuckSweep sweep;
    private static EmbeddedStack embedded;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        embedded = stack;
        world = new PayoutsStack(stack, Instant.parse("2026-12-02T09:00:00Z"));
        world.fund(PayoutsStack.CHAIN, "USDC", "1000");
        sweep = SweepParts.sweep(stack, world.clock);
    }

    @BeforeEach
    void emptyQueue() {
        world.work.purge();
    }

    private static Payout payout() {
        String userId = PayoutsStack.newId("u");
        world.user(userId);
        return world.requested(PayoutsStack.newId("P"), userId, PayoutKind.WITHDRAWAL, PayoutsStack.asset("1", "USDC"));
    }

    /** The payout moved as the worker leaves it: one version on, changed now. */
    private static Payout moveTo(Payout payout, PayoutStatus status, Optional<Instant> nextAttemptAt, Optional<Instant> leaseUntil) {
        Payout.Progress p = payout.progress();
        Payout next = payout.moved(new Payout.Progress(status.name(), p.submission(), 1, p.railReference(), p.railStatus(),
                p.txHash(), p.reason(), nextAttemptAt, leaseUntil), world.clock.instant());
        assertThat(world.payouts.update(payout, next)).isTrue();
        return next;
    }

    private static Payout moveTo(Payout payout, PayoutStatus status) {
        return moveTo(payout, status, Optional.empty(), Optional.empty());
    }

    private static Map<String, Long> queued() {
        return world.work.drainBodies().stream().map(PayoutWork::payoutId).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void run_whenPayoutsSitInEachState_queuesOnlyTheDueOnes() {
        Instant t0 = world.clock.instant();
        Payout requested = payout();
        Payout submitted = moveTo(payout(), PayoutStatus.SUBMITTED);
        Payout submittingLeaseOver = moveTo(payout(), PayoutStatus.SUBMITTING, Optional.empty(), Optional.of(t0.plusSeconds(120)));
        Payout submittingLeased = moveTo(payout(), PayoutStatus.SUBMITTING, Optional.empty(), Optional.of(t0.plus(Duration.ofHours(1))));
        Payout retryDue = moveTo(payout(), PayoutStatus.RETRY_SCHEDULED, Optional.of(t0.plusSeconds(30)), Optional.empty());
        Payout retryLater = moveTo(payout(), PayoutStatus.RETRY_SCHEDULED, Optional.of(t0.plus(Duration.ofHours(2))), Optional.empty());
        Payout heldDue = moveTo(payout(), PayoutStatus.HELD, Optional.of(t0.plusSeconds(60)), Optional.empty());
        Payout heldLater = moveTo(payout(), PayoutStatus.HELD, Optional.of(t0.plus(Duration.ofDays(1))), Optional.empty());
        Payout confirmed = world.moveTo(payout(), PayoutStatus.CONFIRMED, Optional.of("tx-confirmed"));
        Payout failed = world.moveTo(payout(), PayoutStatus.FAILED, Optional.empty());
        Payout quarantined = moveTo(payout(), PayoutStatus.QUARANTINED);

        world.clock.advance(Duration.ofMinutes(4));
        Payout young = payout();
        sweep.run();
        assertThat(queued()).as("4 minutes in: only what is due by its own time")
                .containsKeys(submittingLeaseOver.payoutId(), retryDue.payoutId(), heldDue.payoutId())
                .doesNotContainKeys(requested.payoutId(), submitted.payoutId(), young.payoutId(), submittingLeased.payoutId(),
                        retryLater.payoutId(), heldLater.payoutId(), confirmed.payoutId(), failed.payoutId(), quarantined.payoutId());

        world.clock.advance(Duration.ofMinutes(2));
        sweep.run();
        assertThat(queued()).as("REQUESTED for over 5 minutes: not picked up")
                .containsKey(requested.payoutId())
                .doesNotContainKeys(submitted.payoutId(), young.payoutId(), submittingLeased.payoutId(), retryLater.payoutId(),
                        heldLater.payoutId(), confirmed.payoutId(), failed.payoutId(), quarantined.payoutId());

        world.clock.advance(Duration.ofMinutes(10));
        sweep.run();
        assertThat(queued()).as("SUBMITTED for over 15 minutes: the worker asks the rail")
                .containsKeys(submitted.payoutId(), young.payoutId())
                .doesNotContainKeys(submittingLeased.payoutId(), retryLater.payoutId(), heldLater.payoutId(), confirmed.payoutId(),
                        failed.payoutId(), quarantined.payoutId());
    }

    @Test
    void run_whenRunAgainBeforeTheWorkerActed_queuesNothingTwice() {
        Payout lost = payout();
        world.clock.advance(Duration.ofMinutes(6));

        SweepReport first = sweep.run();
        world.clock.advance(Duration.ofMinutes(1));
        SweepReport second = sweep.run();
        SweepReport third = sweep.run();

        assertThat(first.redriven(SweepReport.Kind.PAYOUT)).contains(lost.payoutId());
        assertThat(second.redriven(SweepReport.Kind.PAYOUT)).doesNotContain(lost.payoutId());
        assertThat(third.redriven(SweepReport.Kind.PAYOUT)).doesNotContain(lost.payoutId());
        assertThat(queued()).containsEntry(lost.payoutId(), 1L);
    }

    @Test
    void run_whenThePayoutMovedOn_queuesItForItsNewState_andAgainEachIntervalWhileNothingChanges() {
        Payout lost = payout();
        world.clock.advance(Duration.ofMinutes(6));
        sweep.run();
        assertThat(queued()).containsEntry(lost.payoutId(), 1L);

        // the worker submitted it; the rail holds it and its callback never comes
        Payout submitted = moveTo(world.payout(lost.payoutId()), PayoutStatus.SUBMITTED);
        world.clock.advance(Duration.ofMinutes(16));
        sweep.run();
        assertThat(queued()).as("another state, another version: queued again").containsEntry(submitted.payoutId(), 1L);

        // the worker asked, the rail still holds it: nothing changed, so it is asked again next interval, once
        world.clock.advance(Duration.ofMinutes(2));
        sweep.run();
        assertThat(queued()).doesNotContainKey(submitted.payoutId());
        world.clock.advance(StuckSweep.INTERVAL);
        sweep.run();
        sweep.run();
        assertThat(queued()).containsEntry(submitted.payoutId(), 1L);
    }

    @Test
    void run_neverFailsExpiresOrMovesAPayout_evenDaysLater() {
        Instant t0 = world.clock.instant();
        List<Payout> open = List.of(payout(), moveTo(payout(), PayoutStatus.SUBMITTED),
                moveTo(payout(), PayoutStatus.SUBMITTING, Optional.empty(), Optional.of(t0)),
                moveTo(payout(), PayoutStatus.RETRY_SCHEDULED, Optional.of(t0), Optional.empty()),
                moveTo(payout(), PayoutStatus.HELD, Optional.of(t0), Optional.empty()),
                moveTo(payout(), PayoutStatus.QUARANTINED));
        long pendingBefore = world.pending("USDC");

        for (int run = 0; run < 6; run++) {
            world.clock.advance(Duration.ofHours(12));
            sweep.run();
        }

        for (Payout before : open) {
            Payout after = world.payout(before.payoutId());
            assertThat(after.progress().status()).isEqualTo(before.progress().status());
            assertThat(after.version()).isEqualTo(before.version());
        }
        assertThat(world.pending("USDC")).as("every hold kept").isEqualTo(pendingBefore);
        world.work.purge();
    }

    @Test
    void run_whenTheQueueRefuses_listsItAsRefused_andTheNextSweepQueuesIt() {
        Payout lost = payout();
        world.clock.advance(Duration.ofMinutes(6));
        var settings = embedded.settings(com.warroom.topology.Topology.warroom());
        StuckSweep refusing = SweepParts.sweep(embedded, world.clock, "warroom-payouts", "warroom-orders", "warroom-reconcile-findings",
                "warroom-idempotency", embedded.sqsEndpoint() + "/000000000000/no-such-queue",
                settings.get(com.warroom.topology.Topology.PAYMENT_CHECKS.urlEnvVar()));

        SweepReport report = refusing.run();

        assertThat(report.refused()).contains(lost.payoutId());
        assertThat(report.redriven(SweepReport.Kind.PAYOUT)).doesNotContain(lost.payoutId());
        assertThat(sweep.run().redriven(SweepReport.Kind.PAYOUT)).as("its mark was released").contains(lost.payoutId());
        assertThat(queued()).containsEntry(lost.payoutId(), 1L);
    }
}
