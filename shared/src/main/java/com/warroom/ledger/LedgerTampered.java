package com.warroom.ledger;

/**
 * An account's balance no longer matches its seal, or its chain of lines is broken: someone wrote the ledger tables
 * directly. Postings to the account are refused (nothing is built on a forged balance); counted as {@link #METRIC}.
 */
public final class LedgerTampered extends RuntimeException {

    /** The CloudWatch metric (and alarm) for a refused posting or read of a tampered account. */
    public static final String METRIC = "LedgerTampered";

    private final AccountId account;

    public LedgerTampered(AccountId account, String why) {
        super("ledger account " + account + ": " + why);
        this.account = account;
    }

    public AccountId account() {
        return account;
    }
}
