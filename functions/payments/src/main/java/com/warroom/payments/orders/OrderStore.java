package com.warroom.payments.orders;

import com.warroom.payments.OrderStatus;
import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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

/** The orders table: reads, the conditional insert of a new order, and the conditional replace of a changed one. */
public final class OrderStore {

    private final DynamoDbTable<Order> table;
    private final DynamoDbIndex<Order> byStatus;

    public OrderStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, Order.SCHEMA);
        this.byStatus = table.index(Order.BY_STATUS);
    }

    /** The order as it is now (strongly consistent). */
    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(orderId).build()).consistentRead(true).build()));
    }

    /** Puts a new sealed order unless one has its id; false when one had. */
    public boolean insert(Order order) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(Order.class).item(order)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(orderId)").build()).build());
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** Replaces {@code current} by {@code next}, in a transaction, only if the stored order is still at current's status and version. */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> replace(Order current, Order next) {
        var put = TransactPutItemEnhancedRequest.builder(Order.class)
                .item(next)
                .conditionExpression(Expression.builder()
                        .expression("#status = :status AND #version = :version")
                        .putExpressionName("#status", "status")
                        .putExpressionName("#version", "version")
                        .putExpressionValue(":status", AttributeValue.fromS(current.status()))
                        .putExpressionValue(":version", AttributeValue.fromN(Long.toString(current.version())))
                        .build())
                .build();
        return request -> request.addPutItem(table, put);
    }

    /** Where a page of the status index ends: the last order listed. */
    public record PageKey(String orderId, String createdAt) {
    }

    /** One page of orders and where the next starts (empty when there is none). */
    public record Listing(List<Order> orders, Optional<PageKey> next) {
    }

    /**
     * Orders in {@code status} registered before {@code before}, oldest first, {@code limit} at most, after {@code after}.
     * The index is eventually consistent: callers that act on an order read it again.
     */
    public Listing inStatusBefore(OrderStatus status, Instant before, int limit, Optional<PageKey> after) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(Key.builder().partitionValue(status.name())
                        .sortValue(SortableTime.format(before)).build()))
                .scanIndexForward(true)
                .limit(limit + 1);
        after.ifPresent(key -> request.exclusiveStartKey(Map.of(
                "orderId", AttributeValue.fromS(key.orderId()),
                "status", AttributeValue.fromS(status.name()),
                "createdAt", AttributeValue.fromS(key.createdAt()))));
        List<Order> found = byStatus.query(request.build()).stream()
                .map(Page::items).flatMap(List::stream).limit(limit + 1L).toList();
        List<Order> page = found.subList(0, Math.min(limit, found.size()));
        Optional<PageKey> next = found.size() > limit
                ? Optional.of(new PageKey(page.getLast().orderId(), SortableTime.format(page.getLast().times().createdAt())))
                : Optional.empty();
        return new Listing(page, next);
    }

    /**
     * The {@code limit} orders in {@code status} registered longest ago, oldest first: one query of the status index
     * reading at most {@code limit} rows, whatever the table holds. Eventually consistent, for listings.
     */
    public List<Order> oldestInStatus(OrderStatus status, int limit) {
        return byStatus.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(status.name()).build()))
                        .scanIndexForward(true)
                        .limit(limit)
                        .build())
                .stream().map(Page::items).flatMap(List::stream).limit(limit).toList();
    }
}
