package com.warroom.reconcile.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.topology.TableDef;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one check keeps of the items it scans: small (sums per account, ids of what must match), never the items
 * themselves. A segment folds its items into a fresh aggregate and stores it as JSON; the combine step reads every
 * segment's aggregate back ({@link Check#readAggregate}) and merges them.
 */
public interface Aggregate {

    /** Adds one scanned item of {@code table} (one of the check's {@link Check#scans()}). */
    void fold(TableDef table, Map<String, AttributeValue> item);

    /** Adds another segment's aggregate of the same check. */
    void merge(Aggregate other);

    JsonNode toJson();
}
