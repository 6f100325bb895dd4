package com.warroom.payouts.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.ledger.Ledger;
import com.warroom.observability.OpsMetrics;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutView;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a payout for the API: checked against its seal, with the ids of its ledger entries that are posted (the hold and
 * release of each submission so far, and the payment).
 */
final class PayoutReader {

    private static final Logger LOG = LoggerFactory.getLogger(PayoutReader.class);

    private final PayoutStore payouts;
    private final PayoutSeal seal;
    private final Ledger ledger;
    private final Clock clock;

    PayoutReader(PayoutStore payouts, PayoutSeal seal, Ledger ledger, Clock clock) {
        this.payouts = payouts;
        this.seal = seal;
        this.ledger = ledger;
        this.clock = clock;
    }

    Optional<ObjectNode> view(String payoutId) {
        return payouts.find(payoutId).map(this::view);
    }

    /** @throws SealingUnavailable when the seal cannot be checked (the caller may retry) */
    ObjectNode view(Payout payout) {
        boolean intact = switch (seal.verify(payout)) {
            case Verification.Valid valid -> true;
            case Verification.Invalid invalid -> {
                OpsMetrics.count(PayoutSeal.TAMPERED_METRIC);
                LOG.error("payout {} does not match its seal: shown as such (README runbook: Payout seal broken)", payout.payoutId());
                yield false;
            }
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        };
        return PayoutView.of(payout, intact, clock.instant(), Optional.of(ledgerEntries(payout)));
    }

    /** The entry ids a payout can have, in the order they happen, kept when posted. */
    private List<String> ledgerEntries(Payout payout) {
        List<String> candidates = new ArrayList<>();
        // a row edited to a wild submission count must not make the read enormous
        int submissions = Math.max(1, Math.min(payout.progress().submission(), 100));
        for (int submission = 1; submission <= submissions; submission++) {
            candidates.add(PayoutJournal.holdId(payout.payoutId(), submission));
            candidates.add(PayoutJournal.releaseId(payout.payoutId(), submission));
        }
        candidates.add(PayoutJournal.paidId(payout.payoutId()));
        Set<String> posted = ledger.posted(candidates);
        return candidates.stream().filter(posted::contains).toList();
    }

    /** Reads only: a payout that does not exist and a journal entry that is not posted. */
    void prime() {
        payouts.find("warroom-priming");
        ledger.posted(List.of(PayoutJournal.holdId("warroom-priming", 1)));
    }
}
