package com.warroom.payments;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.warroom.money.Money;
import com.warroom.seal.Seal;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * An order the platform expects to be paid, as the orders table holds it. Written by the orders route (PENDING,
 * version 1) and by the payment processor (each change conditional on the status and version it read), each time
 * sealed ({@link OrderSeal}). {@code status} is kept as stored, so that a row edited outside Warroom can still be read
 * and shown as tampered; {@link #state()} is for orders whose seal held.
 *
 * @param refundedMinor how much of the amount has been refunded so far (minor units)
 * @param revenue where the payment went in the ledger; empty until the order is paid
 */
public record Order(
        String orderId,
        String userId,
        String item,
        Money amount,
        String status,
        long version,
        Times times,
        long refundedMinor,
        Optional<Revenue> revenue,
        Customer customer,
        Seal seal) {

    /** When the order was registered, last changed, and paid. */
    public record Times(Instant createdAt, Instant updatedAt, Optional<Instant> paidAt) {
    }

    public static final String BY_STATUS = "byStatus";
    public static final String BY_USER = "byUser";
    public static final String BY_EMAIL = "byEmail";

    /** An email address as the byEmail index keys it. */
    public static String emailKey(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** A new PENDING order, unsealed. */
    public static Order pending(NewOrder order, Instant now) {
        return new Order(order.orderId(), order.userId(), order.item(), order.amount(), OrderStatus.PENDING.name(), 1,
                new Times(now, now, Optional.empty()), 0, Optional.empty(), order.customer(), null);
    }

    /** The order's state; only for an order whose seal held (a sealed order always has a known state). */
    public OrderStatus state() {
        return OrderStatus.parse(status).orElseThrow(() -> new IllegalStateException("order " + orderId + " has status " + status));
    }

    public Order withSeal(Seal next) {
        return new Order(orderId, userId, item, amount, status, version, times, refundedMinor, revenue, customer, next);
    }

    /** The next version of this order in {@code next} state, changed at {@code now}, unsealed. */
    public Order moved(OrderStatus next, Instant now) {
        Times nextTimes = new Times(times.createdAt(), now, next == OrderStatus.PAID ? Optional.of(now) : times.paidAt());
        return new Order(orderId, userId, item, amount, next.name(), version + 1, nextTimes, refundedMinor, revenue, customer, null);
    }

    public Order paid(Revenue route, Instant now) {
        Order moved = moved(OrderStatus.PAID, now);
        return new Order(orderId, userId, item, amount, moved.status, moved.version, moved.times, refundedMinor,
                Optional.of(route), customer, null);
    }

    public Order refunded(OrderStatus next, long cumulativeRefundedMinor, Instant now) {
        Order moved = moved(next, now);
        return new Order(orderId, userId, item, amount, moved.status, moved.version, moved.times, cumulativeRefundedMinor,
                revenue, customer, null);
    }

    /** The same order as another registration would make it: id, user, item, amount and contacts. */
    public boolean sameRegistration(NewOrder other) {
        return orderId.equals(other.orderId()) && userId.equals(other.userId()) && item.equals(other.item())
                && amount.equals(other.amount()) && customer.equals(other.customer());
    }

    public static final TableSchema<Order> SCHEMA = StaticImmutableTableSchema.builder(Order.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("orderId").getter(Order::orderId).setter(Builder::orderId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("userId").getter(Order::userId).setter(Builder::userId)
                    .tags(secondaryPartitionKey(BY_USER)))
            .addAttribute(String.class, a -> a.name("item").getter(Order::item).setter(Builder::item))
            .addAttribute(Long.class, a -> a.name("amountMinor").getter(o -> o.amount().minor()).setter(Builder::amountMinor))
            .addAttribute(String.class, a -> a.name("currency").getter(o -> o.amount().currency()).setter(Builder::currency))
            .addAttribute(String.class, a -> a.name("status").getter(Order::status).setter(Builder::status)
                    .tags(secondaryPartitionKey(BY_STATUS)))
            .addAttribute(Long.class, a -> a.name("version").getter(Order::version).setter(Builder::version))
            .addAttribute(String.class, a -> a.name("createdAt").getter(o -> SortableTime.format(o.times().createdAt())).setter(Builder::createdAt)
                    .tags(secondarySortKey(java.util.List.of(BY_STATUS, BY_USER, BY_EMAIL))))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(o -> SortableTime.format(o.times().updatedAt())).setter(Builder::updatedAt))
            .addAttribute(String.class, a -> a.name("paidAt").getter(o -> o.times().paidAt().map(SortableTime::format).orElse(null))
                    .setter(Builder::paidAt))
            .addAttribute(Long.class, a -> a.name("refundedMinor").getter(Order::refundedMinor).setter(Builder::refundedMinor))
            .addAttribute(String.class, a -> a.name("revenue").getter(o -> o.revenue().map(Revenue::encode).orElse(null))
                    .setter(Builder::revenue))
            .addAttribute(String.class, a -> a.name("customerEmail").getter(o -> o.customer().email().orElse(null))
                    .setter(Builder::customerEmail))
            // written for the byEmail index only (addresses compare without case); read back from customerEmail
            .addAttribute(String.class, a -> a.name("emailKey").getter(o -> o.customer().email().map(Order::emailKey).orElse(null))
                    .setter((b, v) -> { }).tags(secondaryPartitionKey(BY_EMAIL)))
            .addAttribute(String.class, a -> a.name("customerPhone").getter(o -> o.customer().phone().orElse(null))
                    .setter(Builder::customerPhone))
            .addAttribute(String.class, a -> a.name("mac").getter(o -> o.seal() == null ? null : o.seal().mac()).setter(Builder::mac))
            .addAttribute(String.class, a -> a.name("keyId").getter(o -> o.seal() == null ? null : o.seal().keyId()).setter(Builder::keyId))
            .build();

    /**
     * The enhanced client's way to build an order from a stored row. A row edited outside Warroom may have lost
     * attributes: what cannot be read becomes a value that can never verify (see {@link OrderSeal}), never an error.
     */
    public static final class Builder {
        private String orderId;
        private String userId;
        private String item;
        private Long amountMinor;
        private String currency;
        private String status;
        private long version;
        private String createdAt;
        private String updatedAt;
        private String paidAt;
        private long refundedMinor;
        private String revenue;
        private String customerEmail;
        private String customerPhone;
        private String mac;
        private String keyId;

        public Builder orderId(String v) { orderId = v; return this; }
        public Builder userId(String v) { userId = v; return this; }
        public Builder item(String v) { item = v; return this; }
        public Builder amountMinor(Long v) { amountMinor = v; return this; }
        public Builder currency(String v) { currency = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }
        public Builder createdAt(String v) { createdAt = v; return this; }
        public Builder updatedAt(String v) { updatedAt = v; return this; }
        public Builder paidAt(String v) { paidAt = v; return this; }
        public Builder refundedMinor(Long v) { refundedMinor = v == null ? 0 : v; return this; }
        public Builder revenue(String v) { revenue = v; return this; }
        public Builder customerEmail(String v) { customerEmail = v; return this; }
        public Builder customerPhone(String v) { customerPhone = v; return this; }
        public Builder mac(String v) { mac = v; return this; }
        public Builder keyId(String v) { keyId = v; return this; }

        public Order build() {
            Money amount = new Money(Money.isCurrencyCode(currency) ? currency : UNREADABLE_CURRENCY,
                    amountMinor == null ? 0 : amountMinor);
            Times times = new Times(instant(createdAt).orElse(Instant.EPOCH), instant(updatedAt).orElse(Instant.EPOCH),
                    instant(paidAt));
            Seal seal = mac == null || keyId == null ? null : new Seal(mac, keyId);
            return new Order(orderId, userId == null ? "" : userId, item == null ? "" : item, amount, status == null ? "" : status,
                    version, times, refundedMinor, Optional.ofNullable(revenue).flatMap(Revenue::decode),
                    new Customer(Optional.ofNullable(customerEmail), Optional.ofNullable(customerPhone)), seal);
        }

        private static Optional<Instant> instant(String text) {
            try {
                return Optional.ofNullable(text).map(Instant::parse);
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** What an unreadable stored currency reads as: ISO 4217's "no currency", which no order is registered in. */
    static final String UNREADABLE_CURRENCY = "XXX";
}
