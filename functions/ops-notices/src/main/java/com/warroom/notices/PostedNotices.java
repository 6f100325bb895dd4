package com.warroom.notices;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Which flag changes were already posted, kept for 24 hours in the idempotency table under
 * {@code message#ops-notices#<changeId>} with {@code expiresAt} (epoch seconds) for DynamoDB's TTL. An item past
 * {@code expiresAt} counts as gone even before TTL deletes it (that can take a day or two).
 *
 * <p>This is the consumer side of the shared {@code ProcessedMessages} being written in
 * {@code com.warroom.idempotency}; when it lands, it replaces this class and nothing else changes.
 */
public final class PostedNotices {

    static final String CONSUMER = "ops-notices";
    static final Duration KEPT_FOR = Duration.ofHours(24);
    private static final String KEY = "key";
    private static final String EXPIRES_AT = "expiresAt";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    public PostedNotices(DynamoDbClient dynamo, String tableName, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.clock = clock;
    }

    /** The item key of a change: {@code message#ops-notices#<changeId>}. */
    public static String key(String changeId) {
        return "message#" + CONSUMER + "#" + changeId;
    }

    /** Whether the change was posted in the last 24 hours (strongly consistent read). */
    public boolean posted(String changeId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).key(keyOf(changeId)).consistentRead(true)).item();
        return item != null && !item.isEmpty() && !expired(item.get(EXPIRES_AT));
    }

    /**
     * Records that the change was posted, unless a live record is there already; answers false when one was (another
     * delivery of the same change posted it at the same time).
     */
    public boolean record(String changeId) {
        long now = clock.instant().getEpochSecond();
        try {
            dynamo.putItem(b -> b.tableName(tableName)
                    .item(Map.of(KEY, AttributeValue.fromS(key(changeId)),
                            EXPIRES_AT, AttributeValue.fromN(Long.toString(now + KEPT_FOR.toSeconds())),
                            "postedAt", AttributeValue.fromS(clock.instant().toString())))
                    .conditionExpression("attribute_not_exists(#key) OR #expiresAt <= :now")
                    .expressionAttributeNames(Map.of("#key", KEY, "#expiresAt", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean expired(AttributeValue expiresAt) {
        return expiresAt != null && expiresAt.n() != null && Long.parseLong(expiresAt.n()) <= clock.instant().getEpochSecond();
    }

    private static Map<String, AttributeValue> keyOf(String changeId) {
        return Map.of(KEY, AttributeValue.fromS(key(changeId)));
    }
}
