package com.warroom.support.tickets.desk;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Whether a reconcile finding exists, for a link to it (read only: the findings belong to reconcile). */
public final class ReconcileFindings {

    private final DynamoDbClient dynamo;
    private final String table;

    public ReconcileFindings(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public boolean exists(String findingId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of("findingId", AttributeValue.fromS(findingId)))
                .projectionExpression("findingId")).item();
        return item != null && !item.isEmpty();
    }
}
