package com.warroom.config;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One stored config version: the whole config as canonical JSON ({@link SeedConfigJson#canonical}),
 * its SHA-256, who made it and from what ({@code source}: {@code seed:<file>} or {@code approval:<id>}),
 * and the audit entry that recorded it. Written once with {@code attribute_not_exists}, never updated.
 */
public record ConfigSnapshot(
        String kind,
        long version,
        String config,
        String configHash,
        String source,
        String createdBy,
        String createdByEmail,
        String createdAt,
        long auditSeq) {

    /** The partition every snapshot lives in, so the newest is one descending query away. */
    public static final String KIND = "snapshot";

    public static final TableSchema<ConfigSnapshot> SCHEMA = StaticImmutableTableSchema.builder(ConfigSnapshot.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("kind").getter(ConfigSnapshot::kind).setter(Builder::kind).tags(primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("version").getter(ConfigSnapshot::version).setter(Builder::version).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("config").getter(ConfigSnapshot::config).setter(Builder::config))
            .addAttribute(String.class, a -> a.name("configHash").getter(ConfigSnapshot::configHash).setter(Builder::configHash))
            .addAttribute(String.class, a -> a.name("source").getter(ConfigSnapshot::source).setter(Builder::source))
            .addAttribute(String.class, a -> a.name("createdBy").getter(ConfigSnapshot::createdBy).setter(Builder::createdBy))
            .addAttribute(String.class, a -> a.name("createdByEmail").getter(ConfigSnapshot::createdByEmail).setter(Builder::createdByEmail))
            .addAttribute(String.class, a -> a.name("createdAt").getter(ConfigSnapshot::createdAt).setter(Builder::createdAt))
            .addAttribute(Long.class, a -> a.name("auditSeq").getter(ConfigSnapshot::auditSeq).setter(Builder::auditSeq))
            .build();

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String kind;
        private long version;
        private String config;
        private String configHash;
        private String source;
        private String createdBy;
        private String createdByEmail;
        private String createdAt;
        private long auditSeq;

        public Builder kind(String v) { kind = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }
        public Builder config(String v) { config = v; return this; }
        public Builder configHash(String v) { configHash = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder createdBy(String v) { createdBy = v; return this; }
        public Builder createdByEmail(String v) { createdByEmail = v; return this; }
        public Builder createdAt(String v) { createdAt = v; return this; }
        public Builder auditSeq(Long v) { auditSeq = v == null ? 0 : v; return this; }

        public ConfigSnapshot build() {
            return new ConfigSnapshot(kind, version, config, configHash, source, createdBy, createdByEmail, createdAt, auditSeq);
        }
    }
}
