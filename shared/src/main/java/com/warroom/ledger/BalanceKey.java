package com.warroom.ledger;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** One running balance: an account in one currency (the balances table's key). */
record BalanceKey(AccountId account, String currency) implements Comparable<BalanceKey> {

    private static final Comparator<BalanceKey> ORDER =
            Comparator.comparing((BalanceKey k) -> k.account().value()).thenComparing(BalanceKey::currency);

    BalanceKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
    }

    /** The balances an entry touches, in one fixed order (so every writer lists its writes alike). */
    static List<BalanceKey> touchedBy(JournalEntry entry) {
        return entry.postings().stream().map(BalanceKey::of).distinct().sorted().toList();
    }

    static BalanceKey of(Posting posting) {
        return new BalanceKey(posting.account(), posting.amount().currency());
    }

    /** The partition of this balance's chained lines in the entries table. */
    String linePartition() {
        return LedgerLine.PREFIX + account.value() + "#" + currency;
    }

    @Override
    public int compareTo(BalanceKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return account + " " + currency;
    }
}
