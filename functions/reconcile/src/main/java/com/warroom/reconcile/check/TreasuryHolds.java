package com.warroom.reconcile.check;

import com.warroom.ledger.LedgerItems;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutStatus;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The treasury against the payouts (refunds included: a refund is a payout of kind REFUND) still to be paid, per chain
 * and asset. Holds: {@code payout_pending:<chain>:<asset>} equals the sum of the amounts of the payouts of that chain
 * and asset in a state that holds funds (every non-final state, {@code PayoutStatus.holdsFunds}) — each is held
 * exactly once, and nothing else is. Cover: {@code treasury:<chain>:<asset>} plus those holds is at least what they
 * owe (so the treasury itself is not below zero). A payout and its hold, release or payment are one transaction, so
 * any difference is a money mismatch, never a timing gap.
 */
final class TreasuryHolds extends TallyCheck {

    static final String NAME = "treasury-holds";
    private static final String TREASURY = "treasury:";
    private static final String PENDING = "payout_pending:";

    private final MismatchThresholds thresholds;

    TreasuryHolds(MismatchThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.LEDGER_BALANCES, Topology.PAYOUTS);
    }

    @Override
    void fold(TableDef table, Map<String, AttributeValue> item, Tally into) {
        if (table.equals(Topology.PAYOUTS)) {
            Payout payout = Payout.SCHEMA.mapToItem(item);
            if (payout.state().map(PayoutStatus::holdsFunds).orElse(false)) {
                String asset = payout.request().amount().currency();
                String subject = payout.destination().chain() + ":" + asset;
                into.add(subject, "owed", payout.request().amount().minor());
                into.add(subject, "payouts", 1);
                into.text(subject, "asset", asset);
            }
            return;
        }
        LedgerItems.balance(item).ifPresent(balance -> {
            String account = balance.account();
            String kind = account.startsWith(TREASURY) ? "treasury" : account.startsWith(PENDING) ? "pending" : null;
            if (kind == null) {
                return;
            }
            String chainAndAsset = account.substring(account.indexOf(':') + 1);
            if (!chainAndAsset.endsWith(":" + balance.currency())) {
                return;
            }
            String subject = chainAndAsset;
            into.add(subject, kind, balance.minor());
            into.text(subject, "asset", balance.currency());
        });
    }

    @Override
    List<FindingDraft> compare(Tally merged, RunContext run) {
        List<FindingDraft> findings = new ArrayList<>();
        for (String chainAndAsset : merged.subjects("")) {
            String asset = merged.text(chainAndAsset, "asset").orElseThrow();
            long owed = merged.sum(chainAndAsset, "owed");
            long pending = merged.sum(chainAndAsset, "pending");
            long treasury = merged.sum(chainAndAsset, "treasury");
            if (pending != owed) {
                findings.add(Mismatch.money(NAME, PENDING + chainAndAsset, new Mismatch.Sides(asset,
                        merged.sum(chainAndAsset, "payouts") + " payout(s) not final", owed, "held in " + PENDING + chainAndAsset, pending),
                        thresholds));
            }
            if (treasury + pending < owed) {
                findings.add(Mismatch.money(NAME, TREASURY + chainAndAsset, new Mismatch.Sides(asset,
                        "payouts not final", owed, TREASURY + chainAndAsset + " + its holds", treasury + pending), thresholds));
            }
        }
        return findings;
    }
}
