package com.warroom.reconcile.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.topology.TableDef;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A check that folds the items of the tables it scans into a {@link Tally} and compares the merged tally. */
abstract class TallyCheck implements Check {

    @Override
    public Aggregate newAggregate() {
        return new Tally(this::fold);
    }

    @Override
    public Aggregate readAggregate(JsonNode json) {
        return Tally.read(json);
    }

    @Override
    public List<FindingDraft> compare(Aggregate merged, RunContext run) {
        return compare((Tally) merged, run);
    }

    /** What this check keeps of one item of one of the tables it {@link #scans()}. */
    abstract void fold(TableDef table, Map<String, AttributeValue> item, Tally into);

    abstract List<FindingDraft> compare(Tally merged, RunContext run);

    /** The README anchor of this check's findings. */
    final String runbook() {
        return "#reconcile-" + name();
    }
}
