package com.warroom.payments;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Sends payment checks to the payment processor through the payment-checks queue. */
public final class PaymentCheckQueue {

    private static final int SQS_BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public PaymentCheckQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** One SendMessage. */
    public void send(PaymentCheck check) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(check.toJson()));
    }

    /**
     * Sends every check, ten per SendMessageBatch.
     *
     * @throws IllegalStateException naming how many were not queued, when SQS refused some
     */
    public void sendAll(List<PaymentCheck> checks) {
        List<String> refused = new ArrayList<>();
        for (int from = 0; from < checks.size(); from += SQS_BATCH) {
            List<PaymentCheck> batch = checks.subList(from, Math.min(checks.size(), from + SQS_BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("c" + i).messageBody(batch.get(i).toJson()).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            response.failed().forEach(f -> refused.add(batch.get(Integer.parseInt(f.id().substring(1))).orderId()
                    + " (" + f.code() + ")"));
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("the payment-checks queue refused " + refused.size() + " of " + checks.size()
                    + " checks: " + refused);
        }
    }
}
