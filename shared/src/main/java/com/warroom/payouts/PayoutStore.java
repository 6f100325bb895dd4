package com.warroom.payouts;

import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The payouts table: strongly consistent reads, the conditional insert of a new payout and the conditional replace of
 * a moved one (alone, or as part of a transaction with its ledger entry), and the status index the stuck-tx-sweeper and the stuck list read.
 */
public final class PayoutStore {

    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(payoutId)").build();

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<Payout> table;
    private final DynamoDbIndex<Payout> byStatus;

    public PayoutStore(DynamoDbEnhancedClient client, String tableName) {
        this.client = client;
        this.table = client.table(tableName, Payout.SCHEMA);
        this.byStatus = table.index(Payout.BY_STATUS);
    }

    /** The payout as it is now (strongly consistent). */
    public Optional<Payout> find(String payoutId) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(payoutId).build()).consistentRead(true).build()));
    }

    /** The new payout, in a transaction, only if no payout has its id. */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> insert(Payout payout) {
        var put = TransactPutItemEnhancedRequest.builder(Payout.class).item(payout).conditionExpression(ABSENT).build();
        return request -> request.addPutItem(table, put);
    }

    /** {@code next} in a transaction, only if the stored payout is still at {@code current}'s status and version. */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> replace(Payout current, Payout next) {
        var put = TransactPutItemEnhancedRequest.builder(Payout.class).item(next).conditionExpression(stillAt(current)).build();
        return request -> request.addPutItem(table, put);
    }

    /** Replaces {@code current} by {@code next} alone; false when the stored payout had moved on. */
    public boolean update(Payout current, Payout next) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(Payout.class).item(next).conditionExpression(stillAt(current)).build());
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    /** Writes {@code writes} in one TransactWriteItems. */
    public void commit(List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes) {
        TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
        writes.forEach(write -> write.accept(request));
        client.transactWriteItems(request.build());
    }

    /**
     * Payouts in {@code status} last changed before {@code before}, oldest change first, at most {@code limit}. The
     * index is eventually consistent: callers that act on a payout read it again.
     */
    public List<Payout> inStatusChangedBefore(PayoutStatus status, Instant before, int limit) {
        return oldestFirst(QueryConditional.sortLessThan(Key.builder().partitionValue(status.name())
                .sortValue(SortableTime.format(before)).build()), limit);
    }

    /**
     * The {@code limit} payouts in {@code status} changed longest ago, oldest change first: one query of the status
     * index reading at most {@code limit} rows, whatever the table holds. Eventually consistent, for listings.
     */
    public List<Payout> oldestInStatus(PayoutStatus status, int limit) {
        return oldestFirst(QueryConditional.keyEqualTo(Key.builder().partitionValue(status.name()).build()), limit);
    }

    private List<Payout> oldestFirst(QueryConditional condition, int limit) {
        SdkIterable<Page<Payout>> pages = byStatus.query(QueryEnhancedRequest.builder()
                .queryConditional(condition)
                .scanIndexForward(true)
                .limit(Math.min(limit, 100))
                .build());
        return pages.stream().map(Page::items).flatMap(List::stream).limit(limit).toList();
    }

    private static Expression stillAt(Payout current) {
        return Expression.builder()
                .expression("#status = :status AND #version = :version")
                .expressionNames(Map.of("#status", "status", "#version", "version"))
                .expressionValues(Map.of(":status", AttributeValue.fromS(current.progress().status()),
                        ":version", AttributeValue.fromN(Long.toString(current.version()))))
                .build();
    }
}
