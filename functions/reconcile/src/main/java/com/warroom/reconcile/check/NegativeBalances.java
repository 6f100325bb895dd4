package com.warroom.reconcile.check;

import com.warroom.ledger.LedgerItems;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Accounts below zero: every balance of an account whose kind may never go negative (all but the clearing accounts
 * and equity, {@code AccountId.nonNegative}) must be ≥ 0. The ledger refuses such postings, so a negative balance was
 * written around it: HIGH, escalate.
 */
final class NegativeBalances extends TallyCheck {

    static final String NAME = "negative-balances";
    private static final String BALANCE = "balance";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.LEDGER_BALANCES);
    }

    @Override
    void fold(TableDef table, Map<String, AttributeValue> item, Tally into) {
        LedgerItems.balance(item).filter(b -> b.nonNegative() && b.minor() < 0).ifPresent(b -> {
            into.add(b.account() + " " + b.currency(), BALANCE, b.minor());
            into.text(b.account() + " " + b.currency(), "currency", b.currency());
        });
    }

    @Override
    List<FindingDraft> compare(Tally merged, RunContext run) {
        List<FindingDraft> findings = new ArrayList<>();
        for (String subject : merged.subjects("")) {
            String currency = merged.text(subject, "currency").orElseThrow();
            long balance = merged.sum(subject, BALANCE);
            findings.add(new FindingDraft(NAME, subject, "a balance of at least " + Mismatch.amount(currency, 0),
                    Mismatch.amount(currency, balance), Mismatch.difference(currency, 0, balance), Risk.HIGH, Action.ESCALATE,
                    runbook()));
        }
        return findings;
    }
}
