package com.warroom.ledger;

import com.warroom.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arithmetic of one posting, apart from any storage: from the balances an entry touches (as verified), either
 * the next line and balance of each, or the first non-negative account it would take below zero.
 */
final class PostingPlan {

    private PostingPlan() {
    }

    sealed interface Outcome {
    }

    /** The entry would take {@code account} to {@code balanceAfter} below zero. */
    record Refused(AccountId account, Money balanceAfter) implements Outcome {
    }

    /** The next line and the next (unsealed) balance of every balance the entry touches, in {@link BalanceKey} order. */
    record Legs(List<Leg> legs) implements Outcome {
        Legs {
            legs = List.copyOf(legs);
        }
    }

    /** One balance's step: what it was ({@code previous}, empty for a new balance), its new line and what it becomes. */
    record Leg(BalanceKey key, Optional<LedgerBalance> previous, LedgerLine line, LedgerBalance next) {
    }

    /** @param current every balance {@code entry} touches, empty where it has none yet */
    static Outcome of(JournalEntry entry, Map<BalanceKey, Optional<LedgerBalance>> current) {
        List<Leg> legs = new ArrayList<>();
        List<Posting> ordered = entry.postings().stream().sorted(Comparator.comparing(BalanceKey::of)).toList();
        for (Posting posting : ordered) {
            BalanceKey key = BalanceKey.of(posting);
            Optional<LedgerBalance> previous = current.get(key);
            if (previous == null) {
                throw new IllegalArgumentException("no standing given for " + key);
            }
            long before = previous.map(LedgerBalance::balance).orElse(0L);
            long after = Math.addExact(before, posting.amount().minor());
            if (key.account().nonNegative() && after < 0) {
                return new Refused(key.account(), new Money(key.currency(), after));
            }
            long seq = previous.map(LedgerBalance::entryCount).orElse(0L) + 1;
            String prevHash = previous.map(LedgerBalance::lastLineHash).orElse(LedgerHash.GENESIS);
            LedgerLine line = LedgerLine.next(key, seq, entry, posting.amount().minor(), after, prevHash);
            legs.add(new Leg(key, previous, line, LedgerBalance.unsealed(key, after, seq, entry.id(), line.hash())));
        }
        return new Legs(legs);
    }
}
