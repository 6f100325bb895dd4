package com.warroom.reconcile.check;

import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutStatus;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Double payouts: two payouts or more for the same user, kind and reference that are not both FAILED or CANCELLED. A
 * payout's id is its request's Idempotency-Key, so a second one is another request for the same thing: it must never
 * exist. HIGH, escalate, whatever their states.
 */
final class DoublePayout extends TallyCheck {

    static final String NAME = "double-payout";
    private static final String IDS = "payouts";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.PAYOUTS);
    }

    @Override
    void fold(TableDef table, Map<String, AttributeValue> item, Tally into) {
        Payout payout = Payout.SCHEMA.mapToItem(item);
        if (payout.payoutId() == null || ended(payout)) {
            return;
        }
        Payout.Request request = payout.request();
        into.member(request.userId() + " " + request.kind() + " " + request.reference(), IDS,
                payout.payoutId() + " (" + payout.progress().status() + ", " + Mismatch.amount(request.amount().currency(),
                        request.amount().minor()) + ")");
    }

    private static boolean ended(Payout payout) {
        return payout.state().map(s -> s == PayoutStatus.FAILED || s == PayoutStatus.CANCELLED).orElse(false);
    }

    @Override
    List<FindingDraft> compare(Tally merged, RunContext run) {
        List<FindingDraft> findings = new ArrayList<>();
        for (String subject : merged.subjects("")) {
            Set<String> payouts = merged.members(subject, IDS);
            if (payouts.size() > 1) {
                findings.add(new FindingDraft(NAME, subject, "at most one payout not FAILED or CANCELLED for this user, kind and reference",
                        payouts.size() + " payouts: " + String.join("; ", payouts), (payouts.size() - 1) + " payout(s) too many",
                        Risk.HIGH, Action.ESCALATE, runbook()));
            }
        }
        return findings;
    }
}
