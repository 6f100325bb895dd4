package com.warroom.local.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Time that moves only when a test moves it, so throttling is tested without waiting and without reading the clock. */
final class ManualTicker implements Ticker {

    // not zero: nothing in the gateway may take "0 ns" for "never"
    private final AtomicLong nanos = new AtomicLong(7_000_000_000L);

    @Override
    public long nanos() {
        return nanos.get();
    }

    void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    void rewind(Duration by) {
        nanos.addAndGet(-by.toNanos());
    }
}
