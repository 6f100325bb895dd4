package com.warroom.reconcile.run;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parallel-scan segment of one table in a run: an item of the Prepare output's {@code segments}, and the input of
 * one ScanSegment task.
 */
public record Segment(String runId, LocalDate day, String table, int segment, int totalSegments) {

    public Segment {
        if (totalSegments < 1 || segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment " + segment + " of " + totalSegments + " is not a segment");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("runId", runId);
        map.put("day", day.toString());
        map.put("table", table);
        map.put("segment", segment);
        map.put("totalSegments", totalSegments);
        return map;
    }

    public static Segment from(Map<?, ?> input) {
        return new Segment(StepInput.runId(input), StepInput.day(input), StepInput.text(input, "table"),
                StepInput.number(input, "segment"), StepInput.number(input, "totalSegments"));
    }
}
