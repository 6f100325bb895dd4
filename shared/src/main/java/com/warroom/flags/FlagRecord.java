package com.warroom.flags;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The stored state of one flag in one scope. {@code version} grows by one with every change;
 * {@code auditSeq} points at the audit entry that made it.
 */
public record FlagRecord(
        String flag,
        String scope,
        boolean enabled,
        String reason,
        String updatedBy,
        String updatedByEmail,
        String updatedAt,
        long version,
        long auditSeq) {

    /** A flag that was never set: enabled, version 0. */
    public static FlagRecord initial(Flag flag, FlagScope scope) {
        return new FlagRecord(flag.key(), scope.key(), true, null, null, null, null, 0, 0);
    }

    public static final TableSchema<FlagRecord> SCHEMA = StaticImmutableTableSchema.builder(FlagRecord.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("flag").getter(FlagRecord::flag).setter(Builder::flag).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("scope").getter(FlagRecord::scope).setter(Builder::scope).tags(primarySortKey()))
            .addAttribute(Boolean.class, a -> a.name("enabled").getter(FlagRecord::enabled).setter(Builder::enabled))
            .addAttribute(String.class, a -> a.name("reason").getter(FlagRecord::reason).setter(Builder::reason))
            .addAttribute(String.class, a -> a.name("updatedBy").getter(FlagRecord::updatedBy).setter(Builder::updatedBy))
            .addAttribute(String.class, a -> a.name("updatedByEmail").getter(FlagRecord::updatedByEmail).setter(Builder::updatedByEmail))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(FlagRecord::updatedAt).setter(Builder::updatedAt))
            .addAttribute(Long.class, a -> a.name("version").getter(FlagRecord::version).setter(Builder::version))
            .addAttribute(Long.class, a -> a.name("auditSeq").getter(FlagRecord::auditSeq).setter(Builder::auditSeq))
            .build();

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String flag;
        private String scope;
        private boolean enabled = true;
        private String reason;
        private String updatedBy;
        private String updatedByEmail;
        private String updatedAt;
        private long version;
        private long auditSeq;

        public Builder flag(String v) { flag = v; return this; }
        public Builder scope(String v) { scope = v; return this; }
        public Builder enabled(Boolean v) { enabled = v == null || v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder updatedBy(String v) { updatedBy = v; return this; }
        public Builder updatedByEmail(String v) { updatedByEmail = v; return this; }
        public Builder updatedAt(String v) { updatedAt = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }
        public Builder auditSeq(Long v) { auditSeq = v == null ? 0 : v; return this; }

        public FlagRecord build() {
            return new FlagRecord(flag, scope, enabled, reason, updatedBy, updatedByEmail, updatedAt, version, auditSeq);
        }
    }
}
