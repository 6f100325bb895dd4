package com.warroom.reconcile.run;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Reads a workflow task's input: a state machine bug shows as a clear failure, never as a run of the wrong thing. */
public final class StepInput {

    private StepInput() {
    }

    public static String runId(Map<?, ?> input) {
        String runId = text(input, "runId");
        if (!ReconcileRun.validId(runId)) {
            throw new IllegalArgumentException("runId is not a run id: " + runId);
        }
        return runId;
    }

    public static LocalDate day(Map<?, ?> input) {
        try {
            return LocalDate.parse(text(input, "day"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("day is not a date (YYYY-MM-DD): " + input.get("day"));
        }
    }

    public static String text(Map<?, ?> input, String name) {
        if (input == null || !(input.get(name) instanceof String text) || text.isEmpty()) {
            throw new IllegalArgumentException("the step input has no " + name);
        }
        return text;
    }

    public static int number(Map<?, ?> input, String name) {
        if (input == null || !(input.get(name) instanceof Number number) || number.doubleValue() != number.intValue()) {
            throw new IllegalArgumentException("the step input's " + name + " is not a whole number: " + (input == null ? null : input.get(name)));
        }
        return number.intValue();
    }

    /** The Prepare output's segments. */
    public static List<Segment> segments(Map<?, ?> input) {
        if (!(input.get("segments") instanceof List<?> list)) {
            throw new IllegalArgumentException("the step input has no segments");
        }
        return list.stream().map(item -> {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("a segment is not an object: " + item);
            }
            return Segment.from(map);
        }).toList();
    }
}
