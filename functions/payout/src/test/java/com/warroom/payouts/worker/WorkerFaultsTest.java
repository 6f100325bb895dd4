package com.warroom.payouts.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.rail.RailStatus;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults at every step of the worker, duplicate deliveries and racing workers: every payout ends paid once or failed
 * with its hold back — never paid twice, never lost.
 */
@ExtendWith(EmbeddedStackExtension.class)
class WorkerFaultsTest {

    private static WorkerWorld w;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        w = new WorkerWorld(stack);
    }

    @BeforeEach
    void reset() {
        w.custodian.createsAs(RailStatus.SUBMITTED);
        w.crashAt.set(null);
    }

    /**
     * Delivers the payout's message until it is final, as SQS and the poller would: a crash or a held claim comes back
     * once the lease is over, a scheduled retry once it is due, and the custodian completes what it took.
     */
    private static Payout deliverUntilFinal(String payoutId) {
        for (int delivery = 0; delivery < 30; delivery++) {
            w.advance(payoutId);
            Payout now = w.world.payout(payoutId);
            PayoutStatus state = now.state().orElseThrow();
            if (state.isFinal()) {
                return now;
            }
            switch (state) {
                case SUBMITTING -> w.world.clock.advance(WorkerWorld.LEASE.plusSeconds(1));
                case RETRY_SCHEDULED -> w.world.clock.advance(WorkerWorld.POLICY.longestRetry());
                case SUBMITTED -> w.custodian.settle(now.externalId(), RailStatus.COMPLETED);
                default -> { }
            }
        }
        throw new AssertionError("payout " + payoutId + " did not end: " + w.world.payout(payoutId).progress());
    }

    private static void assertPaidOnce(Payout payout, long paidBefore) {
        Payout end = w.world.payout(payout.payoutId());
        assertThat(end.state()).contains(PayoutStatus.CONFIRMED);
        assertThat(w.custodian.transfersOf(payout.payoutId())).as("transfers taken by the custodian").hasSize(1);
        assertThat(w.custodian.completedOf(payout.payoutId())).isEqualTo(1);
        assertThat(w.world.paid("USDC") - paidBefore).isEqualTo(payout.request().amount().minor());
        assertThat(w.world.ledger.posted(List.of(PayoutJournal.releaseId(payout.payoutId(), 1)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(WorkerStep.class)
    void advance_whenWorkerDiesAtAStep_expectPaidExactlyOnce(WorkerStep step) {
        long paid = w.world.paid("USDC");
        Payout payout = w.requested("11");
        w.crashAt.set(step);
        deliverUntilFinal(payout.payoutId());
        assertThat(w.crashAt.get()).as("the crash happened").isNull();
        assertPaidOnce(payout, paid);
    }

    @ParameterizedTest
    @EnumSource(WorkerStep.class)
    void advance_whenWorkerDiesAtAStepAndTheRailSettlesAtOnce_expectPaidExactlyOnce(WorkerStep step) {
        w.custodian.createsAs(RailStatus.COMPLETED);
        long paid = w.world.paid("USDC");
        Payout payout = w.requested("13");
        w.crashAt.set(step);
        deliverUntilFinal(payout.payoutId());
        assertPaidOnce(payout, paid);
    }

    @ParameterizedTest
    @EnumSource(WorkerStep.class)
    void advance_whenTheAnswerIsLostAndTheWorkerDiesAtAStep_expectPaidExactlyOnce(WorkerStep step) {
        long paid = w.world.paid("USDC");
        Payout payout = w.requested("17");
        w.custodian.inject(payout.payoutId(), TestCustodian.Fault.TIMEOUT_AFTER_ACCEPT);
        w.crashAt.set(step);
        deliverUntilFinal(payout.payoutId());
        assertPaidOnce(payout, paid);
    }

    @Test
    void advance_whenTenWorkersGetTheSamePayoutAtOnce_expectOneTransfer() throws Exception {
        w.custodian.createsAs(RailStatus.COMPLETED);
        long paid = w.world.paid("USDC");
        Payout payout = w.requested("19");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                w.advance(payout.payoutId());
                return null;
            }));
        }
        go.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        deliverUntilFinal(payout.payoutId());
        assertPaidOnce(payout, paid);
    }

    @Test
    void advance_whenAnotherWorkerConfirmsWhileThisOneIsConfirming_expectNoQuarantineAndPaidOnce() {
        long paid = w.world.paid("USDC");
        Payout payout = w.requested("29");
        w.worker.advance(payout.payoutId());
        w.custodian.settle(payout.payoutId(), RailStatus.COMPLETED);
        PayoutWorker other = w.worker(WorkerStep.Checkpoints.NONE);
        w.meanwhile.set(Map.entry(WorkerStep.CONFIRMING, () -> other.advance(payout.payoutId())));

        w.worker.advance(payout.payoutId());

        assertThat(w.meanwhile.get()).as("the other worker ran").isNull();
        assertPaidOnce(payout, paid);
        assertThat(w.world.payout(payout.payoutId()).progress().reason()).isEmpty();
    }

    @Test
    void handler_whenTheSameMessageIsDeliveredSeveralTimes_expectOneTransfer() {
        w.custodian.createsAs(RailStatus.COMPLETED);
        long paid = w.world.paid("USDC");
        Payout payout = w.requested("23");
        w.world.work.purge();
        PayoutWork queue = w.world.workQueue();
        for (int i = 0; i < 5; i++) {
            queue.nudge(payout.payoutId());
        }
        PayoutWorkerHandler handler = new PayoutWorkerHandler(w.worker);
        List<SQSBatchResponse> answers = new ArrayList<>();
        w.world.work.drainVisible(batch -> {
            SQSBatchResponse answer = handler.handleRequest(batch, LocalLambdaContext.of(Topology.PAYOUT_WORKER.name(), 1024, 60));
            answers.add(answer);
            return answer;
        }, 20);
        assertThat(answers).allSatisfy(a -> assertThat(a.getBatchItemFailures()).isEmpty());
        assertPaidOnce(payout, paid);
    }

    @Test
    void advance_whenManyPayoutsRaceThroughFaults_expectEachPaidOnceOrReleasedAndTheBooksBalanced() throws Exception {
        long treasury = w.world.treasury("USDC");
        long pending = w.world.pending("USDC");
        long paid = w.world.paid("USDC");
        Random random = new Random(11);
        List<Payout> payouts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Payout payout = w.requested((1 + random.nextInt(50)) + "." + random.nextInt(10));
            switch (i % 4) {
                case 0 -> w.custodian.inject(payout.payoutId(), TestCustodian.Fault.TIMEOUT_AFTER_ACCEPT);
                case 1 -> w.custodian.inject(payout.payoutId(), TestCustodian.Fault.UNAVAILABLE);
                case 2 -> w.custodian.inject(payout.payoutId(), TestCustodian.Fault.REFUSE);
                default -> { }
            }
            payouts.add(payout);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> runs = new ArrayList<>();
        for (Payout payout : payouts) {
            for (int copy = 0; copy < 2; copy++) {
                runs.add(pool.submit(() -> w.advance(payout.payoutId())));
            }
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        long confirmedMinor = 0;
        long requestedMinor = 0;
        for (Payout payout : payouts) {
            Payout end = deliverUntilFinal(payout.payoutId());
            requestedMinor += payout.request().amount().minor();
            assertThat(w.custodian.completedOf(payout.payoutId())).as(payout.payoutId()).isLessThanOrEqualTo(1);
            if (end.state().orElseThrow() == PayoutStatus.CONFIRMED) {
                confirmedMinor += payout.request().amount().minor();
                assertThat(w.custodian.completedOf(payout.payoutId())).isEqualTo(1);
            } else {
                assertThat(end.state()).contains(PayoutStatus.FAILED);
                assertThat(w.custodian.completedOf(payout.payoutId())).isZero();
            }
        }
        assertThat(confirmedMinor).isPositive().isLessThan(requestedMinor);
        assertThat(w.world.paid("USDC") - paid).isEqualTo(confirmedMinor);
        assertThat(w.world.pending("USDC")).isEqualTo(pending);
        assertThat(treasury - w.world.treasury("USDC")).isEqualTo(confirmedMinor);
    }
}
