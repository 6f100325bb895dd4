package com.warroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.observability.OpsMetrics;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a queue consumer over one SQS batch inside the {@link Envelope}: each message under its own correlation id, and
 * a message that fails (an exception) is named in the partial batch response so that it alone comes back after the
 * visibility timeout and, after the queue's max receive count, lands in the dead-letter queue.
 */
public final class QueueBatch {

    /** Counted for each message a consumer could not handle. */
    public static final String MESSAGE_FAILED_METRIC = "QueueMessageFailed";

    private static final Logger LOG = LoggerFactory.getLogger(QueueBatch.class);

    /** The work for one message. */
    @FunctionalInterface
    public interface MessageHandler {
        void handle(SQSEvent.SQSMessage message);
    }

    private QueueBatch() {
    }

    public static SQSBatchResponse process(SQSEvent event, Context context, MessageHandler handler) {
        List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        return Envelope.answering(context, Envelope.requestId(context, "local"), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : messages) {
                boolean handled = Envelope.correlated(message.getMessageId(), () -> {
                    try {
                        handler.handle(message);
                        return true;
                    } catch (RuntimeException e) {
                        LOG.error("message {} failed (receive {})", message.getMessageId(), receiveCount(message), e);
                        OpsMetrics.count(MESSAGE_FAILED_METRIC);
                        return false;
                    }
                });
                if (!handled) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        }, e -> failAll(messages));
    }

    private static SQSBatchResponse failAll(List<SQSEvent.SQSMessage> messages) {
        return SQSBatchResponse.builder().withBatchItemFailures(messages.stream()
                .map(m -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build())
                .toList()).build();
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? "?" : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
    }
}
