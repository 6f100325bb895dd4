package com.warroom.approvals;

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
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads approval requests and builds their conditional writes; the writes are committed by the audit
 * log together with their audit entry.
 */
public final class ApprovalStore {

    public static final String BY_STATUS = "byStatus";

    private final DynamoDbTable<ApprovalRequest> table;
    private final DynamoDbIndex<ApprovalRequest> byStatus;

    public ApprovalStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, ApprovalRequest.SCHEMA);
        this.byStatus = table.index(BY_STATUS);
    }

    public DynamoDbTable<ApprovalRequest> table() {
        return table;
    }

    /** The request as it is now (strongly consistent). */
    public Optional<ApprovalRequest> find(String id) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(id).build())
                .consistentRead(true)
                .build()));
    }

    /** Where a page of one status ends: the last request shown. */
    public record PageKey(String id, String requestedAt) {
    }

    /** One page of requests, and where the next one starts (empty when there is none). */
    public record Listing(List<ApprovalRequest> requests, Optional<PageKey> next) {
    }

    /** Requests of one status, newest first, {@code limit} at most, after {@code after}. */
    public Listing newest(ApprovalStatus status, int limit, Optional<PageKey> after) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(status.name()).build()))
                .scanIndexForward(false)
                .limit(limit + 1);
        after.ifPresent(key -> request.exclusiveStartKey(Map.of(
                "id", AttributeValue.fromS(key.id()),
                "status", AttributeValue.fromS(status.name()),
                "requestedAt", AttributeValue.fromS(key.requestedAt()))));
        // one request more than the page, so that "next" is only given when a following page has requests
        List<ApprovalRequest> found = byStatus.query(request.build()).stream()
                .map(Page::items).flatMap(List::stream).limit(limit + 1L).toList();
        List<ApprovalRequest> page = found.subList(0, Math.min(limit, found.size()));
        Optional<PageKey> next = found.size() > limit
                ? Optional.of(new PageKey(page.get(page.size() - 1).id(), page.get(page.size() - 1).requestedAt()))
                : Optional.empty();
        return new Listing(page, next);
    }

    /** Replaces {@code current} by {@code next}, only if the stored request is still at current's status and version. */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> replace(ApprovalRequest current, ApprovalRequest next) {
        var put = TransactPutItemEnhancedRequest.builder(ApprovalRequest.class)
                .item(next)
                .conditionExpression(Expression.builder()
                        .expression("#status = :status AND #version = :version")
                        .putExpressionName("#status", "status")
                        .putExpressionName("#version", "version")
                        .putExpressionValue(":status", AttributeValue.fromS(current.status()))
                        .putExpressionValue(":version", AttributeValue.fromN(Long.toString(current.version())))
                        .build())
                .build();
        return r -> r.addPutItem(table, put);
    }

    /** Puts a new request, only if no request has its id. */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> insert(ApprovalRequest request) {
        return insert(table, request);
    }

    /** Puts a new request into {@code table}, only if no request has its id: for routes that only ever record requests. */
    public static Consumer<TransactWriteItemsEnhancedRequest.Builder> insert(DynamoDbTable<ApprovalRequest> table,
                                                                            ApprovalRequest request) {
        var put = TransactPutItemEnhancedRequest.builder(ApprovalRequest.class)
                .item(request)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(id)").build())
                .build();
        return r -> r.addPutItem(table, put);
    }
}
