package com.warroom.stuck.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutPolicy;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.PayoutsStack;
import com.warroom.payouts.rail.RailStatus;
import com.warroom.payouts.worker.PayoutWorker;
import com.warroom.payouts.worker.PayoutWorkerHandler;
import com.warroom.payouts.worker.WorkerStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A lost payout is re-driven exactly once: sweeps that overlap (each its own Lambda, on real threads) put it on the
 * payouts queue once, and the worker that takes every message pays it once.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ExactlyOnceRedriveTest {

    private static final int SWEEPS = 8;
    private static final PayoutPolicy POLICY = new PayoutPolicy(3, Duration.ofHours(24), Duration.ofSeconds(2), Duration.ofSeconds(8));

    private static PayoutsStack world;
    private static EmbeddedStack embedded;
    private static InMemoryCustodian custodian;
    private static PayoutWorker worker;
    private static ExecutorService threads;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        embedded = stack;
        world = new PayoutsStack(stack, Instant.parse("2026-12-03T09:00:00Z"));
        world.fund(PayoutsStack.CHAIN, "USDC", "1000");
        custodian = new InMemoryCustodian();
        worker = new PayoutWorker(new PayoutWorker.Parts(world.payouts, world.users, world.payoutSeal, world.walletSeal, world.ledger,
                world.freshGate(), PayoutWorkerHandler.treasuryOf(world.config, world.clock), custodian, world.workQueue()),
                POLICY, Duration.ofSeconds(120), world.clock, WorkerStep.Checkpoints.NONE);
        threads = Executors.newFixedThreadPool(SWEEPS);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    @BeforeEach
    void emptyQueue() {
        world.work.purge();
    }

    private static Payout lostPayout() {
        String userId = PayoutsStack.newId("u");
        world.user(userId);
        // accepted with its hold, and its message never sent: lost
        return world.requested(PayoutsStack.newId("P"), userId, PayoutKind.WITHDRAWAL, PayoutsStack.asset("10", "USDC"));
    }

    /** {@link #SWEEPS} sweeps, each its own instance over the same tables and queues, started together. */
    private static List<SweepReport> overlappingSweeps() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SweepReport>> runs = new ArrayList<>();
        for (int i = 0; i < SWEEPS; i++) {
            StuckSweep sweep = SweepParts.sweep(embedded, world.clock);
            runs.add(threads.submit(() -> {
                go.await();
                return sweep.run();
            }));
        }
        go.countDown();
        List<SweepReport> reports = new ArrayList<>();
        for (Future<SweepReport> run : runs) {
            reports.add(run.get(60, TimeUnit.SECONDS));
        }
        return reports;
    }

    /** The worker takes every message on the queue naming {@code payoutId}; answers how many there were. */
    private static int workerTakesMessagesOf(String payoutId) {
        List<String> mine = world.work.drainBodies().stream().map(PayoutWork::payoutId).flatMap(Optional::stream)
                .filter(payoutId::equals).toList();
        mine.forEach(worker::advance);
        return mine.size();
    }

    private static long reportsNaming(List<SweepReport> reports, String payoutId) {
        return reports.stream().filter(r -> r.redriven(SweepReport.Kind.PAYOUT).contains(payoutId)).count();
    }

    @Test
    void overlappingSweeps_ofALostRequestedPayout_queueItOnce_andTheRailPaysItOnce() throws Exception {
        custodian.createsAs(RailStatus.COMPLETED);
        Payout lost = lostPayout();
        long paidBefore = world.paid("USDC");
        world.clock.advance(Duration.ofMinutes(6));

        List<SweepReport> reports = overlappingSweeps();

        assertThat(reportsNaming(reports, lost.payoutId())).isEqualTo(1);
        assertThat(workerTakesMessagesOf(lost.payoutId())).as("messages on the queue").isEqualTo(1);
        assertThat(world.payout(lost.payoutId()).state()).contains(PayoutStatus.CONFIRMED);
        assertThat(custodian.transfersOf(lost.payoutId())).hasSize(1);
        assertThat(world.paid("USDC") - paidBefore).isEqualTo(lost.request().amount().minor());

        world.clock.advance(Duration.ofMinutes(20));
        assertThat(reportsNaming(overlappingSweeps(), lost.payoutId())).as("a final payout is never re-driven").isZero();
        assertThat(workerTakesMessagesOf(lost.payoutId())).isZero();
        assertThat(custodian.transfersOf(lost.payoutId())).hasSize(1);
    }

    @Test
    void overlappingSweeps_ofASubmittedPayoutWhoseCallbackWasLost_haveTheWorkerAskTheRailOnce_andConfirmIt() throws Exception {
        custodian.createsAs(RailStatus.SUBMITTED);
        Payout payout = lostPayout();
        worker.advance(payout.payoutId());
        assertThat(world.payout(payout.payoutId()).state()).contains(PayoutStatus.SUBMITTED);
        custodian.settle(payout.externalId(), RailStatus.COMPLETED);
        long paidBefore = world.paid("USDC");
        int lookupsBefore = custodian.lookupsOf(payout.payoutId());

        world.clock.advance(Duration.ofMinutes(10));
        assertThat(reportsNaming(overlappingSweeps(), payout.payoutId())).as("SUBMITTED for 10 minutes only").isZero();
        world.clock.advance(Duration.ofMinutes(6));
        List<SweepReport> reports = overlappingSweeps();

        assertThat(reportsNaming(reports, payout.payoutId())).isEqualTo(1);
        assertThat(workerTakesMessagesOf(payout.payoutId())).isEqualTo(1);
        assertThat(custodian.lookupsOf(payout.payoutId()) - lookupsBefore).as("the worker asked the rail").isEqualTo(1);
        assertThat(world.payout(payout.payoutId()).state()).contains(PayoutStatus.CONFIRMED);
        assertThat(custodian.transfersOf(payout.payoutId())).hasSize(1);
        assertThat(world.paid("USDC") - paidBefore).isEqualTo(payout.request().amount().minor());
    }
}
