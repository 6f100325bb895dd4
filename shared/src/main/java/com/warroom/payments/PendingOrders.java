package com.warroom.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The orders waiting to be paid, read through the orders table's status index only (oldest registration first), so
 * that what a read costs grows with the PENDING orders, never with the table. The index is eventually consistent: an
 * order just paid may still be listed, so whoever acts on one (the payment processor) reads it again.
 */
public final class PendingOrders {

    /** How long an order may stay PENDING before Midtrans is asked about it: its webhook may have been lost. */
    public static final Duration OVERDUE = Duration.ofMinutes(15);
    private static final int PAGE = 100;

    private final DynamoDbIndex<PendingOrder> byStatus;

    public PendingOrders(DynamoDbEnhancedClient client, String ordersTable) {
        this.byStatus = client.table(ordersTable, PendingOrder.SCHEMA).index(PendingOrder.BY_STATUS);
    }

    /** The PENDING orders registered before {@code before}, oldest first, {@code limit} at most. */
    public List<PendingOrder> registeredBefore(Instant before, int limit) {
        return oldestFirst(QueryConditional.sortLessThan(Key.builder().partitionValue(OrderStatus.PENDING.name())
                .sortValue(SortableTime.format(before)).build()), limit);
    }

    /** The {@code limit} PENDING orders registered longest ago, oldest first: at most {@code limit} rows read. */
    public List<PendingOrder> oldest(int limit) {
        return oldestFirst(QueryConditional.keyEqualTo(Key.builder().partitionValue(OrderStatus.PENDING.name()).build()), limit);
    }

    private List<PendingOrder> oldestFirst(QueryConditional condition, int limit) {
        return byStatus.query(QueryEnhancedRequest.builder()
                        .queryConditional(condition)
                        .scanIndexForward(true)
                        .limit(Math.min(limit, PAGE))
                        .build())
                .stream().map(Page::items).flatMap(List::stream).limit(limit).toList();
    }
}
