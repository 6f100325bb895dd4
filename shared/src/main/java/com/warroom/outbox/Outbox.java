package com.warroom.outbox;

import com.warroom.aws.Settings;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The notification outbox: items created in the transaction of the change they announce (so a notification exists
 * exactly when its cause committed), then handed to the sender through the notifications queue.
 *
 * <p>Every change after the creation is a put conditional on the item still being at the status and version it was
 * decided from: of two senders that read the same PENDING item, one claims it and the other's claim fails, so a
 * notification is never sent by both; a requeue that raced a sender fails the same way.
 */
public final class Outbox {

    private static final Expression NEW = Expression.builder().expression("attribute_not_exists(id)").build();
    // the table's index keys are at most 100 per BatchGetItem; a requeue names at most 50
    private static final int MAX_BATCH_GET = 100;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<OutboxRecord> table;
    private final DynamoDbIndex<OutboxRecord> byStatus;
    private final Clock clock;

    public Outbox(DynamoDbEnhancedClient client, String tableName, Clock clock) {
        this.client = client;
        this.table = client.table(tableName, OutboxRecord.SCHEMA);
        this.byStatus = table.index(OutboxRecord.BY_STATUS);
        this.clock = clock;
    }

    /** The outbox of this process: its table from the topology's environment variable. */
    public static Outbox fromSettings(DynamoDbEnhancedClient client, Clock clock) {
        return new Outbox(client, Settings.require(Topology.OUTBOX.envVar()), clock);
    }

    /** The write that creates {@code notification} as PENDING, only if its id is new: for the transaction of its cause. */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> create(Notification notification) {
        OutboxRecord record = OutboxRecord.pending(notification, clock.instant());
        return transaction -> transaction.addPutItem(table, TransactPutItemEnhancedRequest.builder(OutboxRecord.class)
                .item(record).conditionExpression(NEW).build());
    }

    /** The order's notifications, as the order view shows them. */
    public List<OutboxItem> forOrder(String orderId) {
        List<String> ids = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.about(NotificationKind.Subject.ORDER)) {
            ids.add(kind.idFor(orderId));
        }
        Map<String, OutboxRecord> found = findAll(ids);
        return ids.stream().filter(found::containsKey).map(id -> found.get(id).item()).toList();
    }

    /** The item as stored now (a strongly consistent read). */
    public Optional<OutboxRecord> find(String id) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder().key(key(id)).consistentRead(true).build()));
    }

    /** The items of these ids that exist, by id (strongly consistent reads). */
    public Map<String, OutboxRecord> findAll(Collection<String> ids) {
        Map<String, OutboxRecord> found = new LinkedHashMap<>();
        List<String> distinct = ids.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += MAX_BATCH_GET) {
            ReadBatch.Builder<OutboxRecord> batch = ReadBatch.builder(OutboxRecord.class).mappedTableResource(table);
            distinct.subList(from, Math.min(distinct.size(), from + MAX_BATCH_GET))
                    .forEach(id -> batch.addGetItem(GetItemEnhancedRequest.builder().key(key(id)).consistentRead(true).build()));
            // the pages go on until DynamoDB has answered every key (unprocessed keys are asked again)
            client.batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
                    .resultsForTable(table).forEach(record -> found.put(record.id(), record));
        }
        return found;
    }

    /**
     * Claims a claimable item for delivery on {@code channel}: SENDING with one more attempt. Empty when another sender
     * or a requeue changed it since {@code seen} was read.
     */
    public Optional<OutboxRecord> claim(OutboxRecord seen, DeliveryChannel channel) {
        return replace(seen, seen.with(OutboxStatus.SENDING, seen.delivery().attempts() + 1, seen.delivery().lastError(), channel,
                clock.instant()));
    }

    /**
     * Moves the item to {@code status} ({@code lastError} replaces the last error when given): SENT, FAILED, back to
     * PENDING after a failed try, or SUPPRESSED / UNDELIVERABLE without a try. Empty when it changed since {@code seen}.
     */
    public Optional<OutboxRecord> settle(OutboxRecord seen, OutboxStatus status, Optional<String> lastError) {
        return replace(seen, seen.with(status, seen.delivery().attempts(), lastError.or(() -> seen.delivery().lastError()),
                seen.delivery().channel(), clock.instant()));
    }

    /** A FAILED item moved back to PENDING, and its write for a transaction: it fails unless the item is still {@code failed}. */
    public Requeue requeue(OutboxRecord failed) {
        if (failed.status() != OutboxStatus.FAILED) {
            throw new IllegalArgumentException(failed.id() + " is " + failed.status() + ", not FAILED");
        }
        OutboxRecord next = failed.with(OutboxStatus.PENDING, failed.delivery().attempts(), failed.delivery().lastError(),
                failed.delivery().channel(), clock.instant());
        return new Requeue(next, transaction -> transaction.addPutItem(table, TransactPutItemEnhancedRequest.builder(OutboxRecord.class)
                .item(next).conditionExpression(unchangedSince(failed)).build()));
    }

    /** A requeue: the item as it will be, and the write that makes it so. */
    public record Requeue(OutboxRecord requeued, Consumer<TransactWriteItemsEnhancedRequest.Builder> write) {
    }

    /**
     * A page of the items of one status, newest first, through the {@code byStatus} index (eventually consistent:
     * an item that just changed status may show under its former one for a moment).
     */
    public Listing page(OutboxStatus status, int limit, Optional<PageKey> after) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(status.name()).build()))
                .scanIndexForward(false)
                .limit(limit);
        after.ifPresent(key -> query.exclusiveStartKey(Map.of("id", AttributeValue.fromS(key.id()),
                "status", AttributeValue.fromS(status.name()), "createdAt", AttributeValue.fromS(key.createdAt()))));
        List<OutboxRecord> items = new ArrayList<>();
        Map<String, AttributeValue> last = null;
        for (Page<OutboxRecord> page : byStatus.query(query.build())) {
            for (OutboxRecord record : page.items()) {
                if (items.size() < limit) {
                    items.add(record);
                }
            }
            last = page.lastEvaluatedKey();
            if (items.size() >= limit || last == null) {
                break;
            }
        }
        Optional<PageKey> next = items.size() == limit && last != null
                ? Optional.of(new PageKey(items.getLast().id(), items.getLast().delivery().createdAt().toString()))
                : Optional.empty();
        return new Listing(items, next);
    }

    /** Where a page of one status starts: after the item with this id and creation time. */
    public record PageKey(String id, String createdAt) {
    }

    /** A page of items and where the next one starts, when there is one. */
    public record Listing(List<OutboxRecord> items, Optional<PageKey> next) {
        public Listing {
            items = List.copyOf(items);
        }
    }

    private Optional<OutboxRecord> replace(OutboxRecord seen, OutboxRecord next) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(OutboxRecord.class).item(next).conditionExpression(unchangedSince(seen)).build());
            return Optional.of(next);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static Expression unchangedSince(OutboxRecord seen) {
        return Expression.builder()
                .expression("#status = :status AND #version = :version")
                .putExpressionName("#status", "status")
                .putExpressionName("#version", "version")
                .putExpressionValue(":status", AttributeValue.fromS(seen.status().name()))
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(seen.delivery().version())))
                .build();
    }

    private static Key key(String id) {
        return Key.builder().partitionValue(id).build();
    }
}
