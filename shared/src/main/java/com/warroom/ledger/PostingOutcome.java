package com.warroom.ledger;

import com.warroom.money.Money;

/** How {@link Ledger#post} ended. */
public sealed interface PostingOutcome {

    record Posted(JournalEntry entry) implements PostingOutcome {
    }

    /** The entry's id was already in the journal; nothing was written. */
    record AlreadyPosted(String entryId) implements PostingOutcome {
    }

    /** Refused: the entry would take a non-negative account below zero; nothing was written. */
    record Overdrawn(AccountId account, Money balanceAfter) implements PostingOutcome {
    }
}
