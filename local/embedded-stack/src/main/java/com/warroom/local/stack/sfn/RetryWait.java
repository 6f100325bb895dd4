package com.warroom.local.stack.sfn;

import java.time.Duration;

/**
 * How the local Step Functions waits between a task's attempts (a Retry's interval and backoff): really, in the local
 * runner; not at all, or only counted, in tests that must not be slow.
 */
@FunctionalInterface
public interface RetryWait {

    /** Sleeps for the interval, as {@link Thread#sleep(Duration)}. */
    RetryWait REAL = Thread::sleep;

    void pause(Duration interval) throws InterruptedException;
}
