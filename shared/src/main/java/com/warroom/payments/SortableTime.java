package com.warroom.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as index sort keys: ISO-8601 in UTC with exactly three decimals ({@code 2026-11-30T12:00:00.000Z}), so that
 * text order is time order ({@link Instant#toString()} drops zero decimals, and {@code 12:00:00.5Z} would sort before
 * {@code 12:00:00Z}). {@link Instant#parse} reads it back.
 */
public final class SortableTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SortableTime() {
    }

    /** The clock's instant at the precision this format keeps, so that what is written is what is read back. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
