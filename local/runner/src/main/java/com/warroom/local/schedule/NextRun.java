package com.warroom.local.schedule;

import com.warroom.topology.Trigger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** One line of the timetable: a schedule, its expression and zone, and when it fires next. */
public record NextRun(String schedule, String expression, ZoneId zone, Instant at) {

    /** The first run of a schedule after the runner started at {@code start}: a rate counts from the start's second. */
    public static Instant firstAfterStart(Trigger.Schedule schedule, Instant start) {
        return schedule.expression().nextAfter(start.truncatedTo(ChronoUnit.SECONDS), schedule.zone());
    }
}
