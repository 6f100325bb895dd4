package com.warroom.platform.api;

import software.amazon.awssdk.services.sqs.SqsClient;

/** The platform-events queue, as the HTTP route writes to it: the EventBridge event's JSON as the body, nothing else. */
public final class PlatformEventQueue {

    private final SqsClient sqs;
    private final String url;

    public PlatformEventQueue(SqsClient sqs, String url) {
        this.sqs = sqs;
        this.url = url;
    }

    public void send(String eventJson) {
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(eventJson));
    }
}
