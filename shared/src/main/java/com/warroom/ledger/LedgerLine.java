package com.warroom.ledger;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One posting as its account saw it, item {@code line#<account>#<currency>} / {@code seq} (1, 2, ...) of the entries
 * table: the amount, the balance after it, and a hash over all of it and the previous line's hash, so each account's
 * lines form a chain whose newest hash the sealed balance names.
 */
record LedgerLine(String key, long seq, String account, String currency, String entryId, String cause, String at,
                  long minor, long balanceAfter, String prevHash, String hash) {

    static final String PREFIX = "line#";
    private static final String DOMAIN = "warroom.ledger-line.v1";

    /** The next line of {@code key}'s chain, hashed. */
    static LedgerLine next(BalanceKey key, long seq, JournalEntry entry, long minor, long balanceAfter, String prevHash) {
        LedgerLine unhashed = new LedgerLine(key.linePartition(), seq, key.account().value(), key.currency(), entry.id(),
                entry.cause(), entry.at().toString(), minor, balanceAfter, prevHash, null);
        return unhashed.withHash(unhashed.computedHash());
    }

    /** The hash of this line's fields as stored; equal to {@link #hash} unless the line was changed. */
    String computedHash() {
        return LedgerHash.of(List.of(DOMAIN, key, Long.toString(seq), account, currency, nullable(entryId), nullable(cause),
                nullable(at), Long.toString(minor), Long.toString(balanceAfter), nullable(prevHash)));
    }

    private LedgerLine withHash(String hash) {
        return new LedgerLine(key, seq, account, currency, entryId, cause, at, minor, balanceAfter, prevHash, hash);
    }

    static Key key(BalanceKey key, long seq) {
        return Key.builder().partitionValue(key.linePartition()).sortValue(seq).build();
    }

    private static String nullable(String value) {
        return value == null ? "-" : "=" + value;
    }

    static final TableSchema<LedgerLine> SCHEMA = StaticImmutableTableSchema.builder(LedgerLine.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("key").getter(LedgerLine::key).setter(Builder::key).tags(primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("seq").getter(LedgerLine::seq).setter(Builder::seq).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("account").getter(LedgerLine::account).setter(Builder::account))
            .addAttribute(String.class, a -> a.name("currency").getter(LedgerLine::currency).setter(Builder::currency))
            .addAttribute(String.class, a -> a.name("entryId").getter(LedgerLine::entryId).setter(Builder::entryId))
            .addAttribute(String.class, a -> a.name("cause").getter(LedgerLine::cause).setter(Builder::cause))
            .addAttribute(String.class, a -> a.name("at").getter(LedgerLine::at).setter(Builder::at))
            .addAttribute(Long.class, a -> a.name("minor").getter(LedgerLine::minor).setter(Builder::minor))
            .addAttribute(Long.class, a -> a.name("balanceAfter").getter(LedgerLine::balanceAfter).setter(Builder::balanceAfter))
            .addAttribute(String.class, a -> a.name("prevHash").getter(LedgerLine::prevHash).setter(Builder::prevHash))
            .addAttribute(String.class, a -> a.name("hash").getter(LedgerLine::hash).setter(Builder::hash))
            .build();

    /** The enhanced client's way to build an immutable item. */
    static final class Builder {
        private String key;
        private long seq;
        private String account;
        private String currency;
        private String entryId;
        private String cause;
        private String at;
        private long minor;
        private long balanceAfter;
        private String prevHash;
        private String hash;

        Builder key(String v) { key = v; return this; }
        Builder seq(Long v) { seq = v == null ? 0 : v; return this; }
        Builder account(String v) { account = v; return this; }
        Builder currency(String v) { currency = v; return this; }
        Builder entryId(String v) { entryId = v; return this; }
        Builder cause(String v) { cause = v; return this; }
        Builder at(String v) { at = v; return this; }
        Builder minor(Long v) { minor = v == null ? 0 : v; return this; }
        Builder balanceAfter(Long v) { balanceAfter = v == null ? 0 : v; return this; }
        Builder prevHash(String v) { prevHash = v; return this; }
        Builder hash(String v) { hash = v; return this; }

        LedgerLine build() {
            return new LedgerLine(key, seq, account, currency, entryId, cause, at, minor, balanceAfter, prevHash, hash);
        }
    }
}
