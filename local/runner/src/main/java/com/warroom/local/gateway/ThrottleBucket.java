package com.warroom.local.gateway;

import com.warroom.topology.Throttle;
import java.time.Duration;

/**
 * The token bucket API Gateway throttles a route with: it holds up to {@code burst} tokens, gains {@code ratePerSecond}
 * a second, starts full, and each request takes one or is refused. Tokens are counted in billionths, so a refill by the
 * nanosecond is an exact integer and no rounding lets through a request the bucket did not have.
 */
final class ThrottleBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** One request, in billionths of a token. */
    private static final long TOKEN = NANOS_PER_SECOND;

    private final Ticker ticker;
    private final long capacity;
    // billionths of a token gained per nanosecond: the throttle's tokens per second
    private final long refillPerNano;
    private long available;
    private long refilledAt;

    ThrottleBucket(Throttle throttle, Ticker ticker) {
        this.ticker = ticker;
        this.capacity = Math.multiplyExact((long) throttle.burst(), TOKEN);
        this.refillPerNano = throttle.ratePerSecond();
        this.available = capacity;
        this.refilledAt = ticker.nanos();
    }

    synchronized Admission take() {
        refill(ticker.nanos());
        if (available >= TOKEN) {
            available -= TOKEN;
            return new Admission.Admitted();
        }
        return new Admission.Refused(Duration.ofNanos(Math.ceilDiv(TOKEN - available, refillPerNano)));
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed <= 0) {
            return;
        }
        // past the time it takes to fill up, the bucket is full: this also keeps elapsed * rate far from overflowing
        long untilFull = Math.ceilDiv(capacity - available, refillPerNano);
        available = elapsed >= untilFull ? capacity : available + elapsed * refillPerNano;
        refilledAt = now;
    }
}
