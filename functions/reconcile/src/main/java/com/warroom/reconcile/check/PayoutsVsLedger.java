package com.warroom.reconcile.check;

import com.warroom.ledger.LedgerItems;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutStatus;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Payouts CONFIRMED against the ledger's money-out entries: each CONFIRMED payout has its {@code payout-paid:<id>}
 * entry moving exactly its amount to {@code payout_paid:<chain>:<asset>}, and no payout that is not CONFIRMED (or
 * does not exist) has one. The worker writes the status and the entry in one transaction, so a CONFIRMED payout
 * without its entry is a gap only for {@link #CONFIRMED_AGE_LIMIT} (LOW); after that, and every other difference, is
 * a money mismatch.
 */
final class PayoutsVsLedger extends TallyCheck {

    static final String NAME = "payouts-vs-ledger";
    /** How long a CONFIRMED payout may be seen without its paid entry before it is more than a timing gap. */
    static final Duration CONFIRMED_AGE_LIMIT = Duration.ofMinutes(10);
    private static final String PAID_PREFIX = "payout-paid:";
    private static final String MONEY_OUT = "payout_paid:";

    private final MismatchThresholds thresholds;

    PayoutsVsLedger(MismatchThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.PAYOUTS, Topology.LEDGER_ENTRIES);
    }

    @Override
    void fold(TableDef table, Map<String, AttributeValue> item, Tally into) {
        if (table.equals(Topology.PAYOUTS)) {
            Payout payout = Payout.SCHEMA.mapToItem(item);
            if (payout.payoutId() == null) {
                return;
            }
            String subject = payout.payoutId();
            into.add(subject, "payout", 1);
            into.add(subject, "amount", payout.request().amount().minor());
            into.text(subject, "asset", payout.request().amount().currency());
            into.text(subject, "status", payout.progress().status());
            into.max(subject, "updatedAt", payout.times().updatedAt().toEpochMilli());
            return;
        }
        LedgerItems.journalId(item).filter(id -> id.startsWith(PAID_PREFIX)).flatMap(id -> LedgerItems.journal(item)).ifPresent(journal -> {
            String subject = journal.entryId().substring(PAID_PREFIX.length());
            into.add(subject, "entry", 1);
            for (LedgerItems.Leg leg : journal.legs()) {
                if (leg.account().startsWith(MONEY_OUT)) {
                    into.add(subject, "paid", leg.minor());
                    into.text(subject, "paidAsset", leg.currency());
                }
            }
        });
    }

    @Override
    List<FindingDraft> compare(Tally merged, RunContext run) {
        List<FindingDraft> findings = new ArrayList<>();
        for (String payoutId : merged.subjects("")) {
            boolean confirmed = merged.text(payoutId, "status").filter(PayoutStatus.CONFIRMED.name()::equals).isPresent();
            boolean paid = merged.sum(payoutId, "entry") > 0;
            String asset = merged.text(payoutId, "asset").or(() -> merged.text(payoutId, "paidAsset")).orElse(Mismatch.NO_CURRENCY);
            long amount = merged.sum(payoutId, "amount");
            long out = merged.sum(payoutId, "paid");
            if (confirmed && !paid) {
                long updatedAt = merged.max(payoutId, "updatedAt").orElse(0);
                if (run.startedAt().toEpochMilli() - updatedAt < CONFIRMED_AGE_LIMIT.toMillis()) {
                    findings.add(new FindingDraft(NAME, payoutId, "entry payout-paid:" + payoutId + " of " + Mismatch.amount(asset, amount),
                            "none yet (CONFIRMED less than " + CONFIRMED_AGE_LIMIT.toMinutes() + " minutes ago)",
                            Mismatch.difference(asset, amount, 0), Risk.LOW, Action.RETRY, runbook()));
                } else {
                    findings.add(Mismatch.money(NAME, payoutId, new Mismatch.Sides(asset, "CONFIRMED payout", amount,
                            "paid out in the ledger (payout-paid:" + payoutId + ")", 0), thresholds));
                }
            } else if (confirmed && (out != amount || !asset.equals(merged.text(payoutId, "paidAsset").orElse(asset)))) {
                findings.add(Mismatch.money(NAME, payoutId, new Mismatch.Sides(asset, "CONFIRMED payout", amount,
                        "paid out in the ledger (payout-paid:" + payoutId + ")", out), thresholds));
            } else if (!confirmed && paid) {
                String status = merged.sum(payoutId, "payout") > 0
                        ? "a payout in " + merged.text(payoutId, "status").orElse("no status") : "no payout with this id";
                findings.add(Mismatch.money(NAME, payoutId, new Mismatch.Sides(asset, "paid out for " + status, 0,
                        "paid out in the ledger (payout-paid:" + payoutId + ")", out), thresholds));
            }
        }
        return findings;
    }
}
