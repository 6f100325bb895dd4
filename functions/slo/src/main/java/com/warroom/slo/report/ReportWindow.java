package com.warroom.slo.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The span a report covers, {@code [from, to)}. The weekly report's is the seven days before the latest Monday 08:00
 * in Asia/Jakarta (the schedule's time), so a run that starts late, or again, covers the same week.
 */
public record ReportWindow(Instant from, Instant to) {

    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    public static final LocalTime WEEK_STARTS = LocalTime.of(8, 0);
    public static final Duration WEEK = Duration.ofDays(7);
    public static final Duration HOUR = Duration.ofHours(1);
    /** The longest window a report run on demand may cover: the SLOs' own window and a day. */
    public static final Duration LONGEST = Duration.ofDays(31);

    public ReportWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a report window ends after it starts: " + from + " .. " + to);
        }
    }

    /** The week that ended at the latest Monday 08:00 Asia/Jakarta at or before {@code now}. */
    public static ReportWindow weekBefore(Instant now) {
        ZonedDateTime local = now.atZone(JAKARTA);
        ZonedDateTime monday = local.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(WEEK_STARTS);
        if (monday.isAfter(local)) {
            monday = monday.minusWeeks(1);
        }
        Instant to = monday.toInstant();
        return new ReportWindow(to.minus(WEEK), to);
    }

    /**
     * The seven days up to the end of the current hour (UTC): the window of a report run on demand without one. Whole
     * hours, so the API's metrics are asked per hour, a period CloudWatch keeps for 15 months.
     */
    public static ReportWindow lastSevenDays(Instant now) {
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(HOUR);
        return new ReportWindow(to.minus(WEEK), to);
    }

    /** Whether both ends fall on whole hours (UTC), as the metrics' periods do. */
    public boolean wholeHours() {
        return from.equals(from.truncatedTo(ChronoUnit.HOURS)) && to.equals(to.truncatedTo(ChronoUnit.HOURS));
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
