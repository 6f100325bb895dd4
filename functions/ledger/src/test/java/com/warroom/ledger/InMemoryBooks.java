package com.warroom.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger's own arithmetic ({@link PostingPlan}) and chain check ({@link ChainHead}) over maps instead of tables:
 * the model the properties run many sequences through, and that the DynamoDB run is compared with step by step.
 * Balances are kept unsealed (what is sealed is tested on the embedded stack).
 */
final class InMemoryBooks {

    private final Set<String> journal = new HashSet<>();
    private final Map<BalanceKey, LedgerBalance> balances = new LinkedHashMap<>();
    private final Map<BalanceKey, List<LedgerLine>> lines = new HashMap<>();

    PostingOutcome post(JournalEntry entry) {
        if (journal.contains(entry.id())) {
            return new PostingOutcome.AlreadyPosted(entry.id());
        }
        Map<BalanceKey, Optional<LedgerBalance>> current = new HashMap<>();
        for (BalanceKey key : BalanceKey.touchedBy(entry)) {
            Optional<LedgerBalance> balance = Optional.ofNullable(balances.get(key));
            Optional<String> broken = ChainHead.problem(balance, headLines(key, balance));
            if (broken.isPresent()) {
                throw new LedgerTampered(key.account(), broken.get());
            }
            current.put(key, balance);
        }
        return switch (PostingPlan.of(entry, current)) {
            case PostingPlan.Refused refused -> new PostingOutcome.Overdrawn(refused.account(), refused.balanceAfter());
            case PostingPlan.Legs legs -> {
                journal.add(entry.id());
                for (PostingPlan.Leg leg : legs.legs()) {
                    lines.computeIfAbsent(leg.key(), k -> new ArrayList<>()).add(leg.line());
                    balances.put(leg.key(), leg.next());
                }
                yield new PostingOutcome.Posted(entry);
            }
        };
    }

    Map<BalanceKey, LedgerBalance> balances() {
        return Map.copyOf(balances);
    }

    /** Oldest first. */
    List<LedgerLine> lines(BalanceKey key) {
        return List.copyOf(lines.getOrDefault(key, List.of()));
    }

    private Map<Long, LedgerLine> headLines(BalanceKey key, Optional<LedgerBalance> balance) {
        Map<Long, LedgerLine> found = new HashMap<>();
        List<LedgerLine> chain = lines.getOrDefault(key, List.of());
        for (long seq : ChainHead.seqsToRead(balance)) {
            if (seq >= 1 && seq <= chain.size()) {
                found.put(seq, chain.get((int) seq - 1));
            }
        }
        return found;
    }
}
