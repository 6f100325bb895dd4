package com.warroom.payments;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.warroom.money.Money;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * What the orders' status index tells of an order waiting to be paid: enough to list it and to ask Midtrans about it,
 * read-only (the payments function owns the order itself, its seal and its changes).
 *
 * @param version the order's version: a re-drive is once per version
 */
public record PendingOrder(String orderId, String userId, Money amount, String status, long version, Instant createdAt) {

    public static final String BY_STATUS = "byStatus";

    /** Reads only the attributes named here from a stored order; the rest of the row is not mapped. */
    public static final TableSchema<PendingOrder> SCHEMA = StaticImmutableTableSchema.builder(PendingOrder.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("orderId").getter(PendingOrder::orderId).setter(Builder::orderId)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("userId").getter(PendingOrder::userId).setter(Builder::userId))
            .addAttribute(Long.class, a -> a.name("amountMinor").getter(o -> o.amount().minor()).setter(Builder::amountMinor))
            .addAttribute(String.class, a -> a.name("currency").getter(o -> o.amount().currency()).setter(Builder::currency))
            .addAttribute(String.class, a -> a.name("status").getter(PendingOrder::status).setter(Builder::status)
                    .tags(secondaryPartitionKey(BY_STATUS)))
            .addAttribute(Long.class, a -> a.name("version").getter(PendingOrder::version).setter(Builder::version))
            .addAttribute(String.class, a -> a.name("createdAt").getter(o -> SortableTime.format(o.createdAt()))
                    .setter(Builder::createdAt).tags(secondarySortKey(BY_STATUS)))
            .build();

    /** The enhanced client's way to build one from a row; a row edited outside Warroom reads as what it holds, never an error. */
    public static final class Builder {
        private String orderId;
        private String userId;
        private Long amountMinor;
        private String currency;
        private String status;
        private long version;
        private String createdAt;

        public Builder orderId(String v) { orderId = v; return this; }
        public Builder userId(String v) { userId = v; return this; }
        public Builder amountMinor(Long v) { amountMinor = v; return this; }
        public Builder currency(String v) { currency = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }
        public Builder createdAt(String v) { createdAt = v; return this; }

        public PendingOrder build() {
            // ISO 4217's "no currency" for a stored currency that is not one, as the orders function reads it
            Money amount = new Money(Money.isCurrencyCode(currency) ? currency : "XXX", amountMinor == null ? 0 : amountMinor);
            Instant created;
            try {
                created = createdAt == null ? Instant.EPOCH : Instant.parse(createdAt);
            } catch (DateTimeParseException e) {
                created = Instant.EPOCH;
            }
            return new PendingOrder(orderId, userId == null ? "" : userId, amount, status == null ? "" : status, version, created);
        }
    }
}
