package com.warroom.ledger;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.warroom.seal.CanonicalBytes;
import com.warroom.seal.Seal;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One account's running balance in one currency, as the balances table holds it: the sum of its {@code entryCount}
 * lines, the newest line's entry id and hash, and a MAC over all of them. {@code nonNegative} is informational (the
 * ledger takes the rule from the account's kind, never from the table).
 */
record LedgerBalance(String account, String currency, long balance, long entryCount, String lastEntryId,
                     String lastLineHash, boolean nonNegative, String mac, String keyId) {

    private static final String DOMAIN = "warroom.ledger-balance.v1";

    /** The balance after a posting, before it is sealed. */
    static LedgerBalance unsealed(BalanceKey key, long balance, long entryCount, String lastEntryId, String lastLineHash) {
        return new LedgerBalance(key.account().value(), key.currency(), balance, entryCount, lastEntryId, lastLineHash,
                key.account().nonNegative(), null, null);
    }

    LedgerBalance sealedWith(Seal seal) {
        return new LedgerBalance(account, currency, balance, entryCount, lastEntryId, lastLineHash, nonNegative,
                seal.mac(), seal.keyId());
    }

    /** The bytes the MAC covers. */
    byte[] canonical() {
        return CanonicalBytes.of(DOMAIN, account, currency, Long.toString(balance), Long.toString(entryCount),
                nullable(lastEntryId), nullable(lastLineHash));
    }

    Seal seal() {
        return new Seal(mac == null ? "" : mac, keyId == null ? "" : keyId);
    }

    static Key key(BalanceKey key) {
        return Key.builder().partitionValue(key.account().value()).sortValue(key.currency()).build();
    }

    // a prefix keeps an absent field apart from any text, the empty text included
    private static String nullable(String value) {
        return value == null ? "-" : "=" + value;
    }

    static final TableSchema<LedgerBalance> SCHEMA = StaticImmutableTableSchema.builder(LedgerBalance.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("account").getter(LedgerBalance::account).setter(Builder::account).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("currency").getter(LedgerBalance::currency).setter(Builder::currency).tags(primarySortKey()))
            .addAttribute(Long.class, a -> a.name("balance").getter(LedgerBalance::balance).setter(Builder::balance))
            .addAttribute(Long.class, a -> a.name("entryCount").getter(LedgerBalance::entryCount).setter(Builder::entryCount))
            .addAttribute(String.class, a -> a.name("lastEntryId").getter(LedgerBalance::lastEntryId).setter(Builder::lastEntryId))
            .addAttribute(String.class, a -> a.name("lastLineHash").getter(LedgerBalance::lastLineHash).setter(Builder::lastLineHash))
            .addAttribute(Boolean.class, a -> a.name("nonNegative").getter(LedgerBalance::nonNegative).setter(Builder::nonNegative))
            .addAttribute(String.class, a -> a.name("mac").getter(LedgerBalance::mac).setter(Builder::mac))
            .addAttribute(String.class, a -> a.name("keyId").getter(LedgerBalance::keyId).setter(Builder::keyId))
            .build();

    /** The enhanced client's way to build an immutable item. */
    static final class Builder {
        private String account;
        private String currency;
        private long balance;
        private long entryCount;
        private String lastEntryId;
        private String lastLineHash;
        private boolean nonNegative;
        private String mac;
        private String keyId;

        Builder account(String v) { account = v; return this; }
        Builder currency(String v) { currency = v; return this; }
        Builder balance(Long v) { balance = v == null ? 0 : v; return this; }
        Builder entryCount(Long v) { entryCount = v == null ? 0 : v; return this; }
        Builder lastEntryId(String v) { lastEntryId = v; return this; }
        Builder lastLineHash(String v) { lastLineHash = v; return this; }
        Builder nonNegative(Boolean v) { nonNegative = v != null && v; return this; }
        Builder mac(String v) { mac = v; return this; }
        Builder keyId(String v) { keyId = v; return this; }

        LedgerBalance build() {
            return new LedgerBalance(account, currency, balance, entryCount, lastEntryId, lastLineHash, nonNegative, mac, keyId);
        }
    }
}
