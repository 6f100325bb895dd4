package com.warroom.payments.reviews;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.warroom.seal.Seal;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A payment event that was not applied and needs a person. Its id is deterministic ({@code <kind>:<eventKey>}), so a
 * check repeated for the same event records it once. OPEN (the check failed, a person reviews it) until a two-person
 * {@code SCAN_OVERRIDE} lets it through: OVERRIDDEN_PASS, with the override's evidence and its seal.
 *
 * @param kind a {@link ReviewKind} name
 * @param expected the order's amount, where the review is about an amount
 * @param received what Midtrans said, as Midtrans wrote it
 * @param override the approved override that let it pass, once there is one
 */
public record PaymentReview(String id, String kind, String orderId, String eventKey, String detail,
                            Optional<Amount> expected, Optional<Amount> received, String state, String createdAt,
                            Optional<Override> override) {

    public static final String OPEN = "OPEN";
    /** Let through by a two-person {@code SCAN_OVERRIDE} despite the failed check. */
    public static final String OVERRIDDEN_PASS = "OVERRIDDEN_PASS";
    public static final String BY_STATE = "byState";

    /** A review as a check records it: no override yet. */
    public PaymentReview(String id, String kind, String orderId, String eventKey, String detail,
                         Optional<Amount> expected, Optional<Amount> received, String state, String createdAt) {
        this(id, kind, orderId, eventKey, detail, expected, received, state, createdAt, Optional.empty());
    }

    /** The approved override: its evidence as JSON text (who asked, who approved, the note, when) and its seal. */
    public record Override(String evidence, Seal seal) {
    }

    /** This review let through by {@code override}. */
    public PaymentReview overridden(Override given) {
        return new PaymentReview(id, kind, orderId, eventKey, detail, expected, received, OVERRIDDEN_PASS, createdAt,
                Optional.of(given));
    }

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
            .addAttribute(String.class, a -> a.name("override").getter(r -> r.override().map(Override::evidence).orElse(null))
                    .setter(Builder::override))
            .addAttribute(String.class, a -> a.name("overrideMac").getter(r -> r.override().map(o -> o.seal().mac()).orElse(null))
                    .setter(Builder::overrideMac))
            .addAttribute(String.class, a -> a.name("overrideKeyId").getter(r -> r.override().map(o -> o.seal().keyId()).orElse(null))
                    .setter(Builder::overrideKeyId))
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
        private String override;
        private String overrideMac;
        private String overrideKeyId;

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
        public Builder override(String v) { override = v; return this; }
        public Builder overrideMac(String v) { overrideMac = v; return this; }
        public Builder overrideKeyId(String v) { overrideKeyId = v; return this; }

        public PaymentReview build() {
            return new PaymentReview(id, kind, orderId, eventKey, detail, amount(expectedAmount, expectedCurrency),
                    amount(receivedAmount, receivedCurrency), state, createdAt,
                    override == null ? Optional.empty()
                            : Optional.of(new Override(override, new Seal(String.valueOf(overrideMac), String.valueOf(overrideKeyId)))));
        }

        private static Optional<Amount> amount(String amount, String currency) {
            return amount == null && currency == null ? Optional.empty() : Optional.of(new Amount(amount, currency));
        }
    }
}
