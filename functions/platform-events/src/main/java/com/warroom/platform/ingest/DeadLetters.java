package com.warroom.platform.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The platform-events queue's dead-letter queue, written by the ingest itself for an event that can never be taken in:
 * the original body, unchanged, with the message attribute {@code reason} (and {@code eventId}, {@code detailType} when
 * the body named them), so that a person reads why without the logs.
 */
public final class DeadLetters {

    /** SQS allows far more; a reason is one line a person reads. */
    static final int MAX_REASON = 2000;

    private final SqsClient sqs;
    private final String dlqUrl;

    public DeadLetters(SqsClient sqs, String dlqUrl) {
        this.sqs = sqs;
        this.dlqUrl = dlqUrl;
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException when SQS refuses: the message then fails and comes back */
    public void park(String body, String reason, Optional<String> eventId, Optional<String> detailType) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("reason", text(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
        eventId.ifPresent(id -> attributes.put("eventId", text(id)));
        detailType.ifPresent(type -> attributes.put("detailType", text(type)));
        sqs.sendMessage(b -> b.queueUrl(dlqUrl).messageBody(body == null || body.isEmpty() ? "(empty)" : body)
                .messageAttributes(attributes));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
