package com.warroom.payments.reviews;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A payment event that was not applied and needs a person. Its id is deterministic ({@code <kind>:<eventKey>}), so a
 * check repeated for the same event records it once. OPEN until someone closes it (the reconcile issue).
 *
 * @param kind a {@link ReviewKind} name
 * @param expected the order's amount, where the review is about an amount
 * @param received what Midtrans said, as Midtrans wrote it
 */
public record PaymentReview(String id, String kind, String orderId, String eventKey, String detail,
                            Optional<Amount> expected, Optional<Amount> received, String state, String createdAt) {

    public static final String OPEN = "OPEN";
    public static final String BY_STATE = "byState";

    /** An amount as text ({@code "150000.00"}) and its currency. */
    public record Amount(String amount, String currency) {
    }

    public static String idFor(ReviewKind kind, String eventKey) {
        return kind.name() + ":" + eventKey;
    }

    public static final TableSchema<PaymentReview> SCHEMA = StaticImmutableTableSchema.builder(PaymentReview.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("id").getter(PaymentReview::id).setter(Builder::id).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("kind").getter(PaymentReview::kind).setter(Builder::kind))
            .addAttribute(String.class, a -> a.name("orderId").getter(PaymentReview::orderId).setter(Builder::orderId))
            .addAttribute(String.class, a -> a.name("eventKey").getter(PaymentReview::eventKey).setter(Builder::eventKey))
            .addAttribute(String.class, a -> a.name("detail").getter(PaymentReview::detail).setter(Builder::detail))
            .addAttribute(String.class, a -> a.name("expectedAmount").getter(r -> r.expected().map(Amount::amount).orElse(null))
                    .setter(Builder::expectedAmount))
            .addAttribute(String.class, a -> a.name("expectedCurrency").getter(r -> r.expected().map(Amount::currency).orElse(null))
                    .setter(Builder::expectedCurrency))
            .addAttribute(String.class, a -> a.name("receivedAmount").getter(r -> r.received().map(Amount::amount).orElse(null))
                    .setter(Builder::receivedAmount))
            .addAttribute(String.class, a -> a.name("receivedCurrency").getter(r -> r.received().map(Amount::currency).orElse(null))
                    .setter(Builder::receivedCurrency))
            .addAttribute(String.class, a -> a.name("state").getter(PaymentReview::state).setter(Builder::state)
                    .tags(secondaryPartitionKey(BY_STATE)))
            .addAttribute(String.class, a -> a.name("createdAt").getter(PaymentReview::createdAt).setter(Builder::createdAt)
                    .tags(secondarySortKey(BY_STATE)))
            .build();

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String id;
        private String kind;
        private String orderId;
        private String eventKey;
        private String detail;
        private String expectedAmount;
        private String expectedCurrency;
        private String receivedAmount;
        private String receivedCurrency;
        private String state;
        private String createdAt;

        public Builder id(String v) { id = v; return this; }
        public Builder kind(String v) { kind = v; return this; }
        public Builder orderId(String v) { orderId = v; return this; }
        public Builder eventKey(String v) { eventKey = v; return this; }
        public Builder detail(String v) { detail = v; return this; }
        public Builder expectedAmount(String v) { expectedAmount = v; return this; }
        public Builder expectedCurrency(String v) { expectedCurrency = v; return this; }
        public Builder receivedAmount(String v) { receivedAmount = v; return this; }
        public Builder receivedCurrency(String v) { receivedCurrency = v; return this; }
        public Builder state(String v) { state = v; return this; }
        public Builder createdAt(String v) { createdAt = v; return this; }

        public PaymentReview build() {
            return new PaymentReview(id, kind, orderId, eventKey, detail, amount(expectedAmount, expectedCurrency),
                    amount(receivedAmount, receivedCurrency), state, createdAt);
        }

        private static Optional<Amount> amount(String amount, String currency) {
            return amount == null && currency == null ? Optional.empty() : Optional.of(new Amount(amount, currency));
        }
    }
}
