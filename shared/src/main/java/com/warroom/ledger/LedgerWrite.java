package com.warroom.ledger;

import com.warroom.money.Money;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/** What posting one journal entry takes, as {@link Ledger#prepare} found the accounts it touches. */
public sealed interface LedgerWrite {

    /**
     * Put these in the same {@code TransactWriteItems} as the change that causes the entry: the journal item (only if
     * absent), each account's next chained line (only if absent) and each account's re-sealed balance (only if it is
     * still the balance that was read). A refused condition means another posting came first: prepare again.
     */
    record Writes(JournalEntry entry, List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes) implements LedgerWrite {
        public Writes {
            writes = List.copyOf(writes);
        }
    }

    /** The entry's id is already in the journal: nothing to write (the same business event, posted before). */
    record AlreadyPosted(String entryId) implements LedgerWrite {
    }

    /** The entry would take a non-negative account below zero: nothing may be written. */
    record Overdrawn(AccountId account, Money balanceAfter) implements LedgerWrite {
    }
}
