package com.warroom.outbox;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * The notification outbox: items created in the transaction of the change they announce (so a notification exists
 * exactly when its cause committed), then handed to the sender through the notifications queue.
 */
public final class Outbox {

    public Outbox(DynamoDbEnhancedClient client, String tableName, Clock clock) {
        throw new UnsupportedOperationException("the outbox lands with issue 10");
    }

    /** The outbox of this process: its table from the topology's environment variable. */
    public static Outbox fromSettings(DynamoDbEnhancedClient client, Clock clock) {
        throw new UnsupportedOperationException("the outbox lands with issue 10");
    }

    /** The write that creates {@code notification} as PENDING, only if its id is new: for the transaction of its cause. */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> create(Notification notification) {
        throw new UnsupportedOperationException("the outbox lands with issue 10");
    }

    /** The order's notifications, as the order view shows them. */
    public List<OutboxItem> forOrder(String orderId) {
        throw new UnsupportedOperationException("the outbox lands with issue 10");
    }
}
