package com.warroom.payments.orders;

import com.warroom.outbox.Notification;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.OutboxItem;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/** The notification outbox as orders use it: the success notification created by the PAID transaction, and an order's notifications. */
public interface OrderNotifications {

    /** The write that creates the notification (only if new), for the transaction of its cause. */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> create(Notification notification);

    List<OutboxItem> forOrder(String orderId);

    static OrderNotifications of(Outbox outbox) {
        return new OrderNotifications() {
            @Override
            public Consumer<TransactWriteItemsEnhancedRequest.Builder> create(Notification notification) {
                return outbox.create(notification);
            }

            @Override
            public List<OutboxItem> forOrder(String orderId) {
                return outbox.forOrder(orderId);
            }
        };
    }
}
