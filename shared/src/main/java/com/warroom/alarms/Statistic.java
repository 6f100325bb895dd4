package com.warroom.alarms;

import java.util.Arrays;
import java.util.List;

/** How the points of one period make its value; {@link #cloudWatchName()} as CloudWatch spells it. */
public enum Statistic {
    SUM("Sum", "SUM"),
    MAXIMUM("Maximum", "MAX"),
    AVERAGE("Average", "AVG"),
    P95("p95", null),
    /** How many points the period has: API Gateway's {@code Latency} SampleCount is its requests. */
    SAMPLE_COUNT("SampleCount", "COUNT");

    private final String cloudWatchName;
    private final String insightsFunction;

    Statistic(String cloudWatchName, String insightsFunction) {
        this.cloudWatchName = cloudWatchName;
        this.insightsFunction = insightsFunction;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }

    /** Metrics Insights has SUM, MAX, AVG (and MIN, COUNT) but no percentiles. */
    public boolean insightsQueryable() {
        return insightsFunction != null;
    }

    public String insightsFunction() {
        if (insightsFunction == null) {
            throw new IllegalStateException(cloudWatchName + " is not a Metrics Insights function");
        }
        return insightsFunction;
    }

    /** The period's value from its points (at least one). */
    public double aggregate(List<Double> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to aggregate");
        }
        return switch (this) {
            case SUM -> points.stream().mapToDouble(Double::doubleValue).sum();
            case MAXIMUM -> points.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case AVERAGE -> points.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case P95 -> percentile(points, 0.95);
            case SAMPLE_COUNT -> points.size();
        };
    }

    // nearest rank, as CloudWatch computes percentiles on raw values
    private static double percentile(List<Double> points, double p) {
        double[] sorted = points.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
