package com.warroom.payments;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;

import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One item of the append-only payment events table, in the partition of its order: a Midtrans notification as received
 * ({@code kind} notification, {@code raw} the body) or a check with Midtrans's get-status API ({@code kind} check,
 * {@code check} a JSON text saying what Midtrans answered and what was applied). Written once, never updated.
 */
public record PaymentEvent(String orderId, String eventKey, String kind, String at, String raw, String check, String transactionId) {

    public static final String NOTIFICATION = "notification";
    public static final String CHECK = "check";
    /** The prefix of a check's key: {@code check:<eventKey>} or {@code check:reconcile:<time>}. */
    public static final String CHECK_PREFIX = "check:";
    /** The index of notifications by Midtrans's {@code transaction_id} (a check has none). */
    public static final String BY_TRANSACTION = "byTransaction";

    public PaymentEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(eventKey, "eventKey");
    }

    public static PaymentEvent notification(MidtransNotification notification, Instant receivedAt) {
        return new PaymentEvent(notification.orderId(), notification.eventKey(), NOTIFICATION, SortableTime.format(receivedAt),
                notification.raw(), null, notification.transactionId().orElse(null));
    }

    public static PaymentEvent check(String orderId, String checkKey, Instant at, String checkJson) {
        return new PaymentEvent(orderId, checkKey, CHECK, SortableTime.format(at), null, checkJson, null);
    }

    public boolean isNotification() {
        return NOTIFICATION.equals(kind);
    }

    public boolean isCheck() {
        return CHECK.equals(kind);
    }

    public static final TableSchema<PaymentEvent> SCHEMA = StaticImmutableTableSchema.builder(PaymentEvent.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("orderId").getter(PaymentEvent::orderId).setter(Builder::orderId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("eventKey").getter(PaymentEvent::eventKey).setter(Builder::eventKey).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("kind").getter(PaymentEvent::kind).setter(Builder::kind))
            .addAttribute(String.class, a -> a.name("at").getter(PaymentEvent::at).setter(Builder::at))
            .addAttribute(String.class, a -> a.name("raw").getter(PaymentEvent::raw).setter(Builder::raw))
            .addAttribute(String.class, a -> a.name("check").getter(PaymentEvent::check).setter(Builder::check))
            .addAttribute(String.class, a -> a.name("transactionId").getter(PaymentEvent::transactionId).setter(Builder::transactionId)
                    .tags(secondaryPartitionKey(BY_TRANSACTION)))
            .build();

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String orderId;
        private String eventKey;
        private String kind;
        private String at;
        private String raw;
        private String check;
        private String transactionId;

        public Builder orderId(String v) { orderId = v; return this; }
        public Builder eventKey(String v) { eventKey = v; return this; }
        public Builder kind(String v) { kind = v; return this; }
        public Builder at(String v) { at = v; return this; }
        public Builder raw(String v) { raw = v; return this; }
        public Builder check(String v) { check = v; return this; }
        public Builder transactionId(String v) { transactionId = v; return this; }

        public PaymentEvent build() {
            return new PaymentEvent(orderId, eventKey, kind, at, raw, check, transactionId);
        }
    }
}
