package com.warroom.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The balances one {@link Ledger} sealed itself or found valid, newest per key: a balance read again unchanged needs
 * no VerifyMac (its MAC is the one KMS made or checked for exactly these fields). Bounded, least recently used out.
 */
final class TrustedBalances {

    private final Map<BalanceKey, LedgerBalance> byKey;

    TrustedBalances(int capacity) {
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BalanceKey, LedgerBalance> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean vouchFor(BalanceKey key, LedgerBalance balance) {
        return balance.equals(byKey.get(key));
    }

    synchronized void trust(BalanceKey key, LedgerBalance balance) {
        byKey.put(key, balance);
    }
}
