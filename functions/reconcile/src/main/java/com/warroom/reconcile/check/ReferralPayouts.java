package com.warroom.reconcile.check;

import com.warroom.ledger.LedgerItems;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Referral payouts against referral claims, per user and asset: the REFERRAL_CLAIM payouts that are not FAILED or
 * CANCELLED add up to at most what the user claimed ({@code referral_owed:<userId>}, the sum of their ReferralClaimed
 * events). Paying out more than was claimed is HIGH, escalate; claimed and not yet paid out is normal. A payout made
 * less than {@link #CLAIM_AGE_LIMIT} ago may be ahead of its claim event still in the queue (LOW).
 */
final class ReferralPayouts extends TallyCheck {

    static final String NAME = "referral-payouts";
    /** How long a referral payout may be ahead of its ReferralClaimed event (the platform events queue's retries). */
    static final Duration CLAIM_AGE_LIMIT = Duration.ofMinutes(15);
    private static final String OWED = "referral_owed:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.PAYOUTS, Topology.LEDGER_BALANCES);
    }

    @Override
    void fold(TableDef table, Map<String, AttributeValue> item, Tally into) {
        if (table.equals(Topology.PAYOUTS)) {
            Payout payout = Payout.SCHEMA.mapToItem(item);
            boolean ended = payout.state().map(s -> s == PayoutStatus.FAILED || s == PayoutStatus.CANCELLED).orElse(false);
            if (payout.payoutId() == null || ended || !PayoutKind.REFERRAL_CLAIM.name().equals(payout.request().kind())) {
                return;
            }
            String subject = payout.request().userId() + " " + payout.request().amount().currency();
            into.add(subject, "paid", payout.request().amount().minor());
            into.max(subject, "newestPayout", payout.times().createdAt().toEpochMilli());
            into.text(subject, "asset", payout.request().amount().currency());
            return;
        }
        LedgerItems.balance(item).filter(b -> b.account().startsWith(OWED)).ifPresent(balance -> {
            String subject = balance.account().substring(OWED.length()) + " " + balance.currency();
            into.add(subject, "claimed", balance.minor());
            into.text(subject, "asset", balance.currency());
        });
    }

    @Override
    List<FindingDraft> compare(Tally merged, RunContext run) {
        List<FindingDraft> findings = new ArrayList<>();
        for (String subject : merged.subjects("")) {
            String asset = merged.text(subject, "asset").orElseThrow();
            long paid = merged.sum(subject, "paid");
            long claimed = merged.sum(subject, "claimed");
            if (paid <= claimed) {
                continue;
            }
            long newest = merged.max(subject, "newestPayout").orElse(0);
            boolean recent = run.startedAt().toEpochMilli() - newest < CLAIM_AGE_LIMIT.toMillis();
            Risk risk = recent ? Risk.LOW : Risk.HIGH;
            findings.add(new FindingDraft(NAME, subject,
                    "referral payouts of at most the claims (referral_owed): " + Mismatch.amount(asset, claimed),
                    "referral payouts not failed or cancelled: " + Mismatch.amount(asset, paid)
                            + (recent ? " (the newest less than " + CLAIM_AGE_LIMIT.toMinutes() + " minutes old)" : ""),
                    Mismatch.difference(asset, claimed, paid), risk, Mismatch.actionFor(risk), runbook()));
        }
        return findings;
    }
}
