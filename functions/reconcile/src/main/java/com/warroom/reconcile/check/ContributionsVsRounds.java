package com.warroom.reconcile.check;

import com.warroom.ledger.LedgerItems;
import com.warroom.money.DecimalAmount;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Contributions against the round totals, per round and asset. The ledger's {@code round_raised:<roundId>} (the sum of
 * ContributionConfirmed minus RefundIssued) must equal the rounds table's {@code total#<asset>} raised minus refunded,
 * and {@code refunds_paid:<roundId>} its refunded; the round's {@code contributor#} items must number the contributors
 * its totals counted. A finalized round's total raised must be what was contributed (the ledger's
 * {@code round_raised + refunds_paid}: refunds are their own events) and its contributor count the contributor items.
 * Ledger and round totals are written in one transaction per event, so there is no timing gap to wait out.
 */
final class ContributionsVsRounds extends TallyCheck {

    static final String NAME = "contributions-vs-rounds";
    private static final String RAISED = "round_raised:";
    private static final String REFUNDS = "refunds_paid:";
    private static final String TOTAL_ITEM = "total#";
    private static final String CONTRIBUTOR_ITEM = "contributor#";
    private static final String FINALIZED_ITEM = "finalized";
    private static final String REFUND_EVENT = "RefundIssued";
    private static final String REFUNDS_SEEN = "refunds";

    private final MismatchThresholds thresholds;

    ContributionsVsRounds(MismatchThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.LEDGER_BALANCES, Topology.ROUNDS, Topology.PLATFORM_EVENTS);
    }

    @Override
    void fold(TableDef table, Map<String, AttributeValue> item, Tally into) {
        if (table.equals(Topology.LEDGER_BALANCES)) {
            LedgerItems.balance(item).ifPresent(balance -> {
                String account = balance.account();
                if (account.startsWith(RAISED)) {
                    String round = account.substring(RAISED.length());
                    into.add(asset(round, balance.currency()), "ledgerNet", balance.minor());
                    into.text("round " + round, "asset:" + balance.currency(), balance.currency());
                } else if (account.startsWith(REFUNDS)) {
                    String round = account.substring(REFUNDS.length());
                    into.add(asset(round, balance.currency()), "ledgerRefunded", balance.minor());
                    into.text("round " + round, "asset:" + balance.currency(), balance.currency());
                }
            });
            return;
        }
        if (table.equals(Topology.PLATFORM_EVENTS)) {
            foldRefund(item, into);
            return;
        }
        String round = Items.text(item, "roundId").orElse(null);
        String kind = Items.text(item, "item").orElse("");
        if (round == null) {
            return;
        }
        String subject = "round " + round;
        if (kind.startsWith(TOTAL_ITEM)) {
            String asset = kind.substring(TOTAL_ITEM.length());
            into.add(asset(round, asset), "raised", Items.number(item, "raisedMinor").orElse(0));
            into.add(asset(round, asset), "refunded", Items.number(item, "refundedMinor").orElse(0));
            into.add(subject, "contributorsCounted", Items.number(item, "contributors").orElse(0));
            into.text(subject, "asset:" + asset, asset);
        } else if (kind.startsWith(CONTRIBUTOR_ITEM)) {
            into.add(subject, "contributorItems", 1);
        } else if (kind.equals(FINALIZED_ITEM)) {
            into.add(subject, "finalized", 1);
            into.add(subject, "finalTotal", Items.number(item, "totalRaisedMinor").orElse(0));
            into.add(subject, "finalContributors", Items.number(item, "contributorCount").orElse(0));
            Items.text(item, "asset").ifPresent(asset -> into.text(subject, "finalAsset", asset));
            Items.instant(item, "finalizedAt").ifPresent(at -> into.max(subject, "finalizedAt", at));
        }
    }

    // each refund with its time, to tell the refunds before a round's finalization from the ones after
    private static void foldRefund(Map<String, AttributeValue> item, Tally into) {
        if (!Items.text(item, "type").filter(REFUND_EVENT::equals).isPresent()) {
            return;
        }
        Items.json(item, "detail").ifPresent(detail -> {
            String asset = detail.path("asset").asText("");
            if (detail.path("roundId").isTextual() && DecimalAmount.parsePositiveAsset(detail.path("amount").asText(""), asset)
                    instanceof DecimalAmount.Parsed.Valid valid) {
                into.member("round " + detail.get("roundId").textValue(), REFUNDS_SEEN, Items.instant(item, "occurredAt").orElse(0)
                        + " " + asset + " " + valid.money().minor() + " " + Items.text(item, "eventId").orElse(""));
            }
        });
    }

    private static long refundedUpTo(Tally merged, String subject, String asset, long until) {
        long refunded = 0;
        for (String refund : merged.members(subject, REFUNDS_SEEN)) {
            String[] parts = refund.split(" ");
            if (Long.parseLong(parts[0]) <= until && parts[1].equals(asset)) {
                refunded += Long.parseLong(parts[2]);
            }
        }
        return refunded;
    }

    private static String asset(String round, String asset) {
        return "round " + round + " " + asset;
    }

    @Override
    List<FindingDraft> compare(Tally merged, RunContext run) {
        List<FindingDraft> findings = new ArrayList<>();
        for (String subject : merged.subjects("round ")) {
            // "round <id>" for the round, "round <id> <asset>" for its totals per asset
            if (subject.indexOf(' ', "round ".length()) < 0) {
                compareRound(merged, subject.substring("round ".length()), findings);
            }
        }
        return findings;
    }

    private void compareRound(Tally merged, String round, List<FindingDraft> findings) {
        String subject = "round " + round;
        List<String> assets = merged.subjects(subject + " ").stream().map(s -> s.substring(subject.length() + 1)).toList();
        for (String asset : assets) {
            String perAsset = asset(round, asset);
            long net = merged.sum(perAsset, "raised") - merged.sum(perAsset, "refunded");
            long ledgerNet = merged.sum(perAsset, "ledgerNet");
            if (net != ledgerNet) {
                findings.add(Mismatch.money(NAME, perAsset + " raised", new Mismatch.Sides(asset,
                        "rounds total#" + asset + " raised − refunded", net, "ledger " + RAISED + round, ledgerNet), thresholds));
            }
            long refunded = merged.sum(perAsset, "refunded");
            long ledgerRefunded = merged.sum(perAsset, "ledgerRefunded");
            if (refunded != ledgerRefunded) {
                findings.add(Mismatch.money(NAME, perAsset + " refunded", new Mismatch.Sides(asset,
                        "rounds total#" + asset + " refunded", refunded, "ledger " + REFUNDS + round, ledgerRefunded), thresholds));
            }
        }
        long counted = merged.sum(subject, "contributorsCounted");
        long items = merged.sum(subject, "contributorItems");
        if (counted != items) {
            findings.add(count(subject + " contributors", "contributors counted in the round's totals: " + counted,
                    "contributor items: " + items, items - counted));
        }
        if (merged.sum(subject, "finalized") > 0) {
            String asset = merged.text(subject, "finalAsset").orElse(Mismatch.NO_CURRENCY);
            String perAsset = asset(round, asset);
            long contributed = merged.sum(perAsset, "ledgerNet") + merged.sum(perAsset, "ledgerRefunded");
            long raised = contributed - refundedUpTo(merged, subject, asset, merged.max(subject, "finalizedAt").orElse(Long.MAX_VALUE));
            long finalTotal = merged.sum(subject, "finalTotal");
            if (finalTotal != raised) {
                findings.add(Mismatch.money(NAME, subject + " finalized total", new Mismatch.Sides(asset,
                        "RoundFinalized totalRaised", finalTotal, "contributed in the ledger (" + RAISED + round + " + " + REFUNDS
                        + round + ") minus the refunds issued up to the finalization", raised), thresholds));
            }
            long finalContributors = merged.sum(subject, "finalContributors");
            if (finalContributors != items) {
                findings.add(count(subject + " finalized contributors", "RoundFinalized contributorCount: " + finalContributors,
                        "contributor items: " + items, items - finalContributors));
            }
        }
    }

    private FindingDraft count(String subject, String expected, String actual, long difference) {
        return new FindingDraft(NAME, subject, expected, actual, (difference > 0 ? "+" : "") + difference + " contributor(s)",
                Risk.MEDIUM, Action.MANUAL_REVIEW, runbook());
    }
}
