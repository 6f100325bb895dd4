package com.warroom.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is on call for an area from the start of {@code from} until the start of {@code to} (open-ended without one),
 * both days in the roster's time zone: the primary is paged first, the backup when the primary does not acknowledge.
 */
public record OnCallRotation(OnCallArea area, String primary, String backup, LocalDate from, Optional<LocalDate> to) {

    public OnCallRotation {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (primary.equalsIgnoreCase(backup)) {
            throw new IllegalArgumentException("the primary and the backup of a rotation are two people: " + primary);
        }
        if (to.isPresent() && !from.isBefore(to.get())) {
            throw new IllegalArgumentException("a rotation ends after it starts: " + from + " .. " + to.get());
        }
    }

    /** Whether {@code at} falls in this rotation, its days taken in {@code zone}. */
    public boolean covers(Instant at, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        return !at.isBefore(start) && to.map(end -> at.isBefore(end.atStartOfDay(zone).toInstant())).orElse(true);
    }
}
