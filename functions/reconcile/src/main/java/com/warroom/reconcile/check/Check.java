package com.warroom.reconcile.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.topology.TableDef;
import java.util.List;

/**
 * One reconciliation check. A check that compares table contents names the tables it {@link #scans()}: the run's
 * segments fold those tables' items into its {@link Aggregate}, the combine step merges them and calls
 * {@link #compare}. A check that needs no scan (the audit chain against its anchors, Midtrans's own status) scans
 * nothing and does its own reads in {@link #compare}. Collaborators come in the constructor.
 */
public interface Check {

    /** Stable and kebab-case, such as {@code payouts-vs-ledger}: part of every finding's id. */
    String name();

    /** The tables whose items this check folds; empty for a check that reads on its own. */
    List<TableDef> scans();

    Aggregate newAggregate();

    Aggregate readAggregate(JsonNode json);

    /** The mismatches in {@code merged} (every segment's aggregate merged; empty when nothing is scanned). */
    List<FindingDraft> compare(Aggregate merged, RunContext run);
}
