package com.warroom.idempotency;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The mark that a queue consumer acted on a message, kept in the idempotency table under
 * {@code message#<consumer>#<businessId>} until {@code expiresAt} (epoch seconds, the table's TTL attribute).
 */
public record ProcessedMessage(String key, String consumer, String businessId, String processedAt, long expiresAt) {

    static final String ITEM_PREFIX = "message#";

    public static final TableSchema<ProcessedMessage> SCHEMA = StaticImmutableTableSchema.builder(ProcessedMessage.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("key").getter(ProcessedMessage::key).setter(Builder::key).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("consumer").getter(ProcessedMessage::consumer).setter(Builder::consumer))
            .addAttribute(String.class, a -> a.name("businessId").getter(ProcessedMessage::businessId).setter(Builder::businessId))
            .addAttribute(String.class, a -> a.name("processedAt").getter(ProcessedMessage::processedAt).setter(Builder::processedAt))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(ProcessedMessage::expiresAt).setter(Builder::expiresAt))
            .build();

    static String itemKey(String consumer, String businessId) {
        // a '#' in the consumer's name would let two different pairs share a key
        if (consumer.isBlank() || consumer.contains("#") || businessId.isBlank()) {
            throw new IllegalArgumentException("a consumer name without '#' and a business id are required");
        }
        return ITEM_PREFIX + consumer + "#" + businessId;
    }

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String key;
        private String consumer;
        private String businessId;
        private String processedAt;
        private long expiresAt;

        public Builder key(String v) { key = v; return this; }
        public Builder consumer(String v) { consumer = v; return this; }
        public Builder businessId(String v) { businessId = v; return this; }
        public Builder processedAt(String v) { processedAt = v; return this; }
        public Builder expiresAt(Long v) { expiresAt = v == null ? 0 : v; return this; }

        public ProcessedMessage build() {
            return new ProcessedMessage(key, consumer, businessId, processedAt, expiresAt);
        }
    }
}
