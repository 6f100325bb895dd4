package com.warroom.platform.ingest;

import static com.warroom.platform.PlatformStack.contribution;
import static com.warroom.platform.PlatformStack.eventBridge;
import static com.warroom.platform.PlatformStack.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.platform.PlatformStack;
import com.warroom.platform.ingest.PlatformEventIngest.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deliveries racing on real threads: the same event at once is posted once; different events of one round all count. */
@ExtendWith(EmbeddedStackExtension.class)
class ConcurrentDeliveryTest {

    private static final int THREADS = 6;

    private static PlatformStack world;
    private static ExecutorService pool;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PlatformStack(stack);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static List<Outcome> together(List<String> bodies) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (String body : bodies) {
            futures.add(pool.submit(() -> {
                go.await();
                return world.take(body);
            }));
        }
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @Test
    void sameEventDeliveredToSixConsumersAtOnce_isPostedOnce_andTheOthersAreNoOps() throws Exception {
        world.drainDeadLetters();
        String round = newId("r");
        String id = newId("e");
        String body = eventBridge(id, "ContributionConfirmed", contribution(round, newId("u"), "7", "USDC"));

        List<Outcome> outcomes = together(java.util.Collections.nCopies(THREADS, body));

        assertThat(outcomes).containsOnlyOnce(Outcome.POSTED).containsOnly(Outcome.POSTED, Outcome.DUPLICATE);
        assertThat(world.balance("round_raised:" + round, "USDC")).isEqualTo(7_000_000L);
        assertThat(world.rounds.total(round, "USDC")).hasValueSatisfying(t -> {
            assertThat(t.raisedMinor()).isEqualTo(7_000_000L);
            assertThat(t.contributions()).isEqualTo(1);
            assertThat(t.contributors()).isEqualTo(1);
        });
        assertThat(world.drainDeadLetters()).isEmpty();
    }

    @Test
    void differentContributionsToOneRoundAtOnce_allCount_andEachUserOnce() throws Exception {
        String round = newId("r");
        String alice = newId("u");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            // half of them by one user, so two "first contributions" race on her contributor item
            String user = i % 2 == 0 ? alice : newId("u");
            bodies.add(eventBridge(newId("e"), "ContributionConfirmed", contribution(round, user, "1.5", "USDC")));
        }

        List<Outcome> outcomes = together(bodies);

        assertThat(outcomes).containsOnly(Outcome.POSTED);
        assertThat(world.balance("round_raised:" + round, "USDC")).isEqualTo(THREADS * 1_500_000L);
        assertThat(world.rounds.total(round, "USDC")).hasValueSatisfying(t -> {
            assertThat(t.raisedMinor()).isEqualTo(THREADS * 1_500_000L);
            assertThat(t.contributions()).isEqualTo(THREADS);
            assertThat(t.contributors()).isEqualTo(1 + THREADS / 2);
        });
    }
}
