package com.warroom.ledger;

import com.warroom.seal.Sealer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bench only (reconcile-scale), in the ledger's package so that it builds the items with the ledger's own records: the
 * items {@link Ledger#post} would write for a stream of entries, without its reads and transactions (far too slow for
 * a million entries). Each entry gives its journal item and one hash-chained line per leg, as {@link PostingPlan} makes
 * them; {@link #sealedBalances} gives every balance touched, sealed with the real sealer. Entries come one at a time, in
 * posting order, from one thread.
 */
public final class BenchLedgerItems {

    private record Head(long balance, long entryCount, String lastEntryId, String lastLineHash) {
    }

    private final TreeMap<BalanceKey, Head> heads = new TreeMap<>();

    /** The entries-table items of {@code entry}, posted at {@code postedAt}: its journal item, then its lines. */
    public List<Map<String, AttributeValue>> post(JournalEntry entry, Instant postedAt) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(1 + entry.postings().size());
        items.add(JournalRecord.SCHEMA.itemToMap(JournalRecord.of(entry, postedAt), true));
        for (Posting posting : entry.postings().stream().sorted(Comparator.comparing(BalanceKey::of)).toList()) {
            BalanceKey key = BalanceKey.of(posting);
            Head previous = heads.get(key);
            long after = Math.addExact(previous == null ? 0 : previous.balance(), posting.amount().minor());
            if (key.account().nonNegative() && after < 0) {
                throw new IllegalStateException("the bench's data would overdraw " + key + " with " + entry.id());
            }
            long seq = (previous == null ? 0 : previous.entryCount()) + 1;
            LedgerLine line = LedgerLine.next(key, seq, entry, posting.amount().minor(), after,
                    previous == null ? LedgerHash.GENESIS : previous.lastLineHash());
            items.add(LedgerLine.SCHEMA.itemToMap(line, true));
            heads.put(key, new Head(after, seq, entry.id(), line.hash()));
        }
        return items;
    }

    /** How many balances the entries so far touched. */
    public int balances() {
        return heads.size();
    }

    /** The balances-table items after every entry so far, each sealed as the ledger seals it. */
    public List<Map<String, AttributeValue>> sealedBalances(Sealer sealer) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(heads.size());
        heads.forEach((key, head) -> {
            LedgerBalance unsealed = LedgerBalance.unsealed(key, head.balance(), head.entryCount(), head.lastEntryId(), head.lastLineHash());
            items.add(LedgerBalance.SCHEMA.itemToMap(unsealed.sealedWith(sealer.seal(unsealed.canonical())), true));
        });
        return items;
    }
}
