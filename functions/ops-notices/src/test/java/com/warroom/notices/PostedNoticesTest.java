package com.warroom.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.aws.AwsClients;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The record of posted changes: a conditional put that one writer wins, for 24 hours. */
@ExtendWith(EmbeddedStackExtension.class)
class PostedNoticesTest {

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = AwsClients.dynamoDb();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static PostedNotices posted(AdjustableClock clock) {
        return new PostedNotices(dynamo, Topology.IDEMPOTENCY.localName(), clock);
    }

    @Test
    void record_whenManyDeliveriesRecordTheSameChangeAtOnce_letsOneWin() throws Exception {
        PostedNotices posted = posted(AdjustableClock.startingAt(Instant.parse("2026-11-30T12:00:00Z")));
        String changeId = "payout@round:R-" + UUID.randomUUID() + "#v1";
        int writers = 8;
        CyclicBarrier together = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Boolean>> calls = IntStream.range(0, writers).<Callable<Boolean>>mapToObj(i -> () -> {
                together.await();
                return posted.record(changeId);
            }).toList();
            List<Boolean> won = pool.invokeAll(calls).stream().map(PostedNoticesTest::get).toList();

            assertThat(won).containsOnlyOnce(true).hasSize(writers);
        } finally {
            pool.shutdownNow();
        }
        assertThat(posted.posted(changeId)).isTrue();
    }

    @Test
    void posted_when24HoursHavePassed_forgetsTheChangeSoItMayBeRecordedAgain() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-30T12:00:00Z"));
        PostedNotices posted = posted(clock);
        String changeId = "refund@round:R-" + UUID.randomUUID() + "#v3";
        assertThat(posted.record(changeId)).isTrue();

        clock.advance(PostedNotices.KEPT_FOR.minusSeconds(1));
        assertThat(posted.posted(changeId)).isTrue();
        assertThat(posted.record(changeId)).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(posted.posted(changeId)).as("expired, even before TTL deletes it").isFalse();
        assertThat(posted.record(changeId)).isTrue();
    }

    private static Boolean get(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
