package com.warroom.outbox;

import com.warroom.aws.Settings;
import com.warroom.topology.Topology;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link OutboxDispatch} onto the notifications queue: one SQS message {@code {"outboxId": ...}} per item. */
public final class SqsOutboxDispatch implements OutboxDispatch {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsOutboxDispatch(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Onto the queue named in the topology's {@code WARROOM_QUEUE_NOTIFICATIONS_URL}. */
    public static SqsOutboxDispatch fromSettings(SqsClient sqs) {
        return new SqsOutboxDispatch(sqs, Settings.require(Topology.NOTIFICATIONS.urlEnvVar()));
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException when the message could not be sent */
    @Override
    public void dispatch(String outboxId) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(new OutboxMessage(outboxId).body()));
    }
}
