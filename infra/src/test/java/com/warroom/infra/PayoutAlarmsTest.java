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

/** The money-out alarms, each on its count summed over every function, with what it means and where its runbook is. */
class PayoutAlarmsTest {

    /** metric, alarm name, threshold, period in seconds, evaluation periods, datapoints to alarm. */
    static Stream<Arguments> alarms() {
        return SynthesizedWarroom.all().stream().flatMap(app -> Stream.of(
                Arguments.of(app, "PayoutFailed", "Warroom-payout-failures", 3, 900, 1, 1),
                Arguments.of(app, "PayoutSealBroken", "Warroom-payout-seal-broken", 1, 300, 1, 1),
                Arguments.of(app, "PayoutStuck", "Warroom-payout-stuck", 1, 900, 2, 2),
                Arguments.of(app, "PayoutPaidAfterCancel", "Warroom-payout-paid-after-cancel", 1, 300, 1, 1),
                Arguments.of(app, "CustodyCallbackRejected", "Warroom-custody-callbacks-rejected", 20, 300, 1, 1)));
    }

    @ParameterizedTest
    @MethodSource("alarms")
    void alarm_whenTheCountReachesItsThreshold_goesOff(SynthesizedWarroom app, String metric, String name, int threshold, int period,
            int periods, int datapoints) {
        Map<String, Object> alarm = TamperAlarmsTest.alarmNamed(app, name);

        assertThat(alarm).containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("TreatMissingData", "notBreaching");
        assertThat(((Number) alarm.get("Threshold")).intValue()).isEqualTo(threshold);
        assertThat(((Number) alarm.get("EvaluationPeriods")).intValue()).isEqualTo(periods);
        assertThat(((Number) alarm.get("DatapointsToAlarm")).intValue()).isEqualTo(datapoints);
        Map<String, Object> query = map(list(alarm.get("Metrics")).getFirst());
        assertThat(query).containsEntry("Expression", "SELECT SUM(" + metric + ") FROM \"Warroom\"");
        assertThat(((Number) query.get("Period")).intValue()).isEqualTo(period);
        String description = (String) alarm.get("AlarmDescription");
        assertThat(description).startsWith("Warroom " + metric + " >= " + threshold + " in ").contains("Runbook: README.md#");
        assertThat(description.substring(description.indexOf('#') + 1))
                .contains(metric.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
    }

    @Test
    void alarms_whenBuilt_areOnePerPayoutMetricAndFindableByIt() {
        PayoutAlarms alarms = SynthesizedWarroom.get().stack.payoutAlarms();

        PayoutAlarms.ALARMS.forEach(alarm -> assertThat(alarms.alarm(alarm.metricName())).isNotNull());
        assertThatThrownBy(() -> alarms.alarm("PaymentReviewRecorded")).isInstanceOf(IllegalArgumentException.class);
    }
}
