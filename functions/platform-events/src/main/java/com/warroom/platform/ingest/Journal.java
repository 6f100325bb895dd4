package com.warroom.platform.ingest;

import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.LedgerWrite;

/** The ledger as an event's transaction uses it: {@link com.warroom.ledger.Ledger#prepare}. */
@FunctionalInterface
public interface Journal {

    /** @throws com.warroom.ledger.LedgerTampered when a balance the entry touches fails its seal */
    LedgerWrite prepare(JournalEntry entry);
}
