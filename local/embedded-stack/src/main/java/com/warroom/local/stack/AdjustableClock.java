package com.warroom.local.stack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded stack's clock: another clock (the system clock, or a fixed one in tests) plus an offset that
 * tests move forward, so that a 24-hour timeout is proved without waiting 24 hours.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    public static AdjustableClock system() {
        return new AdjustableClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    public static AdjustableClock startingAt(Instant start) {
        return new AdjustableClock(Clock.fixed(start, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves this clock forward (or back, with a negative duration) for every reader. */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }
}
