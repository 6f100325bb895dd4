package com.warroom.reconcile.run;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The day a run reconciles: the calendar day in Asia/Jakarta, where the platform's business day is. */
public final class ReconcileDay {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private ReconcileDay() {
    }

    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static LocalDate today(Clock clock) {
        return of(clock.instant());
    }
}
