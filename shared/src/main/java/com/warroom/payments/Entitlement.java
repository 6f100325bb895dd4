package com.warroom.payments;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A user's access to an item, granted by the PAID transition of {@code orderId} and revoked when that order is refunded
 * in full. One per user and item: access bought twice is one entitlement.
 */
public record Entitlement(String userId, String item, String orderId, String grantedAt, Optional<String> revokedAt) {

    public boolean active() {
        return revokedAt.isEmpty();
    }

    public static final TableSchema<Entitlement> SCHEMA = StaticImmutableTableSchema.builder(Entitlement.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("userId").getter(Entitlement::userId).setter(Builder::userId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("item").getter(Entitlement::item).setter(Builder::item).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("orderId").getter(Entitlement::orderId).setter(Builder::orderId))
            .addAttribute(String.class, a -> a.name("grantedAt").getter(Entitlement::grantedAt).setter(Builder::grantedAt))
            .addAttribute(String.class, a -> a.name("revokedAt").getter(e -> e.revokedAt().orElse(null)).setter(Builder::revokedAt))
            .build();

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String userId;
        private String item;
        private String orderId;
        private String grantedAt;
        private String revokedAt;

        public Builder userId(String v) { userId = v; return this; }
        public Builder item(String v) { item = v; return this; }
        public Builder orderId(String v) { orderId = v; return this; }
        public Builder grantedAt(String v) { grantedAt = v; return this; }
        public Builder revokedAt(String v) { revokedAt = v; return this; }

        public Entitlement build() {
            return new Entitlement(userId, item, orderId, grantedAt, Optional.ofNullable(revokedAt));
        }
    }
}
