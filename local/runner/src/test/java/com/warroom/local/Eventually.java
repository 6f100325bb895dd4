package com.warroom.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the runner does in the background; the limit guards against a hang and is never a timing claim. */
public final class Eventually {

    public static final Duration GUARD = Duration.ofSeconds(60);
    private static final long PAUSE_MILLIS = 50;

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }
}
