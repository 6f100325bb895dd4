package com.warroom.local.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.local.Eventually;
import com.warroom.local.lambda.LocalFunction;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The poller against ElasticMQ: what the consumer gets, and which messages are deleted, come back or go to the DLQ. */
@ExtendWith(EmbeddedStackExtension.class)
class QueuePollerTest {

    private static final AtomicInteger QUEUES = new AtomicInteger();
    /** The test queues' visibility timeout: a failed message is back a second later. */
    private static final int VISIBILITY_SECONDS = 1;
    private static final int MAX_RECEIVES = 2;

    private final List<SQSEvent> received = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<QueuePoller> pollers = new ArrayList<>();
    private EmbeddedStack stack;
    private SqsClient sqs;
    private QueueDef queue;
    private String url;
    private String dlqUrl;

    @BeforeEach
    void queueOfItsOwn(EmbeddedStack stack) {
        this.stack = stack;
        this.sqs = stack.sqs();
        int n = QUEUES.incrementAndGet();
        queue = new QueueDef("poller-test-" + n, "WARROOM_QUEUE_POLLER_TEST_" + n + "_URL", VISIBILITY_SECONDS, MAX_RECEIVES);
        Topology topology = Topology.builder().queues(queue).build();
        url = stack.provision(topology).settings(topology).get(queue.urlEnvVar());
        dlqUrl = sqs.getQueueUrl(b -> b.queueName(queue.localDlqName())).queueUrl();
    }

    @AfterEach
    void stopPollers() {
        pollers.forEach(QueuePoller::close);
    }

    @Test
    void poller_whenTheConsumerSucceeds_deletesEveryMessageOnce() throws Exception {
        send("one", "two", "three");

        start(10, (event, call) -> new SQSBatchResponse(List.of()));

        Eventually.await("the queue is empty", () -> messagesIn(url) == 0);
        assertThat(bodies()).containsExactlyInAnyOrder("one", "two", "three");
        assertThat(failures).isEmpty();
    }

    @Test
    void poller_whenTheConsumerNamesAFailure_deletesItsBatchMates_andItReachesTheDlqAfterMaxReceives() throws Exception {
        send("a", "b", "c");

        start(10, (event, call) -> new SQSBatchResponse(event.getRecords().stream().filter(r -> r.getBody().equals("b"))
                .map(r -> new SQSBatchResponse.BatchItemFailure(r.getMessageId())).toList()));

        Eventually.await("b is in the DLQ", () -> messagesIn(dlqUrl) == 1);
        assertThat(received.getFirst().getRecords()).extracting(SQSEvent.SQSMessage::getBody).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(bodies()).as("b came back once after the visibility timeout; a and c were deleted at the first answer")
                .containsExactlyInAnyOrder("a", "b", "c", "b");
        assertThat(records().stream().filter(r -> r.getBody().equals("b")).map(r -> r.getAttributes().get("ApproximateReceiveCount")))
                .containsExactly("1", "2");
        assertThat(messagesIn(url)).isZero();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages())
                .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("b"));
    }

    /** Answers that leave the whole batch on the queue, the first time; the consumer is fine the second time. */
    enum FirstAnswer {
        THROWS, NAMES_A_MESSAGE_NOT_IN_THE_BATCH
    }

    @ParameterizedTest
    @EnumSource(FirstAnswer.class)
    void poller_whenTheConsumerFailsTheWholeBatch_deletesNone_andTheBatchComesBack(FirstAnswer first) throws Exception {
        send("x", "y");

        start(10, (event, call) -> call > 1 ? new SQSBatchResponse(List.of()) : switch (first) {
            case THROWS -> throw new IllegalStateException("the notices topic is down");
            case NAMES_A_MESSAGE_NOT_IN_THE_BATCH -> new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("not-a-message")));
        });

        Eventually.await("the queue is empty", () -> messagesIn(url) == 0);
        assertThat(received.getFirst().getRecords()).hasSize(2);
        assertThat(records()).as("both delivered twice").hasSize(4)
                .extracting(r -> r.getAttributes().get("ApproximateReceiveCount")).containsExactly("1", "1", "2", "2");
        assertThat(failures).containsExactly("test-consumer on a batch of 2 from " + queue.localName() + " (kept for a retry)");
    }

    @Test
    void poller_givesTheConsumerTheEventLambdaSends() throws Exception {
        var sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"flag\":\"contribute\"}").messageAttributes(Map.of(
                "origin", MessageAttributeValue.builder().dataType("String").stringValue("flag-admin").build(),
                "digest", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("abc")).build())));

        start(10, (event, call) -> new SQSBatchResponse(List.of()));

        Eventually.await("a delivery", () -> !received.isEmpty());
        SQSEvent.SQSMessage record = received.getFirst().getRecords().getFirst();
        assertThat(record.getMessageId()).isEqualTo(sent.messageId());
        assertThat(record.getReceiptHandle()).isNotBlank();
        assertThat(record.getBody()).isEqualTo("{\"flag\":\"contribute\"}");
        assertThat(record.getMd5OfBody()).isEqualTo(md5("{\"flag\":\"contribute\"}")).isEqualTo(sent.md5OfMessageBody());
        assertThat(record.getMd5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo("arn:aws:sqs:" + stack.region() + ":000000000000:" + queue.localName());
        assertThat(record.getAwsRegion()).isEqualTo(stack.region());
        assertThat(record.getAttributes()).containsKeys("ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp")
                .containsEntry("ApproximateReceiveCount", "1");
        assertThat(Long.parseLong(record.getAttributes().get("SentTimestamp"))).isPositive();
        SQSEvent.MessageAttribute origin = record.getMessageAttributes().get("origin");
        assertThat(origin.getDataType()).isEqualTo("String");
        assertThat(origin.getStringValue()).isEqualTo("flag-admin");
        assertThat(origin.getStringListValues()).isEmpty();
        assertThat(origin.getBinaryListValues()).isEmpty();
        ByteBuffer digest = record.getMessageAttributes().get("digest").getBinaryValue();
        assertThat(StandardCharsets.UTF_8.decode(digest).toString()).isEqualTo("abc");
    }

    @Test
    void poller_handsTheConsumerAtMostItsBatchSize() throws Exception {
        send("1", "2", "3", "4", "5");

        start(2, (event, call) -> new SQSBatchResponse(List.of()));

        Eventually.await("the queue is empty", () -> messagesIn(url) == 0);
        assertThat(received).allSatisfy(event -> assertThat(event.getRecords()).hasSizeLessThanOrEqualTo(2));
        assertThat(bodies()).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
    }

    @Test
    void close_stopsThePoller() {
        QueuePoller poller = start(10, (event, call) -> new SQSBatchResponse(List.of()));

        poller.close();

        assertThat(poller.running()).isFalse();
    }

    private QueuePoller start(int batchSize, BiFunction<SQSEvent, Integer, SQSBatchResponse> answer) {
        AtomicInteger calls = new AtomicInteger();
        RequestHandler<SQSEvent, SQSBatchResponse> consumer = (event, context) -> {
            received.add(event);
            return answer.apply(event, calls.incrementAndGet());
        };
        FunctionDef function = FunctionDef.builder("test-consumer").module("functions/test").handler("test.Consumer")
                .timeoutSeconds(VISIBILITY_SECONDS).trigger(new Trigger.QueueConsumer(queue, batchSize, Duration.ZERO)).build();
        QueuePoller poller = new QueuePoller(new LocalFunction<>(function, consumer), (Trigger.QueueConsumer) function.trigger(),
                new QueuePoller.QueueConnection(sqs, QueueEndpoint.of(sqs, url, stack.region()), (what, cause) -> failures.add(what)));
        pollers.add(poller);
        return poller.start();
    }

    private void send(String... bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies[i]).build());
        }
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
    }

    private int messagesIn(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private List<SQSEvent.SQSMessage> records() {
        return received.stream().flatMap(event -> event.getRecords().stream()).toList();
    }

    private List<String> bodies() {
        return records().stream().map(SQSEvent.SQSMessage::getBody).toList();
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
