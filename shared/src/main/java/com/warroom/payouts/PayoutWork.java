package com.warroom.payouts;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The payouts queue: a message names a payout for the worker to move on ({@code {"payoutId":"..."}}), now or after a
 * delay (at most SQS's 15 minutes). A message is only a nudge: the worker reads the payout and does what its state asks,
 * so a duplicate or a stale message changes nothing.
 */
public final class PayoutWork {

    /** SQS's longest message delay. */
    public static final int MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;

    public PayoutWork(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void nudge(String payoutId) {
        nudgeAfter(payoutId, 0);
    }

    /** Queues the payout for the worker after {@code delaySeconds} (clamped to 0..900). */
    public void nudgeAfter(String payoutId, long delaySeconds) {
        int delay = (int) Math.max(0, Math.min(MAX_DELAY_SECONDS, delaySeconds));
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body(payoutId)).delaySeconds(delay));
    }

    public static String body(String payoutId) {
        return Json.mapper().createObjectNode().put("payoutId", payoutId).toString();
    }

    /** The payout id a message names, or empty for a message that is not one of these. */
    public static Optional<String> payoutId(String body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            return Optional.ofNullable(node == null ? null : node.path("payoutId").textValue()).filter(Payout::isValidId);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
