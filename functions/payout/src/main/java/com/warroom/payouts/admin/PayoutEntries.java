package com.warroom.payouts.admin;

import com.warroom.ledger.Ledger;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The journal entries a payout has in the ledger, for the view of one payout: its holds and releases, and its payment. */
final class PayoutEntries {

    /** The submissions whose entries are looked for, newest first: a payout retried more often than this is an incident anyway. */
    static final int SUBMISSIONS_SHOWN = 25;

    private final Ledger ledger;

    PayoutEntries(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Ids of the posted entries of the payout, oldest submission first and the payment last (one strongly consistent read). */
    List<String> of(Payout payout) {
        List<String> candidates = new ArrayList<>();
        int newest = Math.max(1, payout.progress().submission());
        for (int submission = Math.max(1, newest - SUBMISSIONS_SHOWN + 1); submission <= newest; submission++) {
            candidates.add(PayoutJournal.holdId(payout.payoutId(), submission));
            candidates.add(PayoutJournal.releaseId(payout.payoutId(), submission));
        }
        candidates.add(PayoutJournal.paidId(payout.payoutId()));
        Set<String> posted = ledger.posted(candidates);
        return candidates.stream().filter(posted::contains).toList();
    }
}
