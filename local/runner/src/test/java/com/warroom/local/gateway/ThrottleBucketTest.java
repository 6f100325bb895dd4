package com.warroom.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.Throttle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The token bucket of a route throttle, on time moved by hand. */
class ThrottleBucketTest {

    private final ManualTicker ticker = new ManualTicker();

    @Test
    void take_whenNew_admitsAWholeBurstAtOnceAndRefusesTheNext() {
        ThrottleBucket bucket = new ThrottleBucket(new Throttle(50, 100), ticker);

        assertThat(takes(bucket, 100)).allMatch(Admission.Admitted.class::isInstance);
        assertThat(bucket.take()).isEqualTo(new Admission.Refused(Duration.ofMillis(20)));
    }

    @Test
    void take_whenEmpty_admitsOneMoreAfterEachTokenTimeAndNotBefore() {
        ThrottleBucket bucket = new ThrottleBucket(new Throttle(50, 100), ticker);
        takes(bucket, 100);

        ticker.advance(Duration.ofMillis(19));
        assertThat(bucket.take()).isEqualTo(new Admission.Refused(Duration.ofMillis(1)));
        ticker.advance(Duration.ofMillis(1));
        assertThat(bucket.take()).isInstanceOf(Admission.Admitted.class);
        assertThat(bucket.take()).isEqualTo(new Admission.Refused(Duration.ofMillis(20)));
    }

    @Test
    void take_afterASecond_admitsTheRateOfThatSecondOnly() {
        ThrottleBucket bucket = new ThrottleBucket(new Throttle(50, 100), ticker);
        takes(bucket, 100);

        ticker.advance(Duration.ofSeconds(1));

        assertThat(admitted(takes(bucket, 60))).isEqualTo(50);
    }

    @Test
    void take_afterAnHourIdle_admitsNoMoreThanTheBurst() {
        ThrottleBucket bucket = new ThrottleBucket(new Throttle(3, 5), ticker);
        takes(bucket, 5);

        ticker.advance(Duration.ofHours(1));

        assertThat(admitted(takes(bucket, 20))).isEqualTo(5);
    }

    @Test
    void take_whenTimeGoesBackwards_addsNoTokens() {
        ThrottleBucket bucket = new ThrottleBucket(new Throttle(1, 1), ticker);
        bucket.take();

        ticker.rewind(Duration.ofSeconds(10));
        assertThat(bucket.take()).isEqualTo(new Admission.Refused(Duration.ofSeconds(1)));
        ticker.advance(Duration.ofSeconds(10));
        assertThat(bucket.take()).isEqualTo(new Admission.Refused(Duration.ofSeconds(1)));
        ticker.advance(Duration.ofSeconds(1));
        assertThat(bucket.take()).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void take_whenHalfATokenHasRefilled_saysToRetryAfterTheOtherHalf() {
        ThrottleBucket bucket = new ThrottleBucket(new Throttle(1, 1), ticker);
        bucket.take();

        ticker.advance(Duration.ofMillis(500));

        assertThat(bucket.take()).isEqualTo(new Admission.Refused(Duration.ofMillis(500)));
    }

    /** Whatever the arrivals, what it admits over a span is at most the burst plus the rate times the span. */
    @Test
    void take_overRandomArrivals_neverAdmitsMoreThanBurstPlusRateTimesElapsed() {
        Random random = new Random(20261201L);
        for (int round = 0; round < 200; round++) {
            int rate = 1 + random.nextInt(100);
            int burst = 1 + random.nextInt(200);
            ManualTicker time = new ManualTicker();
            ThrottleBucket bucket = new ThrottleBucket(new Throttle(rate, burst), time);
            long elapsedNanos = 0;
            long admitted = 0;
            for (int request = 0; request < 2_000; request++) {
                long step = random.nextInt(4) == 0 ? random.nextInt(50_000_000) : 0;
                time.advance(Duration.ofNanos(step));
                elapsedNanos += step;
                if (bucket.take() instanceof Admission.Admitted) {
                    admitted++;
                }
                // billionths of a token, in exact integers: burst + rate * elapsed seconds
                assertThat(admitted * 1_000_000_000L).as("rate %d burst %d", rate, burst)
                        .isLessThanOrEqualTo(burst * 1_000_000_000L + rate * elapsedNanos);
            }
        }
    }

    @Test
    void take_fromManyThreadsAtOnce_admitsExactlyTheBurst() throws Exception {
        ThrottleBucket bucket = new ThrottleBucket(new Throttle(50, 100), ticker);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Admission>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 400; i++) {
                results.add(threads.submit(startingWith(start, bucket::take)));
            }
            start.countDown();
            long admitted = 0;
            for (Future<Admission> result : results) {
                // guards against a hang, not a timing assertion
                if (result.get(60, TimeUnit.SECONDS) instanceof Admission.Admitted) {
                    admitted++;
                }
            }
            assertThat(admitted).isEqualTo(100);
        }
    }

    private static <T> Callable<T> startingWith(CountDownLatch start, Callable<T> work) {
        return () -> {
            start.await();
            return work.call();
        };
    }

    private static List<Admission> takes(ThrottleBucket bucket, int count) {
        return IntStream.range(0, count).mapToObj(i -> bucket.take()).toList();
    }

    private static long admitted(List<Admission> admissions) {
        return admissions.stream().filter(Admission.Admitted.class::isInstance).count();
    }
}
