package com.warroom.ledger;

/**
 * {@link Ledger#post} lost the race for the same balances more times than it may try: nothing was written by it, and
 * the caller may try again later (a queue consumer lets the message come back).
 */
public final class LedgerContention extends RuntimeException {

    public LedgerContention(String entryId, int attempts) {
        super("journal entry " + entryId + " was not posted: other postings to its accounts came first " + attempts + " times");
    }
}
