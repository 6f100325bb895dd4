package com.warroom.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.SortedMap;

/**
 * Where an alarm's values come from: CloudWatch in AWS, the runner's metric file locally, SQS for queue depths. The
 * evaluation ({@link AlarmEvaluation}) is the same whichever answers.
 */
public interface MetricData {

    /**
     * The watched metric's value per period of {@code period} (aggregated by its statistic), keyed by the period's
     * start, for the periods starting in {@code [from, to)}; a period without data is absent.
     */
    Series values(Watched watched, Duration period, Instant from, Instant to);

    /** Values per period start, and the earliest instant the source can speak for (a queue's depth is only now). */
    record Series(SortedMap<Instant, Double> values, Instant knownFrom) {
    }
}
