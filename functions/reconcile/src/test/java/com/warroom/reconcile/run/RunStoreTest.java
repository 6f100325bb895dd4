package com.warroom.reconcile.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.reconcile.ReconcileWorld;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One run per day at a time, guaranteed by the day's lock in the same transaction as the run. */
@ExtendWith(EmbeddedStackExtension.class)
class RunStoreTest {

    private static EmbeddedStack stack;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
    }

    @Test
    void concurrentStartsOfOneDay_startExactlyOneRun_theOthersSeeItInProgress() throws Exception {
        ReconcileWorld world = new ReconcileWorld(stack, List.of());
        int starters = 8;
        CyclicBarrier together = new CyclicBarrier(starters);
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        List<Future<RunStarter.Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < starters; i++) {
                String who = "user:ops-" + i;
                outcomes.add(pool.submit(() -> {
                    together.await();
                    return world.starter.start(who);
                }));
            }
            List<RunStarter.Outcome> results = new ArrayList<>();
            for (Future<RunStarter.Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }
            List<RunStarter.Outcome.Started> started = results.stream().filter(RunStarter.Outcome.Started.class::isInstance)
                    .map(RunStarter.Outcome.Started.class::cast).toList();
            assertThat(started).hasSize(1);
            String winner = started.getFirst().run().runId();
            assertThat(results).filteredOn(RunStarter.Outcome.InProgress.class::isInstance).hasSize(starters - 1)
                    .allSatisfy(r -> assertThat(((RunStarter.Outcome.InProgress) r).running().runId()).isEqualTo(winner));
            assertThat(world.workflow.started).hasSize(1);
            assertThat(world.runs.ofDay(world.day())).extracting(ReconcileRun::runId).containsExactly(winner);
            assertThat(world.runs.holder(world.day())).contains(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDayCanBeRunAgain_onceItsRunEnded_andTheRunsOfADayAreListedNewestFirst() {
        ReconcileWorld world = new ReconcileWorld(stack, List.of());
        var first = (RunStarter.Outcome.Started) world.starter.start("schedule");
        assertThat(world.starter.start("user:ops")).isInstanceOf(RunStarter.Outcome.InProgress.class);
        assertThat(world.runs.complete(first.run().runId(), ReportsBucket.reportKeys(first.run().runId()), world.clock.instant())).isTrue();
        assertThat(world.runs.complete(first.run().runId(), ReportsBucket.reportKeys(first.run().runId()), world.clock.instant()))
                .as("ends once").isFalse();

        world.advance(Duration.ofMinutes(5));
        var second = (RunStarter.Outcome.Started) world.starter.start("user:ops");
        assertThat(world.runs.fail(second.run().runId(), "boom", world.clock.instant())).isTrue();
        world.advance(Duration.ofMinutes(5));
        var third = world.starter.start("user:finance");

        assertThat(third).isInstanceOf(RunStarter.Outcome.Started.class);
        assertThat(world.runs.ofDay(world.day())).extracting(ReconcileRun::runId)
                .containsExactly(((RunStarter.Outcome.Started) third).run().runId(), second.run().runId(), first.run().runId());
        assertThat(world.runs.find(second.run().runId()).orElseThrow().error()).contains("boom");
        assertThat(world.runs.find(first.run().runId()).orElseThrow().trigger()).isEqualTo("schedule");
    }

    @Test
    void aRunWhoseWorkflowDidNotStart_isFailed_andItsDayFree() {
        ReconcileWorld world = new ReconcileWorld(stack, List.of());
        world.workflow.refuse = true;

        var outcome = world.starter.start("user:ops");

        assertThat(outcome).isInstanceOf(RunStarter.Outcome.NotStarted.class);
        ReconcileRun run = ((RunStarter.Outcome.NotStarted) outcome).run();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).contains("could not be started"));
        assertThat(world.runs.holder(world.day())).isEmpty();
        world.workflow.refuse = false;
        assertThat(world.starter.start("user:ops")).isInstanceOf(RunStarter.Outcome.Started.class);
    }

    @Test
    void aRunAbandonedByItsWorkflow_isFailedByTheNextStart_afterTheLimit() {
        ReconcileWorld world = new ReconcileWorld(stack, List.of());
        var abandoned = (RunStarter.Outcome.Started) world.starter.start("schedule");
        world.advance(Duration.ofHours(5));
        assertThat(world.starter.start("user:ops")).isInstanceOf(RunStarter.Outcome.InProgress.class);

        world.advance(Duration.ofHours(1).plusMinutes(1));
        var next = world.starter.start("user:ops");

        assertThat(next).isInstanceOf(RunStarter.Outcome.Started.class);
        ReconcileRun old = world.runs.find(abandoned.run().runId()).orElseThrow();
        assertThat(old.status()).isEqualTo(RunStatus.FAILED);
        assertThat(old.error()).hasValueSatisfying(e -> assertThat(e).contains("abandoned"));
        assertThat(world.runs.holder(world.day())).contains(((RunStarter.Outcome.Started) next).run().runId());
    }

    @Test
    void theDayLock_isInNoIndex_andIsNoRun() {
        ReconcileWorld world = new ReconcileWorld(stack, List.of());
        world.starter.start("schedule");

        assertThat(world.runs.find(RunStore.LOCK_PREFIX + world.day())).isEmpty();
        var lock = stack.dynamoDb().getItem(b -> b.tableName(Topology.RECONCILE_RUNS.localName())
                .key(java.util.Map.of("runId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(RunStore.LOCK_PREFIX + world.day()))))
                .item();
        assertThat(lock).containsKey("holder").doesNotContainKey("day");
    }
}
