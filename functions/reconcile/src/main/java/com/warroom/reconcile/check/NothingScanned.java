package com.warroom.reconcile.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.topology.TableDef;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The aggregate of a check that scans nothing and reads on its own when it compares: empty, and it stays so. */
final class NothingScanned implements Aggregate {

    @Override
    public void fold(TableDef table, Map<String, AttributeValue> item) {
        throw new IllegalStateException("this check scans no table, yet was given an item of " + table.logicalName());
    }

    @Override
    public void merge(Aggregate other) {
        // nothing was kept on either side
    }

    @Override
    public JsonNode toJson() {
        return Json.mapper().createObjectNode();
    }
}
