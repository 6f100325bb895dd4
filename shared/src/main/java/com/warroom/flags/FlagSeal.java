package com.warroom.flags;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.warroom.seal.CanonicalBytes;
import com.warroom.seal.Seal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The one seal item of the flags table (flag and scope {@value #KEY}): a MAC over the canonical list of every
 * flag row, and the seal's {@code version}, which grows by one with every flag change and is covered by the MAC.
 */
public record FlagSeal(String flag, String scope, String mac, String keyId, long version) {

    public static final String KEY = "__seal__";
    private static final String DOMAIN = "warroom.flags.v1";

    public static FlagSeal of(Seal seal, long version) {
        return new FlagSeal(KEY, KEY, seal.mac(), seal.keyId(), version);
    }

    public Seal seal() {
        return new Seal(mac == null ? "" : mac, keyId == null ? "" : keyId);
    }

    /**
     * The bytes a seal at {@code version} covers: the SHA-256 of every row sorted by flag and scope, each with the
     * fields that decide. A digest, because KMS MACs at most 4,096 bytes and the rows outgrow that.
     */
    public static byte[] canonical(long version, Collection<FlagRecord> rows) {
        return canonical(version, rows.size(), rowsDigest(rows));
    }

    /** The bytes a seal covers, from what an anchor keeps of them. */
    public static byte[] canonical(long version, int rowCount, String rowsDigest) {
        return CanonicalBytes.of(DOMAIN, Long.toString(version), Integer.toString(rowCount), rowsDigest);
    }

    /** SHA-256 (hex) of every row sorted by flag and scope, each with the fields that decide. */
    public static String rowsDigest(Collection<FlagRecord> rows) {
        List<String> fields = new ArrayList<>();
        rows.stream().sorted(Comparator.comparing(FlagRecord::flag).thenComparing(FlagRecord::scope)).forEach(r -> {
            fields.add(r.flag());
            fields.add(r.scope());
            fields.add(Boolean.toString(r.enabled()));
            fields.add(nullable(r.reason()));
            fields.add(Long.toString(r.version()));
            fields.add(nullable(r.updatedBy()));
            fields.add(nullable(r.updatedByEmail()));
            fields.add(nullable(r.updatedAt()));
            fields.add(Long.toString(r.auditSeq()));
        });
        return sha256(CanonicalBytes.of(fields));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // a prefix keeps an absent field apart from any text, the empty text included
    private static String nullable(String value) {
        return value == null ? "-" : "=" + value;
    }

    public static final TableSchema<FlagSeal> SCHEMA = StaticImmutableTableSchema.builder(FlagSeal.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("flag").getter(FlagSeal::flag).setter(Builder::flag).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("scope").getter(FlagSeal::scope).setter(Builder::scope).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("mac").getter(FlagSeal::mac).setter(Builder::mac))
            .addAttribute(String.class, a -> a.name("keyId").getter(FlagSeal::keyId).setter(Builder::keyId))
            .addAttribute(Long.class, a -> a.name("version").getter(FlagSeal::version).setter(Builder::version))
            .build();

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String flag;
        private String scope;
        private String mac;
        private String keyId;
        private long version;

        public Builder flag(String v) { flag = v; return this; }
        public Builder scope(String v) { scope = v; return this; }
        public Builder mac(String v) { mac = v; return this; }
        public Builder keyId(String v) { keyId = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }

        public FlagSeal build() {
            return new FlagSeal(flag, scope, mac, keyId, version);
        }
    }
}
