package com.warroom.local.schedule;

import com.fasterxml.jackson.core.type.TypeReference;
import com.warroom.json.Json;
import com.warroom.local.lambda.LocalFunction;
import com.warroom.topology.Trigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/** A function started by an EventBridge Scheduler schedule, and when the schedule fires. */
public record ScheduledFunction(LocalFunction<Map<String, Object>, Map<String, Object>> function, Trigger.Schedule schedule) {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    public ScheduledFunction {
        payload(schedule); // a payload that is not a JSON object is refused at start, not at the first run
    }

    public String name() {
        return function.name();
    }

    /**
     * The run after the one planned for {@code planned}, now that it is {@code now}; runs missed while this machine slept
     * are not made up (the one that was due has just run).
     */
    public Instant runAfter(Instant planned, Instant now) {
        Instant next = schedule.expression().nextAfter(planned, schedule.zone());
        while (!next.isAfter(now)) {
            next = schedule.expression().nextAfter(next, schedule.zone());
        }
        return next;
    }

    /** The input EventBridge Scheduler gives a Lambda target: the schedule's payload itself, a fresh copy per run. */
    Map<String, Object> input() {
        return payload(schedule);
    }

    private static Map<String, Object> payload(Trigger.Schedule schedule) {
        try {
            return Json.mapper().readValue(schedule.payload(), JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("the payload of a schedule is not a JSON object: " + schedule.payload(), e);
        }
    }
}
