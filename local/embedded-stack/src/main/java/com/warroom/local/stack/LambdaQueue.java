package com.warroom.local.stack;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One queue of the embedded stack as Lambda's event source mapping works it, for tests: batches received as the SQS
 * event Lambda hands a consumer, and the batch's answer settled as Lambda does (the failed messages come back, here at
 * once; the others are deleted).
 */
public final class LambdaQueue {

    private final SqsClient sqs;
    private final String url;
    private final String region;

    public LambdaQueue(SqsClient sqs, String url, String region) {
        this.sqs = sqs;
        this.url = url;
        this.region = region;
    }

    public String url() {
        return url;
    }

    /** Up to ten messages (invisible for {@code visibilitySeconds}), as the SQS event Lambda gives. */
    public SQSEvent receive(int visibilitySeconds) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                .visibilityTimeout(visibilitySeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setMd5OfBody(m.md5OfBody());
            record.setAttributes(m.attributesAsStrings());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(arn);
            record.setAwsRegion(region);
            return record;
        }).toList());
        return event;
    }

    /** Deletes the messages that did not fail; a failed one comes back at once. */
    public void settle(SQSEvent batch, SQSBatchResponse answer) {
        Set<String> failed = new HashSet<>(answer.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        for (SQSEvent.SQSMessage message : batch.getRecords()) {
            if (failed.contains(message.getMessageId())) {
                sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.getReceiptHandle()).visibilityTimeout(0));
            } else {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.getReceiptHandle()));
            }
        }
    }

    /**
     * Hands the visible messages to {@code consumer} batch by batch and settles each answer, until none is visible;
     * answers the number of batches. Delayed messages are left for later.
     */
    public int drainVisible(Function<SQSEvent, SQSBatchResponse> consumer, int maxBatches) {
        int batches = 0;
        while (batches < maxBatches) {
            SQSEvent batch = receive(120);
            if (batch.getRecords().isEmpty()) {
                return batches;
            }
            settle(batch, consumer.apply(batch));
            batches++;
        }
        return batches;
    }

    /** Visible, in flight and delayed messages. */
    public int messages() {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                + Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0"));
    }

    /** Every visible message's body, taken off the queue. */
    public List<String> drainBodies() {
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .visibilityTimeout(60)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message m : messages) {
                bodies.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** Empties the queue, delayed messages included. */
    public void purge() {
        sqs.purgeQueue(b -> b.queueUrl(url));
    }
}
