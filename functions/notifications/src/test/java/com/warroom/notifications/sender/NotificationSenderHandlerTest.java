package com.warroom.notifications.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.notifications.OutboxFixtures;
import com.warroom.outbox.Notification;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.OutboxStatus;
import com.warroom.outbox.SqsOutboxDispatch;
import com.warroom.topology.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The handler as Lambda calls it: the sample event, and one message's way to the DLQ through ElasticMQ. */
@ExtendWith(EmbeddedStackExtension.class)
class NotificationSenderHandlerTest {

    private static EmbeddedStack stack;
    private static OutboxFixtures fixtures;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
        fixtures = new OutboxFixtures(embedded);
    }

    @AfterEach
    void accept() {
        stack.localSes().acceptSends();
    }

    @Test
    void sampleEvent_deliversBothItems_andAnswersNoFailures() {
        fixtures.create(new Notification(NotificationKind.PAYMENT_SUCCESS, "O-SAMPLE-1001", "user-1001",
                Optional.of("buyer-1001@buyer.example"), Optional.empty(), OutboxFixtures.FACTS));
        fixtures.create(new Notification(NotificationKind.PAYMENT_SUCCESS, "O-SAMPLE-1002", "user-1002",
                Optional.empty(), Optional.empty(), OutboxFixtures.FACTS));
        SQSEvent event = EventLoader.loadSQSEvent("events/notification-sender/notifications.json");

        SQSBatchResponse response = new NotificationSenderHandler().handleRequest(event, LocalLambdaContext.of("notification-sender", 1024, 30));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(fixtures.stored("payment.success:O-SAMPLE-1001").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(fixtures.stored("payment.success:O-SAMPLE-1002").status()).isEqualTo(OutboxStatus.UNDELIVERABLE);
        assertThat(stack.localSes().sentTo("buyer-1001@buyer.example")).hasSize(1);
    }

    @Test
    void aMessageWhoseSendsAllFail_isMarkedFailedOnItsLastReceive_andLandsInTheDlq() {
        String order = OutboxFixtures.orderId();
        String id = fixtures.paid(order);
        String queue = stack.settings(Topology.warroom()).get(Topology.NOTIFICATIONS.urlEnvVar());
        new SqsOutboxDispatch(stack.sqs(), queue).dispatch(id);
        stack.localSes().refuseSends(500, "InternalFailure", "SES is having a bad day");
        NotificationSenderHandler handler = new NotificationSenderHandler();

        for (int receive = 1; receive <= Topology.NOTIFICATIONS.maxReceiveCount(); receive++) {
            Message message = receiveOurs(queue, id).orElseThrow(() -> new AssertionError("the message is not on the queue"));
            assertThat(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo(Integer.toString(receive));

            SQSBatchResponse response = handler.handleRequest(event(message), LocalLambdaContext.of("notification-sender", 1024, 30));

            assertThat(response.getBatchItemFailures()).as("receive %d is kept for a retry (or the DLQ)", receive)
                    .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly(message.messageId());
            assertThat(fixtures.stored(id).status()).isEqualTo(receive < Topology.NOTIFICATIONS.maxReceiveCount()
                    ? OutboxStatus.PENDING : OutboxStatus.FAILED);
        }

        assertThat(receiveOurs(queue, id)).as("a sixth receive moves it to the DLQ").isEmpty();
        String dlq = stack.sqs().getQueueUrl(b -> b.queueName(Topology.NOTIFICATIONS.localDlqName())).queueUrl();
        assertThat(receiveOurs(dlq, id)).isPresent();
        assertThat(fixtures.stored(id).delivery().attempts()).isEqualTo(5);
        assertThat(fixtures.stored(id).delivery().lastError().orElseThrow()).contains("SES is having a bad day");
    }

    // visible again at once (visibility 0), as if its timeout had passed; other tests' messages are left where they are
    private static Optional<Message> receiveOurs(String queue, String outboxId) {
        List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).visibilityTimeout(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        return messages.stream().filter(m -> m.body().contains("\"" + outboxId + "\"")).findFirst();
    }

    private static SQSEvent event(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        Map<String, String> attributes = new HashMap<>(message.attributesAsStrings());
        record.setAttributes(attributes);
        record.setEventSource("aws:sqs");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
