package com.warroom.infra;

import com.warroom.observability.OpsMetrics;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * An alarm on a count the functions publish ({@link OpsMetrics#count}) in namespace {@code Warroom}, whichever function
 * counts it: its metric, the alarm's name after the stack's ({@code Warroom<alarmSuffix>}), when it goes off, what it
 * means and the README runbook that says what to do. The description says all of it, so the alarm alone is enough to act.
 */
record CountAlarm(String metricName, String alarmSuffix, Trip trip, String meaning, String runbook) {

    /** Alarm descriptions are at most this long. */
    static final int MAX_DESCRIPTION = 1024;

    /**
     * Goes off when the count is at least {@code count} in {@code datapoints} of the last {@code periods} periods of
     * {@code period}; nothing counted is nothing wrong (missing data never breaches: a count exists only once counted).
     */
    record Trip(int count, Duration period, int periods, int datapoints) {

        Trip {
            if (count < 1 || periods < 1 || datapoints < 1 || datapoints > periods) {
                throw new IllegalArgumentException("a trip is at least 1 in 1 to " + periods + " periods: " + count + ", " + datapoints);
            }
        }

        /** The first count within one period raises it. */
        static Trip first(Duration period) {
            return new Trip(1, period, 1, 1);
        }

        /** At least {@code count} within one period. */
        static Trip atLeast(int count, Duration period) {
            return new Trip(count, period, 1, 1);
        }

        /** At least one in {@code datapoints} of the last {@code periods} periods: a failure that lasts, not a blip. */
        static Trip sustained(Duration period, int datapoints, int periods) {
            return new Trip(1, period, periods, datapoints);
        }

        /** {@code >= 20 in 5 minutes}, {@code >= 1 in 2 of 3 periods of 5 minutes}. */
        String describe() {
            long minutes = period.toMinutes().longValue();
            String window = minutes + (minutes == 1 ? " minute" : " minutes");
            return ">= " + count + " in " + (periods == 1 ? window : datapoints + " of " + periods + " periods of " + window);
        }
    }

    Alarm build(Construct scope, String id) {
        String description = "Warroom " + metricName + " " + trip.describe() + ": " + meaning + " Runbook: " + runbook;
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalStateException("the description of " + metricName + "'s alarm is over " + MAX_DESCRIPTION + " characters");
        }
        return Alarm.Builder.create(scope, id)
                .alarmName(Stack.of(scope).getStackName() + alarmSuffix)
                .alarmDescription(description)
                .metric(anyService(metricName, trip.period()))
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .threshold(trip.count())
                .evaluationPeriods(trip.periods())
                .datapointsToAlarm(trip.datapoints())
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    /**
     * The metric summed over every function that counts it. Powertools adds the dimension {@code Service} (the
     * function's name, POWERTOOLS_SERVICE_NAME) to each count, and several functions may count the same thing; a
     * Metrics Insights query over the namespace sums them whatever their dimensions, where a plain metric alarm would
     * watch one dimension set only.
     */
    static IMetric anyService(String metricName, Duration period) {
        return MathExpression.Builder.create()
                .expression(insightsQuery(metricName))
                .usingMetrics(Map.of())
                .label(metricName)
                .period(period)
                .build();
    }

    static String insightsQuery(String metricName) {
        return "SELECT SUM(" + metricName + ") FROM \"" + OpsMetrics.NAMESPACE + "\"";
    }
}
