package com.warroom.payments.orders;

import com.warroom.payments.Order;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The orders table: reads by id, the conditional insert of a new order, and the conditional replace of a changed one. */
public final class OrderStore {

    private final DynamoDbTable<Order> table;

    public OrderStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, Order.SCHEMA);
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
}
