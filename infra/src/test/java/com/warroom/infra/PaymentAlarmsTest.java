package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Duration;

/**
 * The money-in alarms, each on its count summed over every function: when each goes off, and that its description says
 * what happened and where the runbook is.
 */
class PaymentAlarmsTest {

    /** metric, alarm name, threshold, period in seconds, evaluation periods, datapoints to alarm. */
    static Stream<Arguments> alarms() {
        return SynthesizedWarroom.all().stream().flatMap(app -> Stream.of(
                Arguments.of(app, "WebhookSignatureRejected", "Warroom-webhook-signatures-rejected", 20, 300, 1, 1),
                Arguments.of(app, "PaymentReviewRecorded", "Warroom-payment-review-recorded", 1, 300, 1, 1),
                Arguments.of(app, "NotificationFailed", "Warroom-notification-failed", 1, 300, 1, 1),
                Arguments.of(app, "MidtransUnavailable", "Warroom-midtrans-unavailable", 1, 300, 3, 2)));
    }

    @ParameterizedTest
    @MethodSource("alarms")
    void alarm_whenTheCountReachesItsThreshold_goesOff(SynthesizedWarroom app, String metric, String name, int threshold, int period,
            int periods, int datapoints) {
        Map<String, Object> alarm = TamperAlarmsTest.alarmNamed(app, name);

        assertThat(alarm).containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("TreatMissingData", "notBreaching")
                .doesNotContainKeys("MetricName", "Namespace", "Dimensions", "AlarmActions");
        assertThat(((Number) alarm.get("Threshold")).intValue()).isEqualTo(threshold);
        assertThat(((Number) alarm.get("EvaluationPeriods")).intValue()).isEqualTo(periods);
        assertThat(((Number) alarm.get("DatapointsToAlarm")).intValue()).isEqualTo(datapoints);
        assertThat(list(alarm.get("Metrics"))).hasSize(1);
        Map<String, Object> query = map(list(alarm.get("Metrics")).getFirst());
        assertThat(query).containsEntry("Expression", "SELECT SUM(" + metric + ") FROM \"Warroom\"").containsEntry("ReturnData", true);
        assertThat(((Number) query.get("Period")).intValue()).isEqualTo(period);
    }

    @ParameterizedTest
    @MethodSource("alarms")
    void alarm_whenItGoesOff_saysWhatItCountsWhenAndWhereTheRunbookIs(SynthesizedWarroom app, String metric, String name, int threshold,
            int period, int periods, int datapoints) {
        String description = (String) TamperAlarmsTest.alarmNamed(app, name).get("AlarmDescription");

        assertThat(description).startsWith("Warroom " + metric + " >= " + threshold + " in ")
                .contains("Runbook: README.md#").hasSizeLessThanOrEqualTo(CountAlarm.MAX_DESCRIPTION);
        String anchor = description.substring(description.indexOf('#') + 1);
        assertThat(anchor).matches("[a-z0-9-]+").contains(metric.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
    }

    @Test
    void midtransUnavailable_whenItLasts_goesOffInTwoOfThreeFiveMinutePeriods() {
        String description = (String) TamperAlarmsTest.alarmNamed(SynthesizedWarroom.get(), "Warroom-midtrans-unavailable")
                .get("AlarmDescription");

        assertThat(description).startsWith("Warroom MidtransUnavailable >= 1 in 2 of 3 periods of 5 minutes: ")
                .contains("payment-checks DLQ", "midtransBaseUrl");
    }

    @Test
    void webhookSignatureRejected_whenItGoesOff_namesBothCausesAndTheSecret() {
        String description = (String) TamperAlarmsTest.alarmNamed(SynthesizedWarroom.get(), "Warroom-webhook-signatures-rejected")
                .get("AlarmDescription");

        assertThat(description).startsWith("Warroom WebhookSignatureRejected >= 20 in 5 minutes: ")
                .contains("forged", "warroom/midtrans-server-key", "rotated");
    }

    @Test
    void alarms_whenBuilt_areOnePerPaymentMetricAndFindableByIt() {
        PaymentAlarms alarms = SynthesizedWarroom.get().stack.paymentAlarms();

        assertThat(PaymentAlarms.ALARMS).extracting(CountAlarm::metricName).containsExactly(
                "WebhookSignatureRejected", "PaymentReviewRecorded", "NotificationFailed", "MidtransUnavailable");
        PaymentAlarms.ALARMS.forEach(alarm -> assertThat(alarms.alarm(alarm.metricName())).isNotNull());
    }

    @Test
    void trip_whenItsDatapointsAreMoreThanItsPeriods_isRefused() {
        assertThatThrownBy(() -> CountAlarm.Trip.sustained(Duration.minutes(5), 4, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
