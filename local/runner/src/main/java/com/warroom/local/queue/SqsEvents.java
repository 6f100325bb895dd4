package com.warroom.local.queue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The event Lambda's SQS event source hands a function for a batch of received messages. */
final class SqsEvents {

    static final String EVENT_SOURCE = "aws:sqs";

    private SqsEvents() {
    }

    static SQSEvent of(List<Message> batch, QueueEndpoint queue) {
        SQSEvent event = new SQSEvent();
        event.setRecords(batch.stream().map(message -> record(message, queue)).toList());
        return event;
    }

    private static SQSEvent.SQSMessage record(Message message, QueueEndpoint queue) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        // SQS's own names: ApproximateReceiveCount, SentTimestamp, SenderId, ApproximateFirstReceiveTimestamp, ...
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
        record.setMessageAttributes(attributes);
        record.setEventSource(EVENT_SOURCE);
        record.setEventSourceArn(queue.arn());
        record.setAwsRegion(queue.region());
        return record;
    }

    // Lambda sends both list fields, empty, whatever the attribute's type
    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        attribute.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
        attribute.setStringListValues(List.copyOf(value.stringListValues()));
        attribute.setBinaryListValues(value.binaryListValues().stream().map(SdkBytes::asByteBuffer).map(ByteBuffer::asReadOnlyBuffer).toList());
        return attribute;
    }
}
