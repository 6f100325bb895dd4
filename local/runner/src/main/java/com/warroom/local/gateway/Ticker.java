package com.warroom.local.gateway;

/** Monotonic time in nanoseconds, for the route throttles: {@link System#nanoTime()} in the gateway, moved by hand in tests. */
@FunctionalInterface
interface Ticker {

    Ticker SYSTEM = System::nanoTime;

    long nanos();
}
