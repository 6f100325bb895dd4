package com.warroom.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Order statistics of a handful of samples; percentiles by nearest rank, so every figure is a measured value. */
public record Summary(int count, double min, double median, double p90, double max) {

    public static Summary of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Summary(sorted.size(), sorted.getFirst(), nearestRank(sorted, 50), nearestRank(sorted, 90), sorted.getLast());
    }

    private static double nearestRank(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** {@code | min | median | p90 | max |} cells with the given number of decimals. */
    public String cells(int decimals) {
        String f = "%,." + decimals + "f";
        return String.format(Locale.ROOT, "| " + f + " | " + f + " | " + f + " | " + f + " |", min, median, p90, max);
    }
}
