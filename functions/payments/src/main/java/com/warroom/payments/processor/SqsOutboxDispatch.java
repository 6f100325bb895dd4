package com.warroom.payments.processor;

import com.warroom.json.Json;
import com.warroom.outbox.OutboxDispatch;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Hands an outbox item to the notification sender: one {@code {"outboxId": "..."}} message on the notifications queue. */
public final class SqsOutboxDispatch implements OutboxDispatch {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsOutboxDispatch(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void dispatch(String outboxId) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(Map.of("outboxId", outboxId))));
    }
}
