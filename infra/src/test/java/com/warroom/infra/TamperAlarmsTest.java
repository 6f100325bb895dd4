package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warroom.observability.OpsMetrics;
import com.warroom.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An alarm on each tamper metric, whichever function counts it, going off on the first count; and one on the
 * integrity-anchor function when it fails (or stops running) two periods in a row.
 */
class TamperAlarmsTest {

    static Stream<Arguments> tamperAlarms() {
        return SynthesizedWarroom.all().stream().flatMap(app -> Stream.of(
                Arguments.of(app, "FlagStateTampered", "Warroom-flag-states-tampered"),
                Arguments.of(app, "AuditChainTampered", "Warroom-audit-chain-tampered"),
                Arguments.of(app, "ApprovalTampered", "Warroom-approval-tampered"),
                Arguments.of(app, "LedgerTampered", "Warroom-ledger-tampered"),
                Arguments.of(app, "OrderTampered", "Warroom-order-tampered")));
    }

    @ParameterizedTest
    @MethodSource("tamperAlarms")
    void alarm_whenAnyFunctionCountsOneTamperedRecord_goesOffWithinAMinute(SynthesizedWarroom app, String metric, String alarmName) {
        Map<String, Object> alarm = alarmNamed(app, alarmName);

        assertThat(alarm).containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("TreatMissingData", "notBreaching")
                .doesNotContainKeys("MetricName", "Namespace", "Dimensions");
        assertThat(((Number) alarm.get("Threshold")).intValue()).isEqualTo(1);
        assertThat(((Number) alarm.get("EvaluationPeriods")).intValue()).isEqualTo(1);
        Map<String, Object> query = map(list(alarm.get("Metrics")).getFirst());
        assertThat(list(alarm.get("Metrics"))).hasSize(1);
        assertThat(query).containsEntry("Expression", "SELECT SUM(" + metric + ") FROM \"Warroom\"").containsEntry("ReturnData", true);
        assertThat(((Number) query.get("Period")).intValue()).isEqualTo(60);
    }

    @ParameterizedTest
    @MethodSource("tamperAlarms")
    void alarm_whenItGoesOff_saysWhatWasTamperedWithAndNamesTheRunbook(SynthesizedWarroom app, String metric, String alarmName) {
        String description = (String) alarmNamed(app, alarmName).get("AlarmDescription");

        assertThat(description).startsWith("Warroom " + metric + " >= 1 in 1 minute: ")
                .contains("seal", "Runbook: README.md#").hasSizeLessThanOrEqualTo(1024);
        assertThat(description.substring(description.indexOf('#') + 1)).matches("[a-z0-9-]+");
    }

    /**
     * What the functions emit: Powertools puts every count in namespace Warroom under the dimension Service (the
     * function's name), so an alarm on the bare metric name would watch a series nobody writes. The query sums over
     * the namespace whatever the dimensions.
     */
    @Test
    void query_matchesTheMetricAsPowertoolsEmitsIt_withAServiceDimension() throws Exception {
        JsonNode emf = emitted(() -> {
            OpsMetrics.count("FlagStateTampered");
            OpsMetrics.flush();
        });
        JsonNode directive = emf.at("/_aws/CloudWatchMetrics/0");

        assertThat(directive.get("Namespace").asText()).isEqualTo("Warroom");
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("FlagStateTampered");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
        assertThat(CountAlarm.insightsQuery("FlagStateTampered")).isEqualTo("SELECT SUM(FlagStateTampered) FROM \"Warroom\"")
                .doesNotContain("SCHEMA", "WHERE", "GROUP BY");
    }

    @Test
    void integrityAnchorAlarm_whenTheFunctionFailsTwoFiveMinutePeriodsInARow_goesOff() {
        SynthesizedWarroom app = SynthesizedWarroom.get();
        Map<String, Object> alarm = alarmNamed(app, "Warroom-integrity-anchor-failing");

        assertThat(alarm).containsEntry("Namespace", "AWS/Lambda").containsEntry("MetricName", "Errors")
                .containsEntry("Statistic", "Sum")
                .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName",
                        "Value", ref(app.logicalId(app.stack.functions().get(Topology.INTEGRITY_ANCHOR).function())))))
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                // no Errors datapoint means no invocation: no anchor written either
                .containsEntry("TreatMissingData", "breaching");
        assertThat(((Number) alarm.get("Period")).intValue()).isEqualTo(300);
        assertThat(((Number) alarm.get("Threshold")).intValue()).isEqualTo(1);
        assertThat(((Number) alarm.get("EvaluationPeriods")).intValue()).isEqualTo(2);
        assertThat(((Number) alarm.get("DatapointsToAlarm")).intValue()).isEqualTo(2);
        assertThat((String) alarm.get("AlarmDescription")).contains("integrity-anchor", "anchor",
                "Runbook: README.md#integrity-anchor-failing-alarm-warroom-integrity-anchor-failing");
    }

    @Test
    void integrityAnchorAlarm_whenTheTopologyHasNoIntegrityAnchor_isNotBuilt() {
        SynthesizedWarroom app = SynthesizedWarroom.withTriggers();

        assertThat(app.topology.functions()).doesNotContain(Topology.INTEGRITY_ANCHOR);
        assertThat(alarm(app, "Warroom-integrity-anchor-failing")).isEmpty();
        assertThat(app.stack.tamperAlarms().anchorAlarm()).isEmpty();
    }

    @Test
    void alarms_whenBuilt_haveNoActionsBecauseNoAlarmOfTheStackHasOne() {
        // the DLQ alarms have none yet either: whoever wires a topic for alarms wires these with them
        SynthesizedWarroom.get().resourcesOfType("AWS::CloudWatch::Alarm").values().forEach(alarm ->
                assertThat(properties(alarm)).doesNotContainKeys("AlarmActions", "OKActions"));
    }

    static Map<String, Object> alarmNamed(SynthesizedWarroom app, String name) {
        return alarm(app, name).orElseThrow(() -> new AssertionError("no alarm " + name + " in " + app));
    }

    private static Optional<Map<String, Object>> alarm(SynthesizedWarroom app, String name) {
        return app.resourcesOfType("AWS::CloudWatch::Alarm").values().stream()
                .map(TemplateJson::properties)
                .filter(alarm -> name.equals(alarm.get("AlarmName")))
                .findFirst();
    }

    // the EMF line the metrics library prints to stdout for what the action counted
    private static JsonNode emitted(Runnable action) throws Exception {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : captured.toString(StandardCharsets.UTF_8).lines().toList()) {
            if (line.contains("\"_aws\"")) {
                return json.readTree(line);
            }
        }
        throw new AssertionError("no EMF line was printed: " + captured);
    }
}
