package com.warroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.warroom.flags.Flag;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagStore;
import com.warroom.testing.LocalDynamoDb;
import com.warroom.testing.MutableClock;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** A consumer's change and the mark of the message that caused it, in one real transaction on DynamoDB Local. */
@ExtendWith(LocalDynamoDb.Extension.class)
class ProcessedMessagesTest {

    private static final String CONSUMER = "ops-notices";

    private static LocalDynamoDb dynamo;
    private static String marks;
    private static DynamoDbTable<FlagRecord> flags;
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final ProcessedMessages processed = new ProcessedMessages(dynamo.enhanced(), marks, clock);

    @BeforeAll
    static void createTables(LocalDynamoDb local) {
        dynamo = local;
        marks = local.createTable(Topology.IDEMPOTENCY);
        flags = local.enhanced().table(local.createTable(Topology.FLAGS), FlagRecord.SCHEMA);
    }

    /** The change a message causes: a flag state, written only if the state is still {@code current}. */
    private static TransactPutItemEnhancedRequest<FlagRecord> change(FlagRecord current, String reason) {
        FlagRecord next = new FlagRecord(current.flag(), current.scope(), false, reason, "ops-notices", "", "2026-12-01T10:00:00Z",
                current.version() + 1, 0);
        return TransactPutItemEnhancedRequest.builder(FlagRecord.class).item(next).conditionExpression(FlagStore.unchangedSince(current)).build();
    }

    private static void commit(MessageMark mark, TransactPutItemEnhancedRequest<FlagRecord> change) {
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        mark.addTo(transaction);
        transaction.addPutItem(flags, change);
        dynamo.enhanced().transactWriteItems(transaction.build());
    }

    private static FlagRecord initial() {
        return FlagRecord.initial(Flag.PAYOUT, FlagScope.parse("user:" + UUID.randomUUID()).orElseThrow());
    }

    private static FlagRecord stored(FlagRecord flag) {
        return flags.getItem(r -> r.key(Key.builder().partitionValue(flag.flag()).sortValue(flag.scope()).build()).consistentRead(true));
    }

    @Test
    void mark_whenFirstDelivery_commitsTheChangeWithTheMark() {
        String id = "chg-" + UUID.randomUUID();
        FlagRecord flag = initial();

        commit(processed.mark(CONSUMER, id), change(flag, "first delivery"));

        assertThat(stored(flag).reason()).isEqualTo("first delivery");
        assertThat(processed.seen(CONSUMER, id)).isTrue();
        Map<String, AttributeValue> item = dynamo.client().getItem(b -> b.tableName(marks)
                .key(Map.of("key", AttributeValue.fromS("message#" + CONSUMER + "#" + id))).consistentRead(true)).item();
        assertThat(item.get("consumer").s()).isEqualTo(CONSUMER);
        assertThat(item.get("businessId").s()).isEqualTo(id);
        assertThat(item.get("processedAt").s()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(clock.instant().plus(Duration.ofHours(24)).getEpochSecond()));
    }

    @Test
    void mark_whenMessageIsRedelivered_cancelsTheTransactionAsAlreadyProcessedAndChangesNothing() {
        String id = "chg-" + UUID.randomUUID();
        FlagRecord flag = initial();
        commit(processed.mark(CONSUMER, id), change(flag, "first delivery"));
        FlagRecord afterFirst = stored(flag);
        MessageMark again = processed.mark(CONSUMER, id);

        var cancelled = catchThrowableOfType(TransactionCanceledException.class, () -> commit(again, change(afterFirst, "redelivered")));

        assertThat(again.alreadyProcessed(cancelled)).isTrue();
        assertThat(stored(flag)).isEqualTo(afterFirst);
    }

    @Test
    void mark_whenTheChangeItselfIsRefused_isNotTakenForAlreadyProcessed() {
        String id = "chg-" + UUID.randomUUID();
        FlagRecord flag = initial();
        commit(processed.mark(CONSUMER, "chg-" + UUID.randomUUID()), change(flag, "another message changed it"));
        MessageMark mark = processed.mark(CONSUMER, id);

        var cancelled = catchThrowableOfType(TransactionCanceledException.class, () -> commit(mark, change(flag, "stale state")));

        assertThat(mark.alreadyProcessed(cancelled)).isFalse();
        assertThat(processed.seen(CONSUMER, id)).as("a cancelled transaction writes no mark").isFalse();
    }

    @Test
    void seen_whenAnotherConsumerProcessedTheMessage_isFalse() {
        String id = "chg-" + UUID.randomUUID();
        commit(processed.mark(CONSUMER, id), change(initial(), "ops notices acted"));

        assertThat(processed.seen("payout-worker", id)).isFalse();
        assertThat(processed.seen(CONSUMER, id)).isTrue();
    }

    @Test
    void mark_whenConsumerNameHasTheSeparator_isRefused() {
        assertThatThrownBy(() -> processed.mark("ops#notices", "chg-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> processed.mark(CONSUMER, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void record_whenManyDeliveriesRecordTheSameMessageAtOnce_letsOneWin() throws Exception {
        String businessId = "payout@round:R-" + UUID.randomUUID() + "#v1";
        int writers = 8;
        CyclicBarrier together = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Boolean>> calls = IntStream.range(0, writers).<Callable<Boolean>>mapToObj(i -> () -> {
                together.await();
                return processed.record(CONSUMER, businessId);
            }).toList();
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                won.add(result.get());
            }

            assertThat(won).containsOnlyOnce(true).hasSize(writers);
        } finally {
            pool.shutdownNow();
        }
        assertThat(processed.seen(CONSUMER, businessId)).isTrue();
    }

    @Test
    void seen_whenTheRetentionHasPassed_forgetsTheMessageEvenBeforeTtlDeletesIt() {
        String businessId = "refund@round:R-" + UUID.randomUUID() + "#v3";
        assertThat(processed.record(CONSUMER, businessId)).isTrue();

        clock.advance(IdempotencyStore.RETENTION.minusSeconds(1));
        assertThat(processed.seen(CONSUMER, businessId)).isTrue();
        assertThat(processed.record(CONSUMER, businessId)).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(processed.seen(CONSUMER, businessId)).isFalse();
        assertThat(processed.record(CONSUMER, businessId)).as("an expired mark may be written again").isTrue();
    }
}
