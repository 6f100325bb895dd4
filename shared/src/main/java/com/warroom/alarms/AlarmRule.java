package com.warroom.alarms;

import java.time.Duration;
import java.util.Objects;

/**
 * One alarm, described once: CDK builds the CloudWatch alarm from it and {@code GET /v1/admin/alarms} evaluates it
 * ({@link AlarmEvaluation}). It goes off when {@code datapointsToAlarm} of the last {@code evaluationPeriods} periods
 * of {@code period} breach ({@code value comparison threshold}, or no data under {@link MissingData#BREACHING}).
 * {@code name} follows the stack's name ({@code Warroom-<name>}); {@code runbook} is the README heading's anchor;
 * {@code meaning} says what happened and what to do first, so the alarm alone is enough to act.
 */
public record AlarmRule(String name, Watched watched, Comparison comparison, double threshold, Duration period,
                        int evaluationPeriods, int datapointsToAlarm, MissingData missingData, Owner owner, String runbook,
                        String meaning) {

    /** The most a Metrics Insights alarm may look back over: longer windows need a plain metric. */
    public static final Duration INSIGHTS_WINDOW = Duration.ofHours(3);

    public AlarmRule {
        Objects.requireNonNull(watched, "watched");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(missingData, "missingData");
        Objects.requireNonNull(owner, "owner");
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("an alarm's name is lower-case words joined by '-': " + name);
        }
        if (runbook == null || !runbook.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException(name + ": the runbook is a README heading's anchor: " + runbook);
        }
        if (meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException(name + ": say what the alarm means");
        }
        if (period.isNegative() || period.isZero() || period.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException(name + ": a period is a whole number of minutes: " + period);
        }
        if (evaluationPeriods < 1 || datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException(name + ": " + datapointsToAlarm + " datapoints of " + evaluationPeriods + " periods");
        }
        // CloudWatch's limit: a day for periods under an hour, a week otherwise
        Duration limit = period.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofDays(1) : Duration.ofDays(7);
        if (window(period, evaluationPeriods).compareTo(limit) > 0) {
            throw new IllegalArgumentException(name + ": " + evaluationPeriods + " periods of " + period + " is over " + limit);
        }
        if (watched instanceof Watched.WarroomMetric metric && !metric.plain()) {
            // a Metrics Insights query: any dimension set with the rule's dimensions, over at most 3 hours, no percentiles
            if (window(period, evaluationPeriods).compareTo(INSIGHTS_WINDOW) > 0) {
                throw new IllegalArgumentException(name + ": a Warroom metric watched over more than " + INSIGHTS_WINDOW
                        + " is a plain metric, one exact dimension set: name its " + SERVICE_DIMENSION + " dimension");
            }
            if (!metric.statistic().insightsQueryable()) {
                throw new IllegalArgumentException(name + ": Metrics Insights has no " + metric.statistic().cloudWatchName()
                        + ": name the metric's " + SERVICE_DIMENSION + " dimension to watch it as a plain metric");
            }
        }
    }

    /** The dimension Powertools gives every metric: the function's name (POWERTOOLS_SERVICE_NAME). */
    public static final String SERVICE_DIMENSION = "Service";

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** {@code Warroom-payout-failures} for the stack {@code Warroom}. */
    public String alarmName(String stackName) {
        return stackName + "-" + name;
    }

    /** How far back the alarm looks: its periods end to end. */
    public Duration window() {
        return window(period, evaluationPeriods);
    }

    /** {@code StuckOldestAgeSeconds{kind=payout} Maximum > 900 in 1 of 3 periods of 5 minutes}. */
    public String trip() {
        String threshold = this.threshold == Math.rint(this.threshold) ? Long.toString((long) this.threshold) : Double.toString(this.threshold);
        long minutes = period.toMinutes();
        String each = minutes % 60 == 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute");
        String over = evaluationPeriods == 1 ? "in " + each
                : "in " + datapointsToAlarm + " of " + evaluationPeriods + " periods of " + each;
        String missing = missingData == MissingData.BREACHING ? " (no data counts as breaching)" : "";
        return watched.describe() + " " + comparison.symbol() + " " + threshold + " " + over + missing;
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static Duration window(Duration period, int periods) {
        return period.multipliedBy(periods);
    }

    /** Collects a rule; one period, one datapoint, {@code >=} and missing data not breaching unless set. */
    public static final class Builder {
        private final String name;
        private Watched watched;
        private Comparison comparison = Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
        private double threshold = 1;
        private Duration period = Duration.ofMinutes(5);
        private int evaluationPeriods = 1;
        private int datapointsToAlarm = 1;
        private MissingData missingData = MissingData.NOT_BREACHING;
        private Owner owner;
        private String runbook;
        private String meaning;

        private Builder(String name) {
            this.name = name;
        }

        public Builder watches(Watched watched) {
            this.watched = watched;
            return this;
        }

        /** Goes off at {@code value >= threshold}. */
        public Builder atLeast(double threshold) {
            return when(Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, threshold);
        }

        public Builder above(double threshold) {
            return when(Comparison.GREATER_THAN_THRESHOLD, threshold);
        }

        public Builder below(double threshold) {
            return when(Comparison.LESS_THAN_THRESHOLD, threshold);
        }

        public Builder when(Comparison comparison, double threshold) {
            this.comparison = comparison;
            this.threshold = threshold;
            return this;
        }

        public Builder period(Duration period) {
            this.period = period;
            return this;
        }

        /** {@code datapoints} of the last {@code periods} periods must breach. */
        public Builder datapoints(int datapoints, int periods) {
            this.datapointsToAlarm = datapoints;
            this.evaluationPeriods = periods;
            return this;
        }

        public Builder missingData(MissingData missingData) {
            this.missingData = missingData;
            return this;
        }

        public Builder owner(Owner owner) {
            this.owner = owner;
            return this;
        }

        public Builder runbook(String anchor) {
            this.runbook = anchor;
            return this;
        }

        public Builder meaning(String meaning) {
            this.meaning = meaning;
            return this;
        }

        public AlarmRule build() {
            return new AlarmRule(name, watched, comparison, threshold, period, evaluationPeriods, datapointsToAlarm, missingData,
                    owner, runbook, meaning);
        }
    }
}
