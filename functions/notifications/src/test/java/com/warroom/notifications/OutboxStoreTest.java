package com.warroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.outbox.DeliveryChannel;
import com.warroom.outbox.Notification;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.OutboxItem;
import com.warroom.outbox.OutboxRecord;
import com.warroom.outbox.OutboxStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The outbox's own rules, against DynamoDB Local. */
@ExtendWith(EmbeddedStackExtension.class)
class OutboxStoreTest {

    private static EmbeddedStack stack;
    private static OutboxFixtures fixtures;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
        fixtures = new OutboxFixtures(embedded);
    }

    @Test
    void create_storesTheItemPendingWithItsAttributes_andASecondCreateOfTheSameIdCancelsItsTransaction() {
        String order = OutboxFixtures.orderId();
        String id = fixtures.paid(order);

        Map<String, AttributeValue> item = stack.dynamoDb().getItem(b -> b.tableName("warroom-outbox")
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
        assertThat(item.get("kind").s()).isEqualTo("payment.success");
        assertThat(item.get("orderId").s()).isEqualTo(order);
        assertThat(item.get("userId").s()).isEqualTo("user-" + order);
        assertThat(item.get("email").s()).isEqualTo(OutboxFixtures.email(order));
        assertThat(item).doesNotContainKeys("phone", "lastError");
        assertThat(item.get("facts").m()).containsEntry("amount", AttributeValue.fromS("150000.00"));
        assertThat(item.get("status").s()).isEqualTo("PENDING");
        assertThat(item.get("attempts").n()).isEqualTo("0");
        assertThat(item.get("channel").s()).isEqualTo("email");
        assertThat(item.get("createdAt").s()).isEqualTo(item.get("updatedAt").s());

        assertThatThrownBy(() -> fixtures.paid(order)).isInstanceOf(TransactionCanceledException.class);
        assertThat(fixtures.stored(id).delivery().version()).isEqualTo(1);
    }

    @Test
    void forOrder_listsTheOrdersNotificationsAsTheOrderViewShowsThem() {
        String order = OutboxFixtures.orderId();
        String paid = fixtures.paid(order);
        fixtures.create(new Notification(NotificationKind.PAYMENT_REMINDER, order, "user-" + order, Optional.empty(),
                Optional.of("+6281234567890"), Map.of()));

        List<OutboxItem> items = fixtures.outbox().forOrder(order);

        assertThat(items).extracting(OutboxItem::id).containsExactly(paid, NotificationKind.PAYMENT_REMINDER.idFor(order));
        assertThat(items).extracting(OutboxItem::status).containsOnly("PENDING");
        assertThat(fixtures.outbox().forOrder(OutboxFixtures.orderId())).isEmpty();
    }

    @Test
    void writes_areConditionalOnTheStateTheyWereDecidedFrom() {
        String id = fixtures.paid(OutboxFixtures.orderId());
        OutboxRecord seen = fixtures.stored(id);

        OutboxRecord claimed = fixtures.outbox().claim(seen, DeliveryChannel.EMAIL).orElseThrow();
        assertThat(fixtures.outbox().claim(seen, DeliveryChannel.EMAIL)).as("a second claim from the same read").isEmpty();
        assertThat(fixtures.outbox().settle(seen, OutboxStatus.SENT, Optional.empty())).as("a settle from a stale read").isEmpty();
        assertThat(claimed.delivery().attempts()).isEqualTo(1);
        assertThat(claimed.delivery().version()).isEqualTo(2);
        assertThatThrownBy(() -> fixtures.outbox().requeue(claimed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(id + " is SENDING, not FAILED");
        OutboxRecord failed = fixtures.outbox().settle(claimed, OutboxStatus.FAILED, Optional.of("x".repeat(2_000))).orElseThrow();
        assertThat(failed.delivery().lastError().orElseThrow()).as("a long error is shortened").hasSize(OutboxRecord.MAX_ERROR_LENGTH);
    }
}
