package com.warroom.ledger;

import com.warroom.money.Money;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The oracle the properties check the ledger against, written as plainly as possible: a sum per account and currency,
 * the ids seen, and the rule "refuse what would take a non-negative account below zero".
 */
final class NaiveBalances {

    private final Map<BalanceKey, Long> sums = new HashMap<>();
    private final Set<String> seen = new HashSet<>();

    /** What posting {@code entry} must answer; applies it when it posts. */
    PostingOutcome expect(JournalEntry entry) {
        if (seen.contains(entry.id())) {
            return new PostingOutcome.AlreadyPosted(entry.id());
        }
        Map<BalanceKey, Long> after = new HashMap<>(sums);
        for (Posting p : entry.postings()) {
            after.merge(BalanceKey.of(p), p.amount().minor(), Long::sum);
        }
        for (BalanceKey key : BalanceKey.touchedBy(entry)) {
            long balance = after.get(key);
            if (key.account().nonNegative() && balance < 0) {
                return new PostingOutcome.Overdrawn(key.account(), new Money(key.currency(), balance));
            }
        }
        sums.clear();
        sums.putAll(after);
        seen.add(entry.id());
        return new PostingOutcome.Posted(entry);
    }

    long balance(BalanceKey key) {
        return sums.getOrDefault(key, 0L);
    }

    Map<BalanceKey, Long> sums() {
        return Map.copyOf(sums);
    }
}
