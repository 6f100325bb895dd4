package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warroom.alarms.AlarmCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Daily Ops dashboard shows the morning checklist's sections, each from the metrics the functions publish. */
class DailyOpsDashboardTest {

    private static Map<String, Object> dashboard;
    private static String body;

    @BeforeAll
    static void synthesize() {
        SynthesizedWarroom app = SynthesizedWarroom.get();
        dashboard = TemplateJson.properties(app.resource(app.stack.dashboard().orElseThrow().dashboard()));
        // the body is a Fn::Join of text and tokens (the API's id, the queues' names, the alarms' ARNs)
        List<Object> parts = TemplateJson.list(TemplateJson.list(TemplateJson.map(dashboard.get("DashboardBody")).get("Fn::Join")).get(1));
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part instanceof String s ? s : "TOKEN"));
        body = text.toString();
    }

    @Test
    void dashboard_isNamedDailyOps_afterTheStack() {
        assertThat(dashboard).containsEntry("DashboardName", "Warroom-Daily-Ops");
        assertThat(((String) dashboard.get("DashboardName"))).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void dashboard_hasEverySectionOfTheChecklist() throws Exception {
        JsonNode widgets = new ObjectMapper().readTree(body).path("widgets");
        List<String> titles = new ArrayList<>();
        widgets.forEach(widget -> titles.add(widget.path("properties").path("title").asText()));

        assertThat(String.join("\n", titles)).contains("Alarms", "Pending aging", "Stuck counts", "findings by risk",
                "Payout success rate", "Webhook success rate", "Claim and payout failures", "Refund queue", "Admin actions",
                "p95 latency (ms) and 5xx");
        assertThat(widgets).allSatisfy(widget -> assertThat(widget.path("width").asInt()).isPositive());
    }

    @Test
    void widgets_readTheMetricNamesTheFunctionsPublish() {
        assertThat(body).contains(
                "SELECT MAX(" + AlarmCatalog.STUCK_OLDEST_AGE + ") FROM \\\"Warroom\\\" GROUP BY kind",
                "SELECT MAX(" + AlarmCatalog.STUCK_COUNT + ") FROM \\\"Warroom\\\" GROUP BY kind",
                "SELECT MAX(" + AlarmCatalog.RECONCILE_FINDINGS + ") FROM \\\"Warroom\\\" GROUP BY risk",
                "SELECT MAX(" + AlarmCatalog.RECONCILE_FINDINGS_UNTICKETED + ")",
                "SELECT SUM(" + AlarmCatalog.RECONCILE_RUN_COMPLETED + ")",
                "MetricName=\\\"PayoutConfirmed\\\"", "MetricName=\\\"PayoutFailed\\\"",
                "MetricName=\\\"WebhookAccepted\\\"", "MetricName=\\\"WebhookSignatureRejected\\\"",
                "\"AWS/ApiGateway\",\"Latency\"", "\"stat\":\"p95\"", "\"AWS/ApiGateway\",\"5xx\"",
                "\"AWS/SQS\",\"ApproximateNumberOfMessagesVisible\"");
    }

    @Test
    void alarmsWidget_showsEveryAlarmOfTheCatalogue() throws Exception {
        SynthesizedWarroom app = SynthesizedWarroom.get();
        JsonNode alarmsWidget = null;
        for (JsonNode widget : new ObjectMapper().readTree(body).path("widgets")) {
            if (widget.path("type").asText().equals("alarm")) {
                alarmsWidget = widget;
            }
        }

        assertThat(alarmsWidget).isNotNull();
        assertThat(alarmsWidget.path("properties").path("alarms")).hasSize(AlarmCatalog.of(app.topology).size());
    }
}
