package com.warroom.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cheap check of one balance's chain, done before every posting: the newest line is the one at the balance's
 * {@code entryCount}, it hashes to what it says, its hash and entry id and running balance are the ones the (sealed)
 * balance names, and no line lies beyond it. A balance missing while its account has lines fails too. Older lines
 * are not walked here (each line's link to the one before it is checked where a statement reads them).
 */
final class ChainHead {

    private ChainHead() {
    }

    /** The sequence numbers of the lines the check needs: the newest and the one after it; line 1 for a new balance. */
    static List<Long> seqsToRead(Optional<LedgerBalance> balance) {
        return balance.map(b -> List.of(b.entryCount(), b.entryCount() + 1)).orElse(List.of(1L));
    }

    /** Why the balance and its lines disagree, or empty when they agree; {@code lines} by seq, as read. */
    static Optional<String> problem(Optional<LedgerBalance> stored, Map<Long, LedgerLine> lines) {
        if (stored.isEmpty()) {
            return lines.containsKey(1L)
                    ? Optional.of("the balance item is missing while the account has lines")
                    : Optional.empty();
        }
        LedgerBalance balance = stored.get();
        if (balance.entryCount() < 1) {
            return Optional.of("the balance counts " + balance.entryCount() + " lines");
        }
        LedgerLine newest = lines.get(balance.entryCount());
        if (newest == null) {
            return Optional.of("line " + balance.entryCount() + ", the newest by the balance, is missing");
        }
        if (lines.containsKey(balance.entryCount() + 1)) {
            return Optional.of("a line lies beyond the balance's " + balance.entryCount() + " lines");
        }
        if (!Objects.equals(newest.computedHash(), newest.hash())) {
            return Optional.of("line " + newest.seq() + " does not hash to its stored hash");
        }
        if (!Objects.equals(newest.hash(), balance.lastLineHash())) {
            return Optional.of("the balance's last line hash is not the hash of line " + newest.seq());
        }
        if (newest.balanceAfter() != balance.balance() || !Objects.equals(newest.entryId(), balance.lastEntryId())) {
            return Optional.of("the balance does not match line " + newest.seq());
        }
        return Optional.empty();
    }
}
