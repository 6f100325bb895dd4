package com.warroom.lambda;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Random back-off jitter. Seeded from {@link SecureRandom} and seeded again after a SnapStart restore
 * ({@link Priming}), so that copies restored from one snapshot do not retry in lock step (a generator seeded before
 * the snapshot would give every copy the same sequence).
 */
public final class Jitter {

    private static volatile Random random = fresh();

    private Jitter() {
    }

    /** A value from 1 to {@code max} inclusive. */
    public static long upTo(long max) {
        return 1 + random.nextLong(max);
    }

    static void reseed() {
        random = fresh();
    }

    private static Random fresh() {
        return new Random(new SecureRandom().nextLong());
    }
}
