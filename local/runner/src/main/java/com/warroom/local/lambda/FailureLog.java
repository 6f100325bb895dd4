package com.warroom.local.lambda;

/**
 * Where the local runner's background work (queue pollers, scheduled runs) reports what failed: a line on the console
 * and the details in the run log for {@code up}, a list in tests.
 */
@FunctionalInterface
public interface FailureLog {

    /**
     * {@code what} names what failed in a few words, to be followed by "failed": {@code schedule approval-keeper run
     * 3f0c...}, {@code ops-notices on a batch of 2 from warroom-flag-changes (kept for a retry)}.
     */
    void failed(String what, Throwable cause);
}
