package com.warroom.infra;

import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.alarms.BurnRateWindows;
import com.warroom.slo.Slo;
import com.warroom.slo.SloCatalog;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.services.cloudwatch.Alarm;

/**
 * The burn-rate alarm math in the template, one set per SLO of config/slo.json: each window an error-ratio alarm over one
 * period of the window with threshold factor × (1 − objective), the long and short window of each pair combined by AND
 * in a composite alarm, pages to the alerts topic and tickets to ops-notices, each with its owner and runbook.
 */
class SloBurnRateAlarmsTest {

    private static final SynthesizedWarroom APP = SynthesizedWarroom.get();
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static Set<String> readmeAnchors;

    @BeforeAll
    static void readReadme() throws IOException {
        String readme = Files.readString(RepoRoot.ofInfraModule().path().resolve("README.md"));
        readmeAnchors = new TreeSet<>();
        Matcher heading = HEADING.matcher(readme);
        while (heading.find()) {
            readmeAnchors.add(WarroomAlarmsTest.githubSlug(heading.group(1)));
        }
    }

    static Stream<Arguments> alerts() {
        return APP.stack.monitoring().burnRateAlerts().stream().map(alert -> Arguments.of(Named.of(
                alert.slo().id() + " " + alert.windows().severity().label() + " " + alert.windows().factorLabel(), alert)));
    }

    @Test
    void alerts_whenBuilt_areFourPerSloOfTheCatalog_inTheWorkbooksOrder() {
        List<Slo> slos = SloCatalog.load().slos();

        assertThat(APP.stack.monitoring().burnRateAlerts()).hasSize(4 * slos.size());
        for (Slo slo : slos) {
            assertThat(APP.stack.monitoring().burnRateAlerts()).filteredOn(alert -> alert.slo().equals(slo))
                    .extracting(SloBurnRateAlarms.BurnAlert::windows).containsExactlyElementsOf(BurnRateWindows.SRE_WORKBOOK);
        }
    }

    @Test
    void threshold_whenTheObjectiveIs999Or995_isTheFactorTimesTheErrorBudget() {
        Map<String, String> expected999 = Map.of("14.4x", "0.0144", "6x", "0.006", "3x", "0.003", "1x", "0.001");
        Map<String, String> expected995 = Map.of("14.4x", "0.072", "6x", "0.03", "3x", "0.015", "1x", "0.005");
        for (BurnRateWindows windows : BurnRateWindows.SRE_WORKBOOK) {
            assertThat(windows.threshold(new BigDecimal("0.999"))).isEqualByComparingTo(expected999.get(windows.factorLabel()));
            assertThat(windows.threshold(new BigDecimal("0.995"))).isEqualByComparingTo(expected995.get(windows.factorLabel()));
        }
        // and in the template: the payments API (99.9 %) and the admin API (99.5 %) pages over an hour
        assertThat(threshold(longAlarms("api-availability-payments", "14.4x").getFirst())).isEqualTo(0.0144);
        assertThat(threshold(longAlarms("api-availability-admin", "14.4x").getFirst())).isEqualTo(0.072);
        assertThat(threshold(longAlarms("webhook-success", "6x").getFirst())).isEqualTo(0.006);
        assertThat(threshold(longAlarms("api-availability-support", "1x").getFirst())).isEqualTo(0.005);
    }

    @ParameterizedTest
    @MethodSource("alerts")
    void windows_whenBuilt_areErrorRatioAlarmsOverOnePeriodOfTheWindow_atFactorTimesBudget(SloBurnRateAlarms.BurnAlert alert) {
        double threshold = alert.windows().threshold(alert.slo().objective()).doubleValue();
        assertThat(alert.longWindow()).hasSameSizeAs(alert.shortWindow()).isNotEmpty();

        for (Alarm alarm : alert.longWindow()) {
            assertWindow(alarm, alert.windows().longWindow().toSeconds(), threshold);
        }
        for (Alarm alarm : alert.shortWindow()) {
            assertWindow(alarm, alert.windows().shortWindow().toSeconds(), threshold);
        }
    }

    @ParameterizedTest
    @MethodSource("alerts")
    void composite_whenBothWindowsOfAPartAreInAlarm_goesOff(SloBurnRateAlarms.BurnAlert alert) {
        Map<String, Object> composite = properties(APP.resource(alert.composite()));
        String rule = ruleText(composite.get("AlarmRule"));

        assertThat(composite).containsEntry("AlarmName", SloBurnRateAlarms.alertName("Warroom", alert.slo(), alert.windows()));
        // each part: ALARM(long) AND ALARM(short) of that part; parts joined by OR
        for (int part = 0; part < alert.longWindow().size(); part++) {
            String pair = "(ALARM(\"" + arnText(alert.longWindow().get(part)) + "\") AND ALARM(\"" + arnText(alert.shortWindow().get(part))
                    + "\"))";
            assertThat(rule).contains(pair);
        }
        assertThat(rule.split(" AND ", -1)).hasSize(alert.longWindow().size() + 1);
        assertThat(rule.split(" OR ", -1)).hasSize(alert.longWindow().size());
    }

    @ParameterizedTest
    @MethodSource("alerts")
    void composite_whenItGoesOff_pagesOrTickets_namesItsOwner_andLinksItsRunbookInTheReadme(SloBurnRateAlarms.BurnAlert alert) {
        Map<String, Object> composite = properties(APP.resource(alert.composite()));
        Object topic = ref(APP.logicalId(APP.stack.topics().topic(
                alert.windows().severity() == BurnRateWindows.Severity.PAGE ? Topology.ALERTS : Topology.OPS_NOTICES)));

        assertThat(list(composite.get("AlarmActions"))).containsExactly(topic);
        assertThat(list(composite.get("OKActions"))).containsExactly(topic);
        assertThat(list(composite.get("Tags"))).containsExactly(Map.of("Key", "owner", "Value", alert.slo().owner().tag()));
        assertThat((String) composite.get("AlarmDescription"))
                .contains("Owner: " + alert.slo().owner().tag(), com.warroom.alarms.RunbookLink.DEFAULT_README_URL + "#" + alert.slo().runbook(),
                        alert.windows().threshold(alert.slo().objective()).toPlainString());
        assertThat(readmeAnchors).contains(alert.slo().runbook());
    }

    @Test
    void parts_whenARouteGroupHasMoreThanFiveRoutes_keepEachAlarmWithinCloudWatchsTenMetrics() {
        SloCatalog catalog = SloCatalog.load();
        catalog.slos().forEach(slo -> {
            List<SloBurnRateAlarms.Part> parts = SloBurnRateAlarms.parts(catalog.metrics(slo, Topology.warroom()));
            assertThat(parts).as(slo.id()).allSatisfy(part ->
                    assertThat(part.events().size() + part.total().size()).isBetween(2, SloBurnRateAlarms.MAX_METRICS_PER_ALARM));
            assertThat(parts.stream().mapToInt(part -> part.total().size()).sum()).as(slo.id())
                    .isEqualTo(catalog.metrics(slo, Topology.warroom()).total().size());
        });
    }

    private static void assertWindow(Alarm alarm, long windowSeconds, double threshold) {
        Map<String, Object> properties = properties(APP.resource(alarm));
        assertThat(properties).containsEntry("ComparisonOperator", "GreaterThanThreshold").containsEntry("TreatMissingData", "notBreaching");
        assertThat(((Number) properties.get("EvaluationPeriods")).intValue()).isEqualTo(1);
        assertThat(threshold(alarm)).isEqualTo(threshold);
        List<Map<String, Object>> queries = list(properties.get("Metrics")).stream().map(TemplateJson::map).toList();
        List<Map<String, Object>> stats = queries.stream().filter(query -> query.containsKey("MetricStat")).toList();
        Map<String, Object> expression = queries.stream().filter(query -> Boolean.TRUE.equals(query.get("ReturnData"))).findFirst().orElseThrow();
        assertThat(stats).hasSizeBetween(2, SloBurnRateAlarms.MAX_METRICS_PER_ALARM)
                .allSatisfy(stat -> assertThat(((Number) map(stat.get("MetricStat")).get("Period")).longValue()).isEqualTo(windowSeconds));
        assertThat((String) expression.get("Expression")).startsWith("IF(").contains(" > 0, ");
        assertThat(((Number) expression.getOrDefault("Period", windowSeconds)).longValue()).isEqualTo(windowSeconds);
        // CloudWatch: at most 7 days of evaluation for periods of an hour or more, a day for shorter ones
        assertThat(windowSeconds).isLessThanOrEqualTo(windowSeconds >= 3600 ? 7 * 86400 : 86400);
    }

    private static List<Alarm> longAlarms(String sloId, String factor) {
        return APP.stack.monitoring().burnRateAlerts().stream()
                .filter(alert -> alert.slo().id().equals(sloId) && alert.windows().factorLabel().equals(factor))
                .findFirst().orElseThrow().longWindow();
    }

    private static double threshold(Alarm alarm) {
        return ((Number) properties(APP.resource(alarm)).get("Threshold")).doubleValue();
    }

    private static String arnText(Alarm alarm) {
        return "${" + APP.logicalId(alarm) + ".Arn}";
    }

    // the rule as one string: Fn::Join parts, each GetAtt written ${Id.Arn}
    private static String ruleText(Object rule) {
        if (rule instanceof String text) {
            return text;
        }
        Map<String, Object> node = map(rule);
        if (node.containsKey("Fn::GetAtt")) {
            List<Object> getAtt = list(node.get("Fn::GetAtt"));
            return "${" + getAtt.get(0) + "." + getAtt.get(1) + "}";
        }
        List<Object> join = list(node.get("Fn::Join"));
        StringBuilder text = new StringBuilder();
        list(join.get(1)).forEach(part -> text.append(ruleText(part)));
        return text.toString();
    }

    @SuppressWarnings("unused")
    private static Object arn(Alarm alarm) {
        return arnOf(APP.logicalId(alarm));
    }
}
