package com.warroom.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message on the payment-checks queue: check this order with Midtrans, because a notification arrived
 * ({@code {"orderId","eventKey","source":"webhook"}}) or because it has been PENDING too long
 * ({@code {"orderId","source":"reconcile"}}).
 */
public record PaymentCheck(String orderId, Optional<String> eventKey, Source source) {

    /** Why the order is checked. */
    public enum Source {
        WEBHOOK("webhook"), RECONCILE("reconcile");

        private final String wireName;

        Source(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Optional<Source> fromWireName(String name) {
            return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
        }
    }

    public PaymentCheck {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(source, "source");
        if (source == Source.WEBHOOK && eventKey.isEmpty()) {
            throw new IllegalArgumentException("a webhook check names its notification's event key");
        }
    }

    public static PaymentCheck webhook(String orderId, String eventKey) {
        return new PaymentCheck(orderId, Optional.of(eventKey), Source.WEBHOOK);
    }

    public static PaymentCheck reconcile(String orderId) {
        return new PaymentCheck(orderId, Optional.empty(), Source.RECONCILE);
    }

    public String toJson() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        eventKey.ifPresent(key -> body.put("eventKey", key));
        body.put("source", source.wireName());
        return Json.write(body);
    }

    /** The check a message body holds, or empty when it is not one (a message no sender of Warroom wrote). */
    public static Optional<PaymentCheck> parse(String body) {
        JsonNode node;
        try {
            node = Json.readTree(body == null ? "" : body);
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String orderId = node.path("orderId").textValue();
        String eventKey = node.path("eventKey").textValue();
        Optional<Source> source = Optional.ofNullable(node.path("source").textValue()).flatMap(Source::fromWireName);
        if (!OrderId.isValid(orderId) || source.isEmpty()) {
            return Optional.empty();
        }
        return switch (source.get()) {
            case WEBHOOK -> EventKey.isNotificationKey(eventKey) ? Optional.of(webhook(orderId, eventKey)) : Optional.empty();
            case RECONCILE -> node.has("eventKey") ? Optional.empty() : Optional.of(reconcile(orderId));
        };
    }
}
