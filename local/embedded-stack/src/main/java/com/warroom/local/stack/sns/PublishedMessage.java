package com.warroom.local.stack.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** One message published to a local topic. */
public record PublishedMessage(String messageId, String topicArn, Optional<String> subject, String message,
                               Map<String, MessageAttribute> attributes, Instant timestamp) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SNS_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public PublishedMessage {
        attributes = Map.copyOf(attributes);
    }

    /**
     * The body an SQS queue subscribed to the topic receives (SNS's notification document, without raw message
     * delivery; the signature fields are left out since nothing signs locally).
     */
    public String notificationJson() {
        ObjectNode body = JSON.createObjectNode();
        body.put("Type", "Notification");
        body.put("MessageId", messageId);
        body.put("TopicArn", topicArn);
        subject.ifPresent(s -> body.put("Subject", s));
        body.put("Message", message);
        body.put("Timestamp", SNS_TIMESTAMP.format(timestamp));
        if (!attributes.isEmpty()) {
            ObjectNode all = body.putObject("MessageAttributes");
            attributes.forEach((name, attribute) -> all.putObject(name)
                    .put("Type", attribute.dataType())
                    .put("Value", attribute.value()));
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
