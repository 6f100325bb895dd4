package com.warroom.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FlagGateTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Optional<String> NONE = Optional.empty();

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySource source = new InMemorySource();
    private final CountingSignals signals = new CountingSignals();
    private final FlagGate gate = new FlagGate(source, clock, signals);

    /** Flag states held in memory; counts reads, and can be told to fail or to hold each read until released. */
    static final class InMemorySource implements FlagGate.SnapshotSource {
        private final AtomicReference<List<FlagRecord>> records = new AtomicReference<>(List.of());
        private final AtomicInteger reads = new AtomicInteger();
        private volatile boolean failing;
        private volatile CountDownLatch holdUntil;
        private volatile CountDownLatch readStarted = new CountDownLatch(1);

        void set(FlagRecord... content) {
            records.set(List.of(content));
        }

        void fail(boolean fail) {
            failing = fail;
        }

        /** Holds every later read until {@code release}; the answer counts down when the first of them starts. */
        CountDownLatch holdReadsUntil(CountDownLatch release) {
            readStarted = new CountDownLatch(1);
            holdUntil = release;
            return readStarted;
        }

        int reads() {
            return reads.get();
        }

        @Override
        public FlagSnapshot read() {
            reads.incrementAndGet();
            CountDownLatch started = readStarted;
            started.countDown();
            CountDownLatch hold = holdUntil;
            if (hold != null) {
                try {
                    if (!hold.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("test never released the read");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (failing) {
                throw new IllegalStateException("flags table unreachable (test)");
            }
            // a deliberately old readAt: the gate must time its cache by its own clock, not the source's
            return new FlagSnapshot(records.get(), Instant.EPOCH);
        }
    }

    static final class CountingSignals implements FlagGate.Signals {
        final AtomicInteger staleServed = new AtomicInteger();
        final AtomicInteger failedClosed = new AtomicInteger();
        final AtomicInteger failedOpen = new AtomicInteger();
        final AtomicInteger tampered = new AtomicInteger();

        @Override
        public void staleServed() {
            staleServed.incrementAndGet();
        }

        @Override
        public void failedClosed() {
            failedClosed.incrementAndGet();
        }

        @Override
        public void failedOpen() {
            failedOpen.incrementAndGet();
        }

        @Override
        public void tampered() {
            tampered.incrementAndGet();
        }
    }

    static FlagRecord off(Flag flag, String scope) {
        return new FlagRecord(flag.key(), scope, false, "test kill " + flag.key(), "sub-ops", "ops@example.com",
                "2026-11-23T09:59:00Z", 1, 1);
    }

    private FlagDecision check(Flag flag) {
        return gate.check(flag, NONE, NONE);
    }

    private static FlagDecision unavailable(Flag flag) {
        return FlagDecision.block(new FlagDecision.BlockedBy(flag.key(), "global", FlagGate.UNAVAILABLE_REASON, null), true);
    }

    // ---- freshness ----

    @Test
    void check_whenSourceChangesWithin30Seconds_expectOldStateServedWithoutRereading() {
        assertThat(check(Flag.CONTRIBUTE).allowed()).isTrue();
        assertThat(source.reads()).isEqualTo(1);

        source.set(off(Flag.CONTRIBUTE, "global"));
        clock.advance(Duration.ofMillis(29_999));
        for (int i = 0; i < 10; i++) {
            assertThat(check(Flag.CONTRIBUTE)).isEqualTo(FlagDecision.allow(false));
        }
        assertThat(source.reads()).isEqualTo(1);
    }

    @Test
    void check_whenSourceChangedAnd30SecondsPassed_expectNewStateSeen() {
        check(Flag.CONTRIBUTE);
        source.set(off(Flag.CONTRIBUTE, "global"));

        clock.advance(Duration.ofSeconds(30));
        FlagDecision d = check(Flag.CONTRIBUTE);

        assertThat(d.allowed()).isFalse();
        assertThat(d.stale()).isFalse();
        assertThat(d.blockedBy()).isEqualTo(new FlagDecision.BlockedBy("contribute", "global",
                "test kill contribute", "2026-11-23T09:59:00Z"));
        assertThat(source.reads()).isEqualTo(2);
        check(Flag.CONTRIBUTE);
        assertThat(source.reads()).as("the new snapshot is fresh again for 30 s").isEqualTo(2);
        assertThat(signals.staleServed).hasValue(0);
        assertThat(signals.failedClosed).hasValue(0);
    }

    @Test
    void check_whenFirstCalled_expectOneReadServingAllFlagsRoundsAndUsers() {
        source.set(off(Flag.PAYOUT, "round:r1"), off(Flag.FEED_POSTING, "user:u1"));
        assertThat(gate.check(Flag.PAYOUT, Optional.of("r1"), NONE).allowed()).isFalse();
        assertThat(gate.check(Flag.PAYOUT, Optional.of("r2"), NONE).allowed()).isTrue();
        assertThat(gate.check(Flag.FEED_POSTING, NONE, Optional.of("u1")).allowed()).isFalse();
        assertThat(gate.check(Flag.FEED_POSTING, NONE, Optional.of("u2")).allowed()).isTrue();
        assertThat(source.reads()).isEqualTo(1);
    }

    // ---- stale service while the source fails ----

    @Test
    void check_whenSourceFailsAfterAGoodRead_expectLastSnapshotServedStaleUpTo5Minutes() {
        source.set(off(Flag.CONTRIBUTE, "round:r1"));
        check(Flag.CONTRIBUTE);
        source.fail(true);

        clock.advance(Duration.ofSeconds(30));
        FlagDecision blocked = gate.check(Flag.CONTRIBUTE, Optional.of("r1"), NONE);
        assertThat(blocked.allowed()).isFalse();
        assertThat(blocked.stale()).isTrue();
        assertThat(blocked.blockedBy().scope()).isEqualTo("round:r1");
        assertThat(blocked.blockedBy().reason()).isEqualTo("test kill contribute");
        assertThat(gate.check(Flag.CONTRIBUTE, Optional.of("r2"), NONE)).isEqualTo(FlagDecision.allow(true));
        assertThat(source.reads()).isEqualTo(2);
        assertThat(signals.staleServed).hasValue(2);

        clock.set(T0.plus(Duration.ofMinutes(5)));
        FlagDecision atLimit = gate.check(Flag.CONTRIBUTE, Optional.of("r2"), NONE);
        assertThat(atLimit).isEqualTo(FlagDecision.allow(true));
        assertThat(source.reads()).as("retried after the back-off").isEqualTo(3);
        assertThat(signals.staleServed).hasValue(3);
        assertThat(signals.failedClosed).hasValue(0);
    }

    @Test
    void check_whenSourceFailsFor5MinutesAfterLastGoodRead_expectFundFlagsFailClosedAndOthersOpen() {
        source.set(off(Flag.FEED_POSTING, "user:u9"));
        check(Flag.CONTRIBUTE);
        source.fail(true);
        clock.set(T0.plus(Duration.ofMinutes(5)).plusMillis(1));

        List<Flag> fund = new ArrayList<>();
        for (Flag flag : Flag.values()) {
            FlagDecision d = check(flag);
            if (flag.fundRelated()) {
                fund.add(flag);
                assertThat(d).as(flag.key()).isEqualTo(unavailable(flag));
            } else {
                assertThat(d).as(flag.key()).isEqualTo(FlagDecision.allow(true));
            }
        }
        assertThat(fund).hasSize(7);
        assertThat(signals.failedClosed).hasValue(7);
        assertThat(signals.failedOpen).as("every non-fund flag allowed blind is counted").hasValue(Flag.values().length - 7);
        assertThat(signals.staleServed).hasValue(0);
        assertThat(source.reads()).as("one failed read, then the back-off").isEqualTo(2);
    }

    @Test
    void check_whenSourceRecoversBetweenFailures_expectStaleLimitCountedFromLastGoodRead() {
        check(Flag.PAYOUT);
        source.fail(true);
        clock.advance(Duration.ofSeconds(30));
        assertThat(check(Flag.PAYOUT)).isEqualTo(FlagDecision.allow(true));

        source.fail(false);
        clock.set(T0.plus(Duration.ofMinutes(4)));
        assertThat(check(Flag.PAYOUT)).isEqualTo(FlagDecision.allow(false));
        source.fail(true);

        clock.set(T0.plus(Duration.ofMinutes(9)));
        assertThat(check(Flag.PAYOUT)).as("5 min after the good read at 4 min").isEqualTo(FlagDecision.allow(true));
        clock.advance(Duration.ofMillis(1));
        assertThat(check(Flag.PAYOUT)).isEqualTo(unavailable(Flag.PAYOUT));
    }

    // ---- nothing ever read ----

    @Test
    void check_whenNoSnapshotWasEverRead_expectFundFlagsClosedAtOnceAndOthersOpen() {
        source.fail(true);
        for (Flag flag : Flag.values()) {
            FlagDecision d = check(flag);
            assertThat(d).as(flag.key()).isEqualTo(flag.fundRelated() ? unavailable(flag) : FlagDecision.allow(true));
        }
        assertThat(gate.check(Flag.REFUND, Optional.of("r1"), Optional.of("u1"))).isEqualTo(unavailable(Flag.REFUND));
        assertThat(signals.failedClosed).hasValue(8);
        assertThat(signals.staleServed).hasValue(0);
        assertThat(source.reads()).isEqualTo(1);
    }

    @Test
    void check_whenSourceReturnsNothingUsable_expectTreatedAsFailure() {
        FlagGate nullGate = new FlagGate(() -> null, clock, signals);
        assertThat(nullGate.check(Flag.FINALIZE, NONE, NONE)).isEqualTo(unavailable(Flag.FINALIZE));
        assertThat(nullGate.check(Flag.ROUND_APPROVAL, NONE, NONE)).isEqualTo(FlagDecision.allow(true));
    }

    // ---- back-off and recovery ----

    @Test
    void check_whenReadFailed_expectNoRereadFor1SecondThenARetry() {
        source.fail(true);
        check(Flag.PAYOUT);
        assertThat(source.reads()).isEqualTo(1);

        clock.advance(Duration.ofMillis(999));
        check(Flag.PAYOUT);
        check(Flag.FEED_POSTING);
        assertThat(source.reads()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        check(Flag.PAYOUT);
        assertThat(source.reads()).isEqualTo(2);

        clock.advance(Duration.ofMillis(500));
        check(Flag.PAYOUT);
        assertThat(source.reads()).isEqualTo(2);
        clock.advance(Duration.ofMillis(500));
        check(Flag.PAYOUT);
        assertThat(source.reads()).isEqualTo(3);
    }

    @Test
    void check_whenSourceWorksAgainAfterFailingClosed_expectFreshDecisionsAndNormalCaching() {
        source.fail(true);
        assertThat(check(Flag.PAYOUT)).isEqualTo(unavailable(Flag.PAYOUT));

        source.fail(false);
        source.set(off(Flag.REFUND, "global"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(check(Flag.PAYOUT)).isEqualTo(FlagDecision.allow(false));
        assertThat(check(Flag.REFUND).allowed()).isFalse();
        assertThat(check(Flag.REFUND).stale()).isFalse();
        assertThat(source.reads()).isEqualTo(2);

        clock.advance(Duration.ofMillis(29_999));
        check(Flag.PAYOUT);
        assertThat(source.reads()).isEqualTo(2);
        assertThat(signals.failedClosed).hasValue(1);
    }

    @Test
    void check_whenSourceWorksAgainWhileStaleServed_expectStaleEnds() {
        check(Flag.CLAIM_SBT);
        source.fail(true);
        clock.advance(Duration.ofSeconds(31));
        assertThat(check(Flag.CLAIM_SBT).stale()).isTrue();

        source.fail(false);
        source.set(off(Flag.CLAIM_SBT, "global"));
        clock.advance(Duration.ofSeconds(1));
        FlagDecision d = check(Flag.CLAIM_SBT);
        assertThat(d.stale()).isFalse();
        assertThat(d.allowed()).isFalse();
        assertThat(signals.staleServed).hasValue(1);
    }

    // ---- concurrency ----

    private record Crowd(ExecutorService pool, List<Thread> threads) {
    }

    private static Crowd crowd(int size) {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "gate-caller-" + threads.size());
            t.setDaemon(true);
            threads.add(t);
            return t;
        });
        return new Crowd(pool, threads);
    }

    /** Waits until all but the reading thread wait for the gate's lock. */
    private static void awaitBlocked(List<Thread> threads, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (threads.stream().filter(t -> t.getState() == Thread.State.BLOCKED).count() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("threads never piled up on the gate: " + threads.stream().map(Thread::getState).toList());
            }
            Thread.sleep(1);
        }
    }

    private List<FlagDecision> checkFromManyThreads(int n, Flag flag, CountDownLatch readStarted, CountDownLatch release)
            throws Exception {
        Crowd crowd = crowd(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<FlagDecision>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(crowd.pool().submit(() -> {
                    start.await();
                    return gate.check(flag, NONE, NONE);
                }));
            }
            start.countDown();
            assertThat(readStarted.await(20, TimeUnit.SECONDS)).as("a read started").isTrue();
            awaitBlocked(crowd.threads(), n - 1);
            release.countDown();
            List<FlagDecision> decisions = new ArrayList<>();
            for (Future<FlagDecision> f : futures) {
                decisions.add(f.get(20, TimeUnit.SECONDS));
            }
            return decisions;
        } finally {
            crowd.pool().shutdownNow();
        }
    }

    @Test
    void check_whenManyThreadsCallAsTheCacheExpires_expectExactlyOneSourceRead() throws Exception {
        check(Flag.PAYOUT);
        assertThat(source.reads()).isEqualTo(1);
        source.set(off(Flag.PAYOUT, "global"));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch readStarted = source.holdReadsUntil(release);
        clock.advance(Duration.ofSeconds(30));

        List<FlagDecision> decisions = checkFromManyThreads(24, Flag.PAYOUT, readStarted, release);

        assertThat(source.reads()).isEqualTo(2);
        assertThat(decisions).hasSize(24).allSatisfy(d -> {
            assertThat(d.allowed()).isFalse();
            assertThat(d.stale()).isFalse();
            assertThat(d.blockedBy().reason()).isEqualTo("test kill payout");
        });
    }

    @Test
    void check_whenManyThreadsCallBeforeAnyRead_expectExactlyOneSourceRead() throws Exception {
        source.set(off(Flag.REFUND, "global"));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch readStarted = source.holdReadsUntil(release);

        List<FlagDecision> decisions = checkFromManyThreads(16, Flag.REFUND, readStarted, release);

        assertThat(source.reads()).isEqualTo(1);
        assertThat(decisions).hasSize(16).allMatch(d -> !d.allowed() && !d.stale());
    }

    @Test
    void check_whenManyThreadsCallWhileTheSourceFails_expectOneReadAndStaleForAll() throws Exception {
        check(Flag.CONTRIBUTE);
        source.fail(true);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch readStarted = source.holdReadsUntil(release);
        clock.advance(Duration.ofSeconds(30));

        List<FlagDecision> decisions = checkFromManyThreads(16, Flag.CONTRIBUTE, readStarted, release);

        assertThat(source.reads()).as("the back-off keeps the others off the failing source").isEqualTo(2);
        assertThat(decisions).hasSize(16).allMatch(d -> d.equals(FlagDecision.allow(true)));
        assertThat(signals.staleServed).hasValue(16);
    }
}
