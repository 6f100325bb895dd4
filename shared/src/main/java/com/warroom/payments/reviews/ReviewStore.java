package com.warroom.payments.reviews;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The payment reviews table: records a review once per id, reads one, lists them by state newest first, and writes an
 * approved override (only over a review still OPEN and never overridden).
 */
public final class ReviewStore {

    private final DynamoDbTable<PaymentReview> table;
    private final DynamoDbIndex<PaymentReview> byState;

    public ReviewStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, PaymentReview.SCHEMA);
        this.byState = table.index(PaymentReview.BY_STATE);
    }

    /** Puts the review unless one has its id; false when one had (the same finding, recorded before). */
    public boolean record(PaymentReview review) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(PaymentReview.class).item(review)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(id)").build()).build());
            return true;
        } catch (ConditionalCheckFailedException recordedBefore) {
            return false;
        }
    }

    /** The review with this id, read consistently. */
    public Optional<PaymentReview> find(String id) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)));
    }

    /**
     * The write that replaces {@code open} by {@code overridden} in a transaction, only while the stored review is still
     * OPEN and carries no override (a second approved override, or one racing it, fails the transaction).
     */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> override(PaymentReview open, PaymentReview overridden) {
        var put = TransactPutItemEnhancedRequest.builder(PaymentReview.class).item(overridden)
                .conditionExpression(Expression.builder()
                        .expression("attribute_exists(id) AND #state = :open AND attribute_not_exists(#override)")
                        .putExpressionName("#state", "state").putExpressionName("#override", "override")
                        .putExpressionValue(":open", AttributeValue.fromS(PaymentReview.OPEN)).build())
                .build();
        return request -> request.addPutItem(table, put);
    }

    /** Where a page ends: the last review listed. */
    public record PageKey(String id, String createdAt) {
    }

    /** One page of reviews, and where the next starts (empty when there is none). */
    public record Listing(List<PaymentReview> reviews, Optional<PageKey> next) {
    }

    /** Reviews in {@code state}, newest first, {@code limit} at most, after {@code after}. */
    public Listing newest(String state, int limit, Optional<PageKey> after) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(state).build()))
                .scanIndexForward(false)
                .limit(limit + 1);
        after.ifPresent(key -> request.exclusiveStartKey(Map.of(
                "id", AttributeValue.fromS(key.id()),
                "state", AttributeValue.fromS(state),
                "createdAt", AttributeValue.fromS(key.createdAt()))));
        List<PaymentReview> found = byState.query(request.build()).stream()
                .map(Page::items).flatMap(List::stream).limit(limit + 1L).toList();
        List<PaymentReview> page = found.subList(0, Math.min(limit, found.size()));
        Optional<PageKey> next = found.size() > limit
                ? Optional.of(new PageKey(page.getLast().id(), page.getLast().createdAt()))
                : Optional.empty();
        return new Listing(page, next);
    }
}
