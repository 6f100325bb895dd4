package com.warroom.outbox;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One OUTBOX item as stored: the notification (kind, subject, user, contacts, facts) and its delivery (status, attempts,
 * last error, channel). The subject's id is stored under the attribute its kind names ({@code orderId} for an order's
 * notifications, as always; {@code ticketId} for a ticket's). {@code version} grows by one with every write, so that each change is conditional on the
 * state it was decided from. Made by {@link Outbox}; changed only through its methods.
 */
public record OutboxRecord(String id, NotificationKind kind, String subjectId, String userId, Optional<String> email,
                           Optional<String> phone, Map<String, String> facts, Delivery delivery) {

    /** Where delivery stands; {@code updatedAt} moves with every change of it. */
    public record Delivery(OutboxStatus status, int attempts, Optional<String> lastError, DeliveryChannel channel,
                           Instant createdAt, Instant updatedAt, long version) {
        public Delivery {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(lastError, "lastError");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** The longest last error kept: provider messages can be long, and the item is shown in lists. */
    public static final int MAX_ERROR_LENGTH = 500;

    public static final String BY_STATUS = "byStatus";

    public static final TableSchema<OutboxRecord> SCHEMA = StaticImmutableTableSchema.builder(OutboxRecord.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("id").getter(OutboxRecord::id).setter(Builder::id).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("kind").getter(r -> r.kind().wireName()).setter(Builder::kind))
            .addAttribute(String.class, a -> a.name(NotificationKind.Subject.ORDER.field())
                    .getter(r -> r.subjectIdIf(NotificationKind.Subject.ORDER)).setter(Builder::orderId))
            .addAttribute(String.class, a -> a.name(NotificationKind.Subject.TICKET.field())
                    .getter(r -> r.subjectIdIf(NotificationKind.Subject.TICKET)).setter(Builder::ticketId))
            .addAttribute(String.class, a -> a.name("userId").getter(OutboxRecord::userId).setter(Builder::userId))
            .addAttribute(String.class, a -> a.name("email").getter(r -> r.email().orElse(null)).setter(Builder::email))
            .addAttribute(String.class, a -> a.name("phone").getter(r -> r.phone().orElse(null)).setter(Builder::phone))
            .addAttribute(EnhancedType.mapOf(String.class, String.class),
                    a -> a.name("facts").getter(OutboxRecord::facts).setter(Builder::facts))
            .addAttribute(String.class, a -> a.name("status").getter(r -> r.status().name()).setter(Builder::status)
                    .tags(secondaryPartitionKey(BY_STATUS)))
            .addAttribute(Integer.class, a -> a.name("attempts").getter(r -> r.delivery().attempts()).setter(Builder::attempts))
            .addAttribute(String.class, a -> a.name("lastError").getter(r -> r.delivery().lastError().orElse(null)).setter(Builder::lastError))
            .addAttribute(String.class, a -> a.name("channel").getter(r -> r.delivery().channel().wireName()).setter(Builder::channel))
            .addAttribute(String.class, a -> a.name("createdAt").getter(r -> r.delivery().createdAt().toString()).setter(Builder::createdAt)
                    .tags(secondarySortKey(BY_STATUS)))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(r -> r.delivery().updatedAt().toString()).setter(Builder::updatedAt))
            .addAttribute(Long.class, a -> a.name("version").getter(r -> r.delivery().version()).setter(Builder::version))
            .build();

    public OutboxRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        Objects.requireNonNull(delivery, "delivery");
    }

    /** A new notification, PENDING, on the channel its contacts ask for. */
    static OutboxRecord pending(Notification notification, Instant now) {
        return new OutboxRecord(notification.id(), notification.kind(), notification.subjectId(), notification.userId(),
                notification.email(), notification.phone(), notification.facts(),
                new Delivery(OutboxStatus.PENDING, 0, Optional.empty(), DeliveryChannel.preferredFor(notification), now, now, 1));
    }

    public OutboxStatus status() {
        return delivery.status();
    }

    /**
     * Whether a sender may claim it now: PENDING, or SENDING since longer than {@code staleAfter} (the sender's timeout:
     * the invocation that claimed it has ended, by a crash or a timeout, without saying how the sending went).
     */
    public boolean claimable(Instant now, Duration staleAfter) {
        return switch (delivery.status()) {
            case PENDING -> true;
            case SENDING -> delivery.updatedAt().plus(staleAfter).isBefore(now);
            case SENT, FAILED, SUPPRESSED, UNDELIVERABLE -> false;
        };
    }

    /** The order this notification is about, when it is about one. */
    public Optional<String> orderId() {
        return Optional.ofNullable(subjectIdIf(NotificationKind.Subject.ORDER));
    }

    private String subjectIdIf(NotificationKind.Subject subject) {
        return kind.subject() == subject ? subjectId : null;
    }

    /** What the order view and the outbox list show. */
    public OutboxItem item() {
        return new OutboxItem(id, kind, subjectId, delivery.status().name(), delivery.attempts(), delivery.lastError(),
                delivery.createdAt(), delivery.updatedAt());
    }

    OutboxRecord with(OutboxStatus status, int attempts, Optional<String> lastError, DeliveryChannel channel, Instant now) {
        return new OutboxRecord(id, kind, subjectId, userId, email, phone, facts, new Delivery(status, attempts,
                lastError.map(OutboxRecord::bounded), channel, delivery.createdAt(), now, delivery.version() + 1));
    }

    private static String bounded(String error) {
        String oneLine = error.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_ERROR_LENGTH ? oneLine : oneLine.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String id;
        private NotificationKind kind;
        private String orderId;
        private String ticketId;
        private String userId;
        private String email;
        private String phone;
        private Map<String, String> facts;
        private OutboxStatus status;
        private int attempts;
        private String lastError;
        private String channel;
        private String createdAt;
        private String updatedAt;
        private long version;

        public Builder id(String v) { id = v; return this; }
        public Builder kind(String v) { kind = NotificationKind.fromWire(v).orElseThrow(() -> new IllegalStateException("unknown notification kind " + v)); return this; }
        public Builder orderId(String v) { orderId = v; return this; }
        public Builder ticketId(String v) { ticketId = v; return this; }
        public Builder userId(String v) { userId = v; return this; }
        public Builder email(String v) { email = v; return this; }
        public Builder phone(String v) { phone = v; return this; }
        public Builder facts(Map<String, String> v) { facts = v; return this; }
        public Builder status(String v) { status = OutboxStatus.valueOf(v); return this; }
        public Builder attempts(Integer v) { attempts = v == null ? 0 : v; return this; }
        public Builder lastError(String v) { lastError = v; return this; }
        public Builder channel(String v) { channel = v; return this; }
        public Builder createdAt(String v) { createdAt = v; return this; }
        public Builder updatedAt(String v) { updatedAt = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }

        public OutboxRecord build() {
            String subjectId = kind.subject() == NotificationKind.Subject.ORDER ? orderId : ticketId;
            return new OutboxRecord(id, kind, subjectId, userId, Optional.ofNullable(email), Optional.ofNullable(phone), facts,
                    new Delivery(status, attempts, Optional.ofNullable(lastError), DeliveryChannel.fromWire(channel),
                            Instant.parse(createdAt), Instant.parse(updatedAt), version));
        }
    }
}
