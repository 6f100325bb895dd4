package com.warroom.reconcile.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.config.FeeRule;
import com.warroom.ledger.LedgerItems;
import com.warroom.money.DecimalAmount;
import com.warroom.money.FeePart;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * FeeCharged events against the ledger's fee accounts: each event's entry {@code platform:<eventId>} takes the amount
 * from {@code fee_clearing:<asset>} and posts exactly the split of the event's fee rule (the config in force,
 * {@code FeeSplitter}) to {@code fees:<ruleId>:<recipient>}. A fee posted to another account, in other parts, or
 * without an event is a money mismatch as large as what was misposted; an event not yet posted is a timing gap for
 * {@link #POSTING_AGE_LIMIT} (the platform events queue's retries), then a mismatch of its whole amount.
 */
final class FeeSplits extends TallyCheck {

    static final String NAME = "fee-splits";
    /** How long a FeeCharged event may wait for its ledger entry (queue retries) before it is more than a timing gap. */
    static final Duration POSTING_AGE_LIMIT = Duration.ofMinutes(15);
    static final String EVENT_TYPE = "FeeCharged";
    private static final String ENTRY_PREFIX = "platform:";
    private static final String CLEARING = "fee_clearing:";
    private static final String FEES = "fees:";
    private static final String LEG = "leg ";

    private final Supplier<Optional<Map<String, FeeRule>>> feeRules;
    private final MismatchThresholds thresholds;

    FeeSplits(Supplier<Optional<Map<String, FeeRule>>> feeRules, MismatchThresholds thresholds) {
        this.feeRules = feeRules;
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.PLATFORM_EVENTS, Topology.LEDGER_ENTRIES);
    }

    @Override
    void fold(TableDef table, Map<String, AttributeValue> item, Tally into) {
        if (table.equals(Topology.PLATFORM_EVENTS)) {
            if (!Items.text(item, "type").filter(EVENT_TYPE::equals).isPresent()) {
                return;
            }
            String eventId = Items.text(item, "eventId").orElseThrow();
            JsonNode detail = Items.json(item, "detail").orElse(null);
            String asset = detail == null ? null : detail.path("asset").asText(null);
            Optional<Long> amount = detail == null || asset == null ? Optional.empty()
                    : DecimalAmount.parsePositiveAsset(detail.path("amount").asText(""), asset) instanceof DecimalAmount.Parsed.Valid v
                    ? Optional.of(v.money().minor()) : Optional.empty();
            into.add(eventId, "event", 1);
            amount.ifPresent(minor -> into.add(eventId, "amount", minor));
            into.text(eventId, "asset", asset);
            into.text(eventId, "rule", detail == null ? null : detail.path("ruleId").asText(null));
            Items.instant(item, "receivedAt").ifPresent(at -> into.max(eventId, "receivedAt", at));
            return;
        }
        LedgerItems.journalId(item).filter(id -> id.startsWith(ENTRY_PREFIX)).flatMap(id -> LedgerItems.journal(item))
                .filter(j -> j.legs().stream().anyMatch(leg -> leg.account().startsWith(CLEARING)))
                .ifPresent(journal -> {
                    String eventId = journal.entryId().substring(ENTRY_PREFIX.length());
                    into.add(eventId, "entry", 1);
                    for (LedgerItems.Leg leg : journal.legs()) {
                        if (leg.account().startsWith(CLEARING)) {
                            into.add(eventId, "cleared", -leg.minor());
                            into.text(eventId, "entryAsset", leg.currency());
                        } else {
                            into.add(eventId, LEG + leg.account(), leg.minor());
                        }
                    }
                });
    }

    @Override
    List<FindingDraft> compare(Tally merged, RunContext run) {
        Map<String, FeeRule> rules = feeRules.get().orElse(Map.of());
        List<FindingDraft> findings = new ArrayList<>();
        for (String eventId : merged.subjects("")) {
            boolean event = merged.sum(eventId, "event") > 0;
            boolean entry = merged.sum(eventId, "entry") > 0;
            String asset = merged.text(eventId, "asset").or(() -> merged.text(eventId, "entryAsset")).orElse(Mismatch.NO_CURRENCY);
            String subject = "FeeCharged " + eventId;
            if (event && !entry) {
                findings.add(unposted(merged, eventId, subject, asset, run));
                continue;
            }
            Map<String, Long> actual = actualLegs(merged, eventId);
            if (!event) {
                long posted = actual.values().stream().mapToLong(Long::longValue).sum();
                findings.add(Mismatch.money(NAME, subject, new Mismatch.Sides(asset, "fees of FeeCharged events received", 0,
                        "fees posted by entry platform:" + eventId + " (no such event)", posted), thresholds));
                continue;
            }
            String ruleId = merged.text(eventId, "rule").orElse("");
            FeeRule rule = rules.get(ruleId);
            if (rule == null || !merged.has(eventId, "amount")) {
                findings.add(new FindingDraft(NAME, subject, "a fee rule of the config in force and an amount of " + asset,
                        "rule '" + ruleId + "'" + (rule == null ? " is not in the config in force" : ", amount unreadable"),
                        "cannot split", Risk.MEDIUM, Action.MANUAL_REVIEW, runbook()));
                continue;
            }
            Map<String, Long> expected = new TreeMap<>();
            for (FeePart part : rule.split(merged.sum(eventId, "amount"))) {
                if (part.minor() != 0) {
                    expected.put(FEES + ruleId + ":" + part.to().wireName(), part.minor());
                }
            }
            long misposted = misposted(expected, actual);
            long cleared = merged.sum(eventId, "cleared");
            long wrongClearing = Math.abs(cleared - merged.sum(eventId, "amount"));
            if (misposted != 0 || wrongClearing != 0) {
                Risk risk = thresholds.riskOf(asset, Math.max(misposted, wrongClearing));
                findings.add(new FindingDraft(NAME, subject, "rule " + ruleId + " split: " + legs(asset, expected),
                        "posted: " + legs(asset, actual) + (wrongClearing != 0 ? "; taken from " + CLEARING + asset + ": "
                                + Mismatch.amount(asset, cleared) : ""),
                        Mismatch.amount(asset, Math.max(misposted, wrongClearing)) + " misposted", risk, Mismatch.actionFor(risk),
                        runbook()));
            }
        }
        return findings;
    }

    private FindingDraft unposted(Tally merged, String eventId, String subject, String asset, RunContext run) {
        long amount = merged.sum(eventId, "amount");
        long receivedAt = merged.max(eventId, "receivedAt").orElse(0);
        if (run.startedAt().toEpochMilli() - receivedAt < POSTING_AGE_LIMIT.toMillis()) {
            return new FindingDraft(NAME, subject, "entry platform:" + eventId + " posting " + Mismatch.amount(asset, amount),
                    "none yet (received less than " + POSTING_AGE_LIMIT.toMinutes() + " minutes ago)",
                    Mismatch.difference(asset, amount, 0), Risk.LOW, Action.RETRY, runbook());
        }
        return Mismatch.money(NAME, subject, new Mismatch.Sides(asset, "FeeCharged amount", amount,
                "posted by entry platform:" + eventId, 0), thresholds);
    }

    private static Map<String, Long> actualLegs(Tally merged, String eventId) {
        Map<String, Long> actual = new TreeMap<>();
        for (String field : merged.sumFields(eventId)) {
            if (field.startsWith(LEG)) {
                actual.put(field.substring(LEG.length()), merged.sum(eventId, field));
            }
        }
        return actual;
    }

    /** How much is in the wrong place: the larger of what accounts got too much and what they got too little. */
    private static long misposted(Map<String, Long> expected, Map<String, Long> actual) {
        TreeSet<String> accounts = new TreeSet<>(expected.keySet());
        accounts.addAll(actual.keySet());
        long over = 0;
        long under = 0;
        for (String account : accounts) {
            long d = actual.getOrDefault(account, 0L) - expected.getOrDefault(account, 0L);
            if (d > 0) {
                over += d;
            } else {
                under -= d;
            }
        }
        return Math.max(over, under);
    }

    private static String legs(String asset, Map<String, Long> legs) {
        List<String> parts = new ArrayList<>();
        legs.forEach((account, minor) -> parts.add(account + " " + Mismatch.amount(asset, minor)));
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }
}
