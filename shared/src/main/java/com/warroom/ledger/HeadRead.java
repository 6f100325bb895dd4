package com.warroom.ledger;

import com.warroom.aws.TransactionRace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Balances and the lines around their heads, with what {@link ChainHead} finds wrong. The two are read one after the
 * other, so a posting committing in between (its line and its balance land together) would look like a line beyond
 * the balance: a break only counts when the balances read again are the ones first read. {@code steady} is false
 * when they kept moving for every try; the breaks then prove nothing.
 */
record HeadRead(Map<BalanceKey, Optional<LedgerBalance>> balances, Map<BalanceKey, String> breaks, boolean steady) {

    private static final long MAX_BACKOFF_MILLIS = 16;

    static HeadRead of(LedgerTables tables, Map<BalanceKey, Optional<LedgerBalance>> first,
                       Supplier<Map<BalanceKey, Optional<LedgerBalance>>> readAgain, int tries) {
        Map<BalanceKey, Optional<LedgerBalance>> balances = first;
        for (int attempt = 1; ; attempt++) {
            Map<BalanceKey, Map<Long, LedgerLine>> heads = tables.headLines(balances);
            Map<BalanceKey, String> breaks = new LinkedHashMap<>();
            for (Map.Entry<BalanceKey, Optional<LedgerBalance>> balance : balances.entrySet()) {
                ChainHead.problem(balance.getValue(), heads.get(balance.getKey()))
                        .ifPresent(why -> breaks.put(balance.getKey(), why));
            }
            if (breaks.isEmpty()) {
                return new HeadRead(balances, breaks, true);
            }
            Map<BalanceKey, Optional<LedgerBalance>> again = readAgain.get();
            if (again.equals(balances)) {
                return new HeadRead(balances, breaks, true);
            }
            if (attempt >= tries) {
                return new HeadRead(again, breaks, false);
            }
            TransactionRace.backOff(attempt, MAX_BACKOFF_MILLIS);
            balances = again;
        }
    }

    /** A break that holds: the balances did not move while they and their lines were read. */
    Optional<Map.Entry<BalanceKey, String>> tampered() {
        return steady ? breaks.entrySet().stream().findFirst() : Optional.empty();
    }
}
