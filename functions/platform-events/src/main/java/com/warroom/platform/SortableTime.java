package com.warroom.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the platform-events and rounds items keep them: UTC with milliseconds always written, so text order is time order. */
public final class SortableTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SortableTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
