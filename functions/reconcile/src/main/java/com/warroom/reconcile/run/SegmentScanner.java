package com.warroom.reconcile.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.reconcile.check.Aggregate;
import com.warroom.reconcile.check.Check;
import com.warroom.topology.TableDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ScanSegment step: one parallel-scan segment of one table, read page by page (strongly consistent: a finding
 * from a stale read would only be noise) and folded into a fresh aggregate of every check that scans the table, so
 * the function holds one page and the aggregates, never the table. The aggregates go to the reports bucket as one
 * object per attempt; the combine step reads one per segment.
 */
public final class SegmentScanner {

    private final DynamoDbClient dynamo;
    private final Function<TableDef, String> tableNames;
    private final ReportsBucket bucket;

    public SegmentScanner(DynamoDbClient dynamo, Function<TableDef, String> tableNames, ReportsBucket bucket) {
        this.dynamo = dynamo;
        this.tableNames = tableNames;
        this.bucket = bucket;
    }

    /** What one segment attempt scanned, and where its aggregates are. */
    public record Scanned(Segment segment, long items, String key) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("runId", segment.runId());
            map.put("table", segment.table());
            map.put("segment", segment.segment());
            map.put("items", items);
            map.put("key", key);
            return map;
        }
    }

    public Scanned scan(Segment segment, List<Check> checks) {
        TableDef table = SegmentPlanner.scannedTables(checks).stream().filter(t -> t.logicalName().equals(segment.table())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check scans table " + segment.table()));
        Map<String, Aggregate> aggregates = new LinkedHashMap<>();
        checks.stream().filter(check -> check.scans().stream().anyMatch(t -> t.logicalName().equals(table.logicalName())))
                .forEach(check -> aggregates.put(check.name(), check.newAggregate()));
        long items = 0;
        for (var page : dynamo.scanPaginator(b -> b.tableName(tableNames.apply(table)).segment(segment.segment())
                .totalSegments(segment.totalSegments()).consistentRead(true))) {
            for (var item : page.items()) {
                for (Aggregate aggregate : aggregates.values()) {
                    aggregate.fold(table, item);
                }
                items++;
            }
        }
        ObjectNode object = Json.mapper().createObjectNode();
        object.put("runId", segment.runId());
        object.put("table", segment.table());
        object.put("segment", segment.segment());
        object.put("totalSegments", segment.totalSegments());
        object.put("items", items);
        ObjectNode folded = object.putObject("aggregates");
        aggregates.forEach((check, aggregate) -> folded.set(check, aggregate.toJson()));
        String key = ReportsBucket.segmentPrefix(segment.runId(), segment.table(), segment.segment()) + ReportsBucket.attempt() + ".json";
        bucket.put(key, "application/json", Json.write(object));
        return new Scanned(segment, items, key);
    }
}
