package com.warroom.slo.measure;

/** An SLI's counts in a window: good events out of total. */
public record Counts(long good, long total) {

    public static final Counts NONE = new Counts(0, 0);

    public Counts {
        if (good < 0 || total < good) {
            throw new IllegalArgumentException("good " + good + " of total " + total);
        }
    }

    public Counts plus(Counts other) {
        return new Counts(good + other.good, total + other.total);
    }
}
