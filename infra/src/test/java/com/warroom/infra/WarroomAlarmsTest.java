package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warroom.alarms.AlarmCatalog;
import com.warroom.alarms.AlarmRule;
import com.warroom.alarms.RunbookLink;
import com.warroom.alarms.Watched;
import com.warroom.observability.OpsMetrics;
import com.warroom.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The template's alarms are the catalogue's (com.warroom.alarms.AlarmCatalog), each as its rule says, tagged with its
 * owner, sending ALARM and OK to the alerts topic, and described with a runbook link whose anchor is a heading of the
 * README.
 */
class WarroomAlarmsTest {

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static Set<String> readmeAnchors;

    @BeforeAll
    static void readReadme() throws IOException {
        String readme = Files.readString(RepoRoot.ofInfraModule().path().resolve("README.md"));
        readmeAnchors = new TreeSet<>();
        Matcher heading = HEADING.matcher(readme);
        while (heading.find()) {
            readmeAnchors.add(githubSlug(heading.group(1)));
        }
    }

    /** How GitHub makes a heading's anchor: lower case, punctuation but '-' and '_' dropped, spaces to '-'. */
    static String githubSlug(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_ -]", "").replace(' ', '-');
    }

    static Stream<Arguments> rules() {
        return SynthesizedWarroom.all().stream().flatMap(app -> AlarmCatalog.of(app.topology).stream()
                .map(rule -> Arguments.of(app, org.junit.jupiter.api.Named.of(rule.name(), rule))));
    }

    @ParameterizedTest
    @MethodSource("com.warroom.infra.SynthesizedWarroom#all")
    void template_hasExactlyTheCataloguesAlarms(SynthesizedWarroom app) {
        Set<String> inTemplate = app.resourcesOfType("AWS::CloudWatch::Alarm").values().stream()
                .map(alarm -> (String) TemplateJson.properties(alarm).get("AlarmName"))
                // the SLOs' burn-rate windows are not the catalogue's: SloBurnRateAlarmsTest checks them
                .filter(name -> !name.startsWith("Warroom-slo-"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(inTemplate).isEqualTo(AlarmCatalog.of(app.topology).stream().map(rule -> rule.alarmName("Warroom"))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void catalogue_hasTheIssuesAlarms_andADeadLetterAlarmPerQueue() {
        List<String> names = AlarmCatalog.warroom().stream().map(AlarmRule::name).toList();

        assertThat(names).contains("payout-pending-too-long", "order-pending-too-long", "payout-failures", "webhook-signatures-rejected",
                "reconcile-high-finding", "reconcile-finding-unticketed", "reconcile-not-run", "sweeper-not-run", "api-5xx",
                "api-p95-latency", "lambda-errors", "lambda-throttles", "integrity-anchor-failing", "postmortem-overdue");
        Topology.warroom().queues().forEach(queue -> assertThat(names).contains(queue.logicalName() + "-dlq-not-empty"));
        assertThat(names).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void alarm_isBuiltAsItsRuleSays_taggedWithItsOwner_andTellsTheAlertsTopic(SynthesizedWarroom app, AlarmRule rule) {
        Map<String, Object> resource = app.resource(app.stack.alarms().alarm(rule.name()));
        Map<String, Object> alarm = TemplateJson.properties(resource);

        assertThat(alarm).containsEntry("AlarmName", rule.alarmName("Warroom"))
                .containsEntry("ComparisonOperator", cloudFormation(rule.comparison().name()))
                .containsEntry("TreatMissingData", switch (rule.missingData()) {
                    case BREACHING -> "breaching";
                    case NOT_BREACHING -> "notBreaching";
                    case MISSING -> "missing";
                    case IGNORE -> "ignore";
                });
        assertThat(((Number) alarm.get("Threshold")).doubleValue()).isEqualTo(rule.threshold());
        assertThat(((Number) alarm.get("EvaluationPeriods")).intValue()).isEqualTo(rule.evaluationPeriods());
        assertThat(((Number) alarm.get("DatapointsToAlarm")).intValue()).isEqualTo(rule.datapointsToAlarm());
        assertThat(list(alarm.get("Tags"))).containsExactly(Map.of("Key", "owner", "Value", rule.owner().tag()));
        if (app.topology.topics().contains(Topology.ALERTS)) {
            Object alerts = ref(app.logicalId(app.stack.topics().topic(Topology.ALERTS)));
            assertThat(list(alarm.get("AlarmActions"))).containsExactly(alerts);
            assertThat(list(alarm.get("OKActions"))).containsExactly(alerts);
        }
        assertMetric(app, rule, alarm);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void alarm_whenItGoesOff_saysWhatItWatchesWhatItMeansAndLinksItsRunbookInTheReadme(SynthesizedWarroom app, AlarmRule rule) {
        String description = (String) TemplateJson.properties(app.resource(app.stack.alarms().alarm(rule.name()))).get("AlarmDescription");

        assertThat(description).startsWith("Warroom " + rule.trip() + ": ").contains(rule.meaning(), "Owner: " + rule.owner().tag())
                .endsWith(" Runbook: " + RunbookLink.DEFAULT_README_URL + "#" + rule.runbook())
                .hasSizeLessThanOrEqualTo(WarroomAlarms.MAX_DESCRIPTION);
        String anchor = description.substring(description.lastIndexOf('#') + 1);
        assertThat(readmeAnchors).as("README headings' anchors").contains(anchor);
    }

    @Test
    void runbookLinks_whenTheDeployNamesItsReadme_pointThere() {
        SynthesizedWarroom app = SynthesizedWarroom.withDeployContext();
        AlarmRule rule = AlarmCatalog.find(AlarmCatalog.warroom(), "sweeper-not-run").orElseThrow();

        String description = (String) TemplateJson.properties(app.resource(app.stack.alarms().alarm(rule.name()))).get("AlarmDescription");

        assertThat(description).endsWith(" Runbook: " + SynthesizedWarroom.README_URL + "#" + rule.runbook());
        assertThat(app.environment(Topology.ALARMS_API)).containsEntry(RunbookLink.ENV_VAR, SynthesizedWarroom.README_URL);
        assertThat(WarroomStack.readmeUrl(" https://x.example/README.md#top ")).isEqualTo("https://x.example/README.md");
        assertThat(WarroomStack.readmeUrl(null)).isEqualTo(RunbookLink.DEFAULT_README_URL);
    }

    @Test
    void alarmsFunction_getsTheApiIdAndStackName_andMayReadMetricData_only() {
        SynthesizedWarroom app = SynthesizedWarroom.get();

        assertThat(app.environment(Topology.ALARMS_API)).containsEntry("WARROOM_API_ID", ref(app.logicalId(app.stack.api().api())))
                .containsEntry("WARROOM_STACK_NAME", "Warroom");
        List<Map<String, Object>> statements = app.statementsOf(app.stack.functions().get(Topology.ALARMS_API).role());
        assertThat(statements).anySatisfy(statement -> assertThat(statement)
                .containsEntry("Action", "cloudwatch:GetMetricData").containsEntry("Resource", "*"));
        app.topology.functions().stream().filter(f -> !f.readsMetrics()).forEach(function ->
                assertThat(app.statementsOf(app.stack.functions().get(function).role()).toString())
                        .as(function.name()).doesNotContain("cloudwatch:"));
        Topology.warroom().queues().forEach(queue -> assertThat(app.environment(Topology.ALARMS_API))
                .containsEntry(queue.dlqUrlEnvVar(), ref(app.logicalId(app.stack.queues().deadLetterQueue(queue)))));
    }

    /** The moved alarms keep the values they had before the catalogue. */
    @Test
    void movedAlarms_keepTheirThresholdsAndPeriods() {
        Map<String, List<Integer>> expected = Map.ofEntries(
                Map.entry("webhook-signatures-rejected", List.of(20, 300, 1, 1)),
                Map.entry("payment-review-recorded", List.of(1, 300, 1, 1)),
                Map.entry("notification-failed", List.of(1, 300, 1, 1)),
                Map.entry("midtrans-unavailable", List.of(1, 300, 3, 2)),
                Map.entry("payout-failures", List.of(3, 900, 1, 1)),
                Map.entry("payout-seal-broken", List.of(1, 300, 1, 1)),
                Map.entry("payout-stuck", List.of(1, 900, 2, 2)),
                Map.entry("payout-paid-after-cancel", List.of(1, 300, 1, 1)),
                Map.entry("custody-callbacks-rejected", List.of(20, 300, 1, 1)),
                Map.entry("flag-states-tampered", List.of(1, 60, 1, 1)),
                Map.entry("audit-chain-tampered", List.of(1, 60, 1, 1)),
                Map.entry("approval-tampered", List.of(1, 60, 1, 1)),
                Map.entry("ledger-tampered", List.of(1, 60, 1, 1)),
                Map.entry("order-tampered", List.of(1, 60, 1, 1)),
                Map.entry("integrity-anchor-failing", List.of(1, 300, 2, 2)));
        expected.forEach((name, values) -> {
            AlarmRule rule = AlarmCatalog.find(AlarmCatalog.warroom(), name).orElseThrow();
            assertThat(List.of((int) rule.threshold(), (int) rule.period().toSeconds(), rule.evaluationPeriods(), rule.datapointsToAlarm()))
                    .as(name).isEqualTo(values);
        });
    }

    /**
     * What the functions emit: Powertools puts every count in namespace Warroom under the dimension Service (the
     * function's name), so an alarm on the bare metric name would watch a series nobody writes. The query takes every
     * series of the name whatever its dimensions.
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
        assertThat(Watched.WarroomMetric.sum("FlagStateTampered").insightsQuery()).isEqualTo("SELECT SUM(FlagStateTampered) FROM \"Warroom\"");
        assertThat(Watched.WarroomMetric.maximum("StuckOldestAgeSeconds", Map.of("kind", "payout")).insightsQuery())
                .isEqualTo("SELECT MAX(StuckOldestAgeSeconds) FROM \"Warroom\" WHERE kind = 'payout'");
    }

    @Test
    void integrityAnchorAlarm_whenTheTopologyHasNoIntegrityAnchor_isNotBuilt() {
        SynthesizedWarroom app = SynthesizedWarroom.withTriggers();

        assertThat(app.topology.functions()).doesNotContain(Topology.INTEGRITY_ANCHOR);
        assertThatThrownBy(() -> app.stack.alarms().alarm("integrity-anchor-failing")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertMetric(SynthesizedWarroom app, AlarmRule rule, Map<String, Object> alarm) {
        int period = (int) rule.period().toSeconds();
        switch (rule.watched()) {
            case Watched.WarroomMetric metric when !metric.plain() -> {
                assertThat(alarm).doesNotContainKeys("MetricName", "Namespace", "Dimensions");
                Map<String, Object> query = map(list(alarm.get("Metrics")).getFirst());
                assertThat(query).containsEntry("Expression", metric.insightsQuery()).containsEntry("ReturnData", true);
                assertThat(((Number) query.get("Period")).intValue()).isEqualTo(period);
            }
            case Watched.WarroomMetric metric -> {
                assertThat(alarm).containsEntry("Namespace", "Warroom").containsEntry("MetricName", metric.metricName())
                        .containsEntry("Statistic", metric.statistic().cloudWatchName());
                assertThat(list(alarm.get("Dimensions"))).containsExactlyInAnyOrderElementsOf(metric.dimensions().entrySet().stream()
                        .map(e -> (Object) Map.of("Name", e.getKey(), "Value", e.getValue())).toList());
                assertThat(((Number) alarm.get("Period")).intValue()).isEqualTo(period);
            }
            case Watched.ApiMetric api -> {
                assertThat(alarm).containsEntry("Namespace", "AWS/ApiGateway").containsEntry("MetricName", api.metricName())
                        .containsEntry("Dimensions", List.of(Map.of("Name", "ApiId", "Value", ref(app.logicalId(app.stack.api().api())))));
                assertThat(alarm).containsEntry(api.statistic() == com.warroom.alarms.Statistic.P95 ? "ExtendedStatistic" : "Statistic",
                        api.statistic().cloudWatchName());
            }
            case Watched.LambdaMetric lambda -> {
                assertThat(alarm).containsEntry("Namespace", "AWS/Lambda").containsEntry("MetricName", lambda.metricName())
                        .containsEntry("Statistic", "Sum");
                Optional<Object> dimensions = Optional.ofNullable(alarm.get("Dimensions"));
                lambda.function().ifPresentOrElse(name -> assertThat(dimensions).contains(List.of(Map.of("Name", "FunctionName",
                        "Value", ref(app.logicalId(app.stack.functions().get(function(app, name)).function()))))),
                        () -> assertThat(dimensions).as("the account's aggregate").isEmpty());
            }
            case Watched.DeadLetters queue -> {
                assertThat(alarm).containsEntry("Namespace", "AWS/SQS").containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                        .containsEntry("Statistic", "Maximum")
                        .containsEntry("Dimensions", List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt",
                                List.of(app.logicalId(app.stack.queues().deadLetterQueue(queue.queue())), "QueueName")))));
                assertThat(((Number) alarm.get("Period")).intValue()).isEqualTo(period);
            }
        }
    }

    private static com.warroom.topology.FunctionDef function(SynthesizedWarroom app, String name) {
        return app.topology.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static String cloudFormation(String comparison) {
        StringBuilder name = new StringBuilder();
        for (String word : comparison.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
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
        throw new AssertionError("no EMF line printed: " + captured);
    }
}
