package com.warroom.reconcile.run;

import com.warroom.aws.Settings;
import com.warroom.reconcile.check.Check;
import com.warroom.topology.TableDef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Prepare step: the tables the checks scan (each once, however many checks read it) and, per table, how many
 * parallel-scan segments: its item count (DescribeTable) over {@code itemsPerSegment}, at least 1 and at most
 * {@code maxSegments}. More data means more segments, each one Lambda invocation of bounded work.
 */
public final class SegmentPlanner {

    public static final String ITEMS_PER_SEGMENT_SETTING = "WARROOM_RECONCILE_ITEMS_PER_SEGMENT";
    public static final String MAX_SEGMENTS_SETTING = "WARROOM_RECONCILE_MAX_SEGMENTS";
    public static final long DEFAULT_ITEMS_PER_SEGMENT = 100_000;
    /** Step Functions' Map state carries every segment in its input: 100 stays far below the 256 KB payload limit. */
    public static final int DEFAULT_MAX_SEGMENTS = 100;

    private final DynamoDbClient dynamo;
    private final Function<TableDef, String> tableNames;
    private final long itemsPerSegment;
    private final int maxSegments;

    public SegmentPlanner(DynamoDbClient dynamo, Function<TableDef, String> tableNames, long itemsPerSegment, int maxSegments) {
        if (itemsPerSegment < 1 || maxSegments < 1) {
            throw new IllegalArgumentException("items per segment and max segments are at least 1");
        }
        this.dynamo = dynamo;
        this.tableNames = tableNames;
        this.itemsPerSegment = itemsPerSegment;
        this.maxSegments = maxSegments;
    }

    public static SegmentPlanner fromSettings(DynamoDbClient dynamo) {
        return new SegmentPlanner(dynamo, SegmentPlanner::tableName,
                Settings.find(ITEMS_PER_SEGMENT_SETTING).map(Long::parseLong).orElse(DEFAULT_ITEMS_PER_SEGMENT),
                Settings.find(MAX_SEGMENTS_SETTING).map(Integer::parseInt).orElse(DEFAULT_MAX_SEGMENTS));
    }

    /** A table's name in this deployment. */
    public static String tableName(TableDef table) {
        return Settings.require(table.envVar());
    }

    public List<Segment> plan(String runId, LocalDate day, List<Check> checks) {
        List<Segment> segments = new ArrayList<>();
        for (TableDef table : scannedTables(checks)) {
            Long items = dynamo.describeTable(b -> b.tableName(tableNames.apply(table))).table().itemCount();
            int total = segmentsFor(items == null ? 0 : items, itemsPerSegment, maxSegments);
            for (int segment = 0; segment < total; segment++) {
                segments.add(new Segment(runId, day, table.logicalName(), segment, total));
            }
        }
        return segments;
    }

    /** Every table some check scans, once, in the order the checks name them. */
    public static List<TableDef> scannedTables(List<Check> checks) {
        Map<String, TableDef> tables = new LinkedHashMap<>();
        checks.forEach(check -> check.scans().forEach(table -> tables.putIfAbsent(table.logicalName(), table)));
        return List.copyOf(tables.values());
    }

    static int segmentsFor(long items, long itemsPerSegment, int maxSegments) {
        long wanted = (items + itemsPerSegment - 1) / itemsPerSegment;
        return (int) Math.max(1, Math.min(maxSegments, wanted));
    }
}
