package com.warroom.payouts.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.RecordedMetrics;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The poller queues exactly the payouts that are due, whatever happened to their messages. */
@ExtendWith(EmbeddedStackExtension.class)
class PayoutPollTest {

    private static final Duration LEASE = Duration.ofSeconds(120);
    private static PayoutsStack world;
    private static PayoutPoll poll;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PayoutsStack(stack, Instant.parse("2026-12-01T09:00:00Z"));
        world.fund(PayoutsStack.CHAIN, "USDC", "1000");
        poll = new PayoutPoll(world.payouts, world.workQueue(), LEASE, world.clock);
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
    }

    private static Payout payout() {
        String userId = PayoutsStack.newId("u");
        world.user(userId);
        return world.requested(PayoutsStack.newId("P"), userId, PayoutKind.WITHDRAWAL, PayoutsStack.asset("1", "USDC"));
    }

    private static Payout moveTo(Payout payout, PayoutStatus status, Optional<Instant> nextAttemptAt) {
        Payout.Progress p = payout.progress();
        Payout next = payout.moved(new Payout.Progress(status.name(), p.submission(), 1, p.railReference(), p.railStatus(),
                p.txHash(), p.reason(), nextAttemptAt, Optional.empty()), world.clock.instant());
        assertThat(world.payouts.update(payout, next)).isTrue();
        return next;
    }

    private static List<String> queuedIds() {
        return world.work.drainBodies().stream().map(PayoutWork::payoutId).flatMap(Optional::stream).toList();
    }

    @Test
    void run_whenPayoutsSitInEachState_expectOnlyTheDueOnesQueued() {
        world.work.purge();
        Payout fresh = payout();
        Payout oldRequested = payout();
        Payout submitted = moveTo(payout(), PayoutStatus.SUBMITTED, Optional.empty());
        Payout submitting = moveTo(payout(), PayoutStatus.SUBMITTING, Optional.empty());
        Payout retryDue = moveTo(payout(), PayoutStatus.RETRY_SCHEDULED, Optional.of(world.clock.instant().plusSeconds(30)));
        Payout retryLater = moveTo(payout(), PayoutStatus.RETRY_SCHEDULED, Optional.of(world.clock.instant().plus(Duration.ofHours(2))));
        Payout heldDue = moveTo(payout(), PayoutStatus.HELD, Optional.of(world.clock.instant().plusSeconds(60)));
        Payout heldLater = moveTo(payout(), PayoutStatus.HELD, Optional.of(world.clock.instant().plus(Duration.ofDays(1))));
        Payout confirmed = moveTo(payout(), PayoutStatus.CONFIRMED, Optional.empty());
        Payout quarantined = moveTo(payout(), PayoutStatus.QUARANTINED, Optional.empty());

        world.clock.advance(Duration.ofSeconds(90));
        Payout justChanged = payout();
        poll.run();
        assertThat(queuedIds()).contains(fresh.payoutId(), oldRequested.payoutId(), submitted.payoutId(), retryDue.payoutId(),
                        heldDue.payoutId())
                .doesNotContain(justChanged.payoutId(), submitting.payoutId(), retryLater.payoutId(), heldLater.payoutId(),
                        confirmed.payoutId(), quarantined.payoutId());

        world.clock.advance(LEASE);
        poll.run();
        assertThat(queuedIds()).contains(submitting.payoutId(), justChanged.payoutId())
                .doesNotContain(confirmed.payoutId(), quarantined.payoutId(), retryLater.payoutId(), heldLater.payoutId());
    }

    @Test
    void run_whenPayoutsAreStuck_expectCounted() {
        moveTo(payout(), PayoutStatus.QUARANTINED, Optional.empty());
        Payout requested = payout();
        world.clock.advance(Duration.ofMinutes(10));
        long before = metrics.count(PayoutPoll.STUCK_METRIC);
        poll.run();
        assertThat(metrics.count(PayoutPoll.STUCK_METRIC) - before).isGreaterThanOrEqualTo(2);
        assertThat(requested.state()).contains(PayoutStatus.REQUESTED);
        world.work.purge();
    }

    @Test
    void handler_whenRun_expectCountsByStatus() {
        world.work.purge();
        Payout requested = payout();
        world.clock.advance(Duration.ofMinutes(2));
        Map<String, Object> answer = new PayoutPollHandler(poll).handleRequest(Map.of(),
                com.warroom.local.stack.LocalLambdaContext.of("payout-poll", 512, 60));
        assertThat((Integer) answer.get("queued")).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, List<String>> byStatus = (Map<String, List<String>>) answer.get("byStatus");
        assertThat(byStatus.get("REQUESTED")).contains(requested.payoutId());
        world.work.purge();
    }
}
