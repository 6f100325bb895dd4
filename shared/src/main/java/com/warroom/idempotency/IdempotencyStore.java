package com.warroom.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The first answers of idempotent requests, on the idempotency table. A request claims its key with a conditional put
 * (the key is free, or its record expired); the claim holds until the request is answered, never for a time, because
 * a slow request that lost its claim would run twice. A claim that cannot be answered (the function died) therefore
 * blocks its key until the record expires.
 */
public final class IdempotencyStore {

    /** How long a key stays bound to its first request and answer. */
    public static final Duration RETENTION = Duration.ofHours(24);

    private final DynamoDbTable<IdempotencyRecord> table;
    private final Clock clock;

    public IdempotencyStore(DynamoDbEnhancedClient client, String tableName, Clock clock) {
        this.table = client.table(tableName, IdempotencyRecord.SCHEMA);
        this.clock = clock;
    }

    /** Claims {@code key} for a request with {@code fingerprint}, or says who holds it. */
    public Claim claim(IdempotencyKey key, Fingerprint fingerprint) {
        Instant now = clock.instant();
        IdempotencyRecord claim = IdempotencyRecord.inProgress(key.itemKey(), fingerprint, now, now.plus(RETENTION));
        try {
            table.putItem(PutItemEnhancedRequest.builder(IdempotencyRecord.class)
                    .item(claim)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_not_exists(#key) OR #expiresAt < :now")
                            .putExpressionName("#key", "key")
                            .putExpressionName("#expiresAt", "expiresAt")
                            .putExpressionValue(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))
                            .build())
                    // a failed claim gets the holder's record back in the same call: no second read, no race with it
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return new Claim.Claimed(claim);
        } catch (ConditionalCheckFailedException taken) {
            return found(IdempotencyRecord.SCHEMA.mapToItem(taken.item()), fingerprint);
        }
    }

    /** Stores the answer of a claimed request, for every retry with its key. */
    public void complete(Claim.Claimed claimed, StoredResponse response) {
        table.putItem(PutItemEnhancedRequest.builder(IdempotencyRecord.class)
                .item(claimed.record().completedWith(response))
                .conditionExpression(stillClaimedBy(claimed.record()))
                .build());
    }

    /** Gives the key up, so that a retry runs the request again: it failed without an answer worth keeping. */
    public void release(Claim.Claimed claimed) {
        table.deleteItem(DeleteItemEnhancedRequest.builder()
                .key(key(claimed.record().key()))
                .conditionExpression(stillClaimedBy(claimed.record()))
                .build());
    }

    private static Claim found(IdempotencyRecord holder, Fingerprint fingerprint) {
        if (!holder.fingerprint().equals(fingerprint.hex())) {
            return new Claim.Reused();
        }
        return switch (holder.status()) {
            case IN_PROGRESS -> new Claim.InProgress();
            case COMPLETED -> new Claim.Replay(holder.response().orElseThrow());
        };
    }

    private static Expression stillClaimedBy(IdempotencyRecord claim) {
        return Expression.builder()
                .expression("#status = :inProgress AND #createdAt = :createdAt")
                .expressionNames(Map.of("#status", "status", "#createdAt", "createdAt"))
                .expressionValues(Map.of(":inProgress", AttributeValue.fromS(RequestStatus.IN_PROGRESS.name()),
                        ":createdAt", AttributeValue.fromS(claim.createdAt())))
                .build();
    }

    private static Key key(String itemKey) {
        return Key.builder().partitionValue(itemKey).build();
    }
}
