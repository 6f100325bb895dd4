package com.warroom.payments;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The payment events table: appends (each key written once, never updated) and reads of an order's events. */
public final class PaymentEvents {

    private static final Expression NEW_KEY = Expression.builder().expression("attribute_not_exists(eventKey)").build();

    private final DynamoDbTable<PaymentEvent> table;

    public PaymentEvents(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, PaymentEvent.SCHEMA);
    }

    /** Whether an append wrote the event or found its key already there. */
    public enum Append {
        WRITTEN, ALREADY_THERE
    }

    /** Puts {@code event} unless its key is already in its order's partition: one conditional PutItem. */
    public Append append(PaymentEvent event) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(PaymentEvent.class).item(event).conditionExpression(NEW_KEY).build());
            return Append.WRITTEN;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return Append.ALREADY_THERE;
        }
    }

    /** The same append, for a transaction: it fails the transaction when the key is already there. */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> appendInTransaction(PaymentEvent event) {
        var put = TransactPutItemEnhancedRequest.builder(PaymentEvent.class).item(event).conditionExpression(NEW_KEY).build();
        return request -> request.addPutItem(table, put);
    }

    /** The event as stored (strongly consistent). */
    public Optional<PaymentEvent> find(String orderId, String eventKey) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(orderId).sortValue(eventKey).build())
                .consistentRead(true)
                .build()));
    }

    /** Every event of an order, in key order (strongly consistent). */
    public List<PaymentEvent> forOrder(String orderId) {
        return table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(orderId).build()))
                        .consistentRead(true)
                        .build())
                .stream().map(Page::items).flatMap(List::stream).toList();
    }
}
