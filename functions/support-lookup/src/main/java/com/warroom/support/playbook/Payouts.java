package com.warroom.support.playbook;

import com.warroom.support.playbook.Facts.Block;
import com.warroom.support.playbook.Facts.PayoutFact;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** What the payout and kill-switch cases read alike: a payout's trouble, its placeholder values, a block's values. */
final class Payouts {

    static final Set<String> PAYOUT_PLACEHOLDERS = Set.of("userId", "payoutId", "amount", "status", "railStatus", "reason",
            "age", "txHash", "destination");
    static final Set<String> BLOCK_PLACEHOLDERS = Set.of("userId", "flag", "blockScope", "blockReason", "blockedSince");

    /** The kill switch every payout passes, whatever its kind. */
    static final String PAYOUT_FLAG = "payout";

    private static final Set<String> OPEN = Set.of("REQUESTED", "HELD", "SUBMITTING", "SUBMITTED", "RETRY_SCHEDULED", "QUARANTINED");

    private Payouts() {
    }

    /** Not yet CONFIRMED, FAILED or CANCELLED: the ledger still holds it. */
    static boolean open(PayoutFact payout) {
        return OPEN.contains(payout.status());
    }

    /**
     * A FAILED payout the user no longer waits for: a later payout of the same kind and amount was CONFIRMED (the
     * platform asked again after the failure).
     */
    static boolean superseded(PayoutFact failed, List<PayoutFact> all) {
        return all.stream().anyMatch(p -> p != failed && p.kind().equals(failed.kind()) && p.amount().equals(failed.amount())
                && p.status().equals("CONFIRMED") && p.createdAt().isAfter(failed.createdAt()));
    }

    /** The user's payouts of a kind, longest in their status first (the one the user has waited for longest). */
    static List<PayoutFact> ofKind(Facts facts, String kind) {
        return facts.payouts().stream().filter(p -> p.kind().equals(kind))
                .sorted(Comparator.comparing(PayoutFact::updatedAt)).toList();
    }

    static Values values(Facts facts, PayoutFact payout) {
        Values values = new Values()
                .put("userId", facts.user().userId())
                .put("payoutId", payout.payoutId())
                .put("status", payout.status())
                .put("destination", payout.destinationAddress());
        Wording.money(values, "amount", payout.amount());
        Wording.orNoneYet(values, "railStatus", payout.railStatus());
        Wording.orNoneYet(values, "txHash", payout.txHash());
        payout.reason().filter(r -> !r.isBlank()).ifPresentOrElse(r -> values.put("reason", r), () -> values.put("reason", "none"));
        return Wording.age(values, "age", Duration.between(payout.updatedAt(), facts.now()));
    }

    static Values values(Facts facts, Block block) {
        Values values = new Values()
                .put("userId", facts.user().userId())
                .put("flag", block.flag())
                .put("blockScope", block.scope())
                .put("blockReason", block.reason().isBlank() ? "none given" : block.reason());
        return values.put("blockedSince", block.since().map(Wording::time).orElse("unknown"));
    }

    /**
     * Blocks of the flow's own switch, then of {@code payout} when the user has an open payout of the kind it stops.
     */
    static List<Block> blocking(Facts facts, String flowFlag, String kind) {
        boolean openPayout = facts.payouts().stream().anyMatch(p -> p.kind().equals(kind) && open(p));
        return facts.blocks().stream()
                .filter(b -> b.flag().equals(flowFlag) || (openPayout && b.flag().equals(PAYOUT_FLAG)))
                .sorted(Comparator.comparing((Block b) -> !b.flag().equals(flowFlag)))
                .toList();
    }
}
