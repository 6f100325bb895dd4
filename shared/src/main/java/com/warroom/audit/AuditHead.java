package com.warroom.audit;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.warroom.seal.CanonicalBytes;
import com.warroom.seal.Seal;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The sealed head of the audit chain: the seq and hash of its newest entry and a MAC over both, replaced in the
 * same transaction as every append. A hash chain alone cannot show that its newest entries were cut off or
 * rewritten with recomputed hashes; a chain that does not end exactly at a head with a valid MAC can.
 * It lives in its own partition ({@value #PARTITION}, seq 0), outside the chain and its indexes.
 */
public record AuditHead(String chain, long seq, long headSeq, String headHash, String mac, String keyId, String at) {

    public static final String PARTITION = AuditLog.MAIN_CHAIN + "#head";
    public static final Key KEY = Key.builder().partitionValue(PARTITION).sortValue(0).build();
    private static final String DOMAIN = "warroom.audit-head.v1";

    public static AuditHead of(long headSeq, String headHash, Seal seal, String at) {
        return new AuditHead(PARTITION, 0, headSeq, headHash, seal.mac(), seal.keyId(), at);
    }

    /** The bytes the head's MAC covers. */
    public static byte[] canonical(long headSeq, String headHash) {
        return CanonicalBytes.of(DOMAIN, AuditLog.MAIN_CHAIN, Long.toString(headSeq), headHash == null ? "" : headHash);
    }

    public byte[] canonical() {
        return canonical(headSeq, headHash);
    }

    public Seal seal() {
        return new Seal(mac == null ? "" : mac, keyId == null ? "" : keyId);
    }

    public static final TableSchema<AuditHead> SCHEMA = StaticImmutableTableSchema.builder(AuditHead.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("chain").getter(AuditHead::chain).setter(Builder::chain).tags(primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("seq").getter(AuditHead::seq).setter(Builder::seq).tags(primarySortKey()))
            .addAttribute(Long.class, a -> a.name("headSeq").getter(AuditHead::headSeq).setter(Builder::headSeq))
            .addAttribute(String.class, a -> a.name("headHash").getter(AuditHead::headHash).setter(Builder::headHash))
            .addAttribute(String.class, a -> a.name("mac").getter(AuditHead::mac).setter(Builder::mac))
            .addAttribute(String.class, a -> a.name("keyId").getter(AuditHead::keyId).setter(Builder::keyId))
            .addAttribute(String.class, a -> a.name("at").getter(AuditHead::at).setter(Builder::at))
            .build();

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String chain;
        private long seq;
        private long headSeq;
        private String headHash;
        private String mac;
        private String keyId;
        private String at;

        public Builder chain(String v) { chain = v; return this; }
        public Builder seq(Long v) { seq = v == null ? 0 : v; return this; }
        public Builder headSeq(Long v) { headSeq = v == null ? 0 : v; return this; }
        public Builder headHash(String v) { headHash = v; return this; }
        public Builder mac(String v) { mac = v; return this; }
        public Builder keyId(String v) { keyId = v; return this; }
        public Builder at(String v) { at = v; return this; }

        public AuditHead build() {
            return new AuditHead(chain, seq, headSeq, headHash, mac, keyId, at);
        }
    }
}
