package com.warroom.stuck.sweep;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Counts the reconcile findings nobody has taken on: OPEN (an acknowledged one carries its ticket) and first seen
 * before a cutoff, through the findings' status index ({@code status}, {@code firstSeenAt}), reading only.
 */
public final class OpenFindings {

    static final String BY_STATUS = "byStatus";
    static final String OPEN = "OPEN";

    private final DynamoDbClient dynamo;
    private final String table;

    public OpenFindings(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * OPEN findings first seen before {@code cutoff}. {@code firstSeenAt} is {@link Instant#toString()}, whose text order
     * is time order except within one second (a fraction sorts before none): at most a second's findings land on the
     * other side of the cutoff.
     */
    long firstSeenBefore(Instant cutoff) {
        long count = 0;
        Map<String, AttributeValue> after = null;
        do {
            Map<String, AttributeValue> start = after;
            QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(BY_STATUS)
                    .keyConditionExpression("#status = :open AND #firstSeenAt < :cutoff")
                    .expressionAttributeNames(Map.of("#status", "status", "#firstSeenAt", "firstSeenAt"))
                    .expressionAttributeValues(Map.of(":open", AttributeValue.fromS(OPEN),
                            ":cutoff", AttributeValue.fromS(cutoff.toString())))
                    .select(Select.COUNT)
                    .exclusiveStartKey(start));
            count += page.count();
            after = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (after != null);
        return count;
    }
}
