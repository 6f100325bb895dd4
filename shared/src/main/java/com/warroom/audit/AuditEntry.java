package com.warroom.audit;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One entry of the append-only audit chain. {@code hash} is SHA-256 over the canonical encoding of
 * every other field, {@code prevHash} the hash of the entry before it, so any edit or deletion shows.
 */
public record AuditEntry(
        String chain,
        long seq,
        String id,
        String at,
        String actorSub,
        String actorEmail,
        List<String> actorRoles,
        String action,
        String target,
        String before,
        String after,
        String reason,
        String requestId,
        String sourceIp,
        String prevHash,
        String hash) {

    public AuditEntry {
        actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
    }

    public static final TableSchema<AuditEntry> SCHEMA = StaticImmutableTableSchema.builder(AuditEntry.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("chain").getter(AuditEntry::chain).setter(Builder::chain).tags(primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("seq").getter(AuditEntry::seq).setter(Builder::seq)
                    .tags(primarySortKey(), secondarySortKey("byTarget"), secondarySortKey("byActor")))
            .addAttribute(String.class, a -> a.name("id").getter(AuditEntry::id).setter(Builder::id))
            .addAttribute(String.class, a -> a.name("at").getter(AuditEntry::at).setter(Builder::at))
            .addAttribute(String.class, a -> a.name("actorSub").getter(AuditEntry::actorSub).setter(Builder::actorSub)
                    .tags(secondaryPartitionKey("byActor")))
            .addAttribute(String.class, a -> a.name("actorEmail").getter(AuditEntry::actorEmail).setter(Builder::actorEmail))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("actorRoles").getter(AuditEntry::actorRoles).setter(Builder::actorRoles))
            .addAttribute(String.class, a -> a.name("action").getter(AuditEntry::action).setter(Builder::action))
            .addAttribute(String.class, a -> a.name("target").getter(AuditEntry::target).setter(Builder::target)
                    .tags(secondaryPartitionKey("byTarget")))
            .addAttribute(String.class, a -> a.name("before").getter(AuditEntry::before).setter(Builder::before))
            .addAttribute(String.class, a -> a.name("after").getter(AuditEntry::after).setter(Builder::after))
            .addAttribute(String.class, a -> a.name("reason").getter(AuditEntry::reason).setter(Builder::reason))
            .addAttribute(String.class, a -> a.name("requestId").getter(AuditEntry::requestId).setter(Builder::requestId))
            .addAttribute(String.class, a -> a.name("sourceIp").getter(AuditEntry::sourceIp).setter(Builder::sourceIp))
            .addAttribute(String.class, a -> a.name("prevHash").getter(AuditEntry::prevHash).setter(Builder::prevHash))
            .addAttribute(String.class, a -> a.name("hash").getter(AuditEntry::hash).setter(Builder::hash))
            .build();

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String chain;
        private long seq;
        private String id;
        private String at;
        private String actorSub;
        private String actorEmail;
        private List<String> actorRoles;
        private String action;
        private String target;
        private String before;
        private String after;
        private String reason;
        private String requestId;
        private String sourceIp;
        private String prevHash;
        private String hash;

        public Builder chain(String v) { chain = v; return this; }
        public Builder seq(Long v) { seq = v == null ? 0 : v; return this; }
        public Builder id(String v) { id = v; return this; }
        public Builder at(String v) { at = v; return this; }
        public Builder actorSub(String v) { actorSub = v; return this; }
        public Builder actorEmail(String v) { actorEmail = v; return this; }
        public Builder actorRoles(List<String> v) { actorRoles = v; return this; }
        public Builder action(String v) { action = v; return this; }
        public Builder target(String v) { target = v; return this; }
        public Builder before(String v) { before = v; return this; }
        public Builder after(String v) { after = v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder requestId(String v) { requestId = v; return this; }
        public Builder sourceIp(String v) { sourceIp = v; return this; }
        public Builder prevHash(String v) { prevHash = v; return this; }
        public Builder hash(String v) { hash = v; return this; }

        public AuditEntry build() {
            return new AuditEntry(chain, seq, id, at, actorSub, actorEmail, actorRoles, action, target, before,
                    after, reason, requestId, sourceIp, prevHash, hash);
        }
    }
}
