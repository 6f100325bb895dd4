package com.warroom.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.reconcile.check.Action;
import com.warroom.reconcile.check.Aggregate;
import com.warroom.reconcile.check.Check;
import com.warroom.reconcile.check.FindingDraft;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.check.RunContext;
import com.warroom.topology.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A check written for these tests that scans nothing and reports the mismatches the test puts in it ({@link #report},
 * {@link #fixed}), or fails when told to ({@link #failWith}).
 */
public final class ControlledCheck implements Check {

    private final String name;
    private final List<FindingDraft> mismatches = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    public ControlledCheck(String name) {
        this.name = name;
    }

    /** From now on reports {@code subject} as a mismatch of {@code risk} (replacing what it reported of it before). */
    public ControlledCheck report(String subject, Risk risk, String expected, String actual) {
        fixed(subject);
        mismatches.add(new FindingDraft(name, subject, expected, actual, "differs", risk,
                risk == Risk.HIGH ? Action.ESCALATE : Action.MANUAL_REVIEW, "#reconcile-" + name));
        return this;
    }

    /** {@code subject} is right again: no longer reported. */
    public ControlledCheck fixed(String subject) {
        mismatches.removeIf(d -> d.subject().equals(subject));
        return this;
    }

    public void failWith(RuntimeException e) {
        failure = e;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<TableDef> scans() {
        return List.of();
    }

    @Override
    public Aggregate newAggregate() {
        return new Aggregate() {
            @Override
            public void fold(TableDef table, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
                throw new AssertionError("a check that scans nothing is given no items");
            }

            @Override
            public void merge(Aggregate other) {
                throw new AssertionError("a check that scans nothing has no segments to merge");
            }

            @Override
            public JsonNode toJson() {
                return Json.mapper().createObjectNode();
            }
        };
    }

    @Override
    public Aggregate readAggregate(JsonNode json) {
        return newAggregate();
    }

    @Override
    public List<FindingDraft> compare(Aggregate merged, RunContext run) {
        if (failure != null) {
            throw failure;
        }
        return new ArrayList<>(mismatches);
    }
}
