package com.warroom.local.queue;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A queue as an SQS event names it: its URL for the poller, its ARN and region for the event's source fields. */
public record QueueEndpoint(String url, String arn, String region) {

    /** Asks the queue for its ARN. */
    public static QueueEndpoint of(SqsClient sqs, String url, String region) {
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new QueueEndpoint(url, arn, region);
    }

    /** The queue's name: the last part of its URL. */
    public String name() {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
