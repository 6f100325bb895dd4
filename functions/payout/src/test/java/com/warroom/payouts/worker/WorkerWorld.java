package com.warroom.payouts.worker;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.money.Money;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutPolicy;
import com.warroom.payouts.PayoutsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The worker over the payouts world, paying through a {@link TestCustodian}, with a fault to inject at any step. */
final class WorkerWorld {

    static final PayoutPolicy POLICY = new PayoutPolicy(3, Duration.ofHours(24), Duration.ofSeconds(2), Duration.ofSeconds(8));
    static final Duration LEASE = Duration.ofSeconds(120);

    final PayoutsStack world;
    final TestCustodian custodian = new TestCustodian();
    final AtomicReference<WorkerStep> crashAt = new AtomicReference<>();
    /** What happens at a step instead of a crash: another worker's whole run, say. */
    final AtomicReference<Map.Entry<WorkerStep, Runnable>> meanwhile = new AtomicReference<>();
    final PayoutWorker worker;

    /** Thrown where the worker dies. */
    static final class Crash extends RuntimeException {
        Crash(WorkerStep step) {
            super("the worker died at " + step, null, false, false);
        }
    }

    WorkerWorld(EmbeddedStack stack) {
        this.world = new PayoutsStack(stack, Instant.parse("2026-12-01T08:00:00Z"));
        WorkerStep.Checkpoints checkpoints = step -> {
            if (crashAt.compareAndSet(step, null)) {
                throw new Crash(step);
            }
            Map.Entry<WorkerStep, Runnable> interleaved = meanwhile.get();
            if (interleaved != null && interleaved.getKey() == step && meanwhile.compareAndSet(interleaved, null)) {
                interleaved.getValue().run();
            }
        };
        this.worker = worker(checkpoints);
        world.fund(PayoutsStack.CHAIN, "USDC", "1000000");
    }

    /** Another worker over the same tables, custodian and queue. */
    PayoutWorker worker(WorkerStep.Checkpoints checkpoints) {
        return new PayoutWorker(new PayoutWorker.Parts(world.payouts, world.users, world.payoutSeal, world.walletSeal,
                world.ledger, world.freshGate(), PayoutWorkerHandler.treasuryOf(world.config, world.clock), custodian, world.workQueue()),
                POLICY, LEASE, world.clock, checkpoints);
    }

    /** A REQUESTED payout of {@code amount} USDC to a new user's primary wallet. */
    Payout requested(String amount) {
        String userId = PayoutsStack.newId("u");
        world.user(userId);
        return world.requested(PayoutsStack.newId("P"), userId, PayoutKind.REFUND, PayoutsStack.asset(amount, "USDC"));
    }

    Money usdc(String amount) {
        return PayoutsStack.asset(amount, "USDC");
    }

    /** Advances the payout as redeliveries would, until the worker leaves it alone; a crash is a message that comes back. */
    void advance(String payoutId) {
        try {
            worker.advance(payoutId);
        } catch (Crash | RetryLater e) {
            // the message comes back after its visibility timeout
        }
    }
}
