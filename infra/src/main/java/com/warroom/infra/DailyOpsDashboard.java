package com.warroom.infra;

import com.warroom.alarms.AlarmCatalog;
import com.warroom.observability.OpsMetrics;
import com.warroom.topology.QueueDef;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

/**
 * The Daily Ops dashboard: what the morning checklist reads, in the order it reads it. Warroom's own metrics come
 * through Metrics Insights queries (every function that counts a name, whatever its Service dimension), rates through
 * SEARCH expressions, which dashboards (not alarms) allow.
 */
public final class DailyOpsDashboard extends Construct {

    static final String NAME_SUFFIX = "-Daily-Ops";
    static final Duration PERIOD = Duration.minutes(5);
    static final int WIDTH = 12;
    static final int HEIGHT = 6;

    /** What the dashboard shows. */
    public record Props(String stackName, IHttpApi api, WorkQueues queues, QueueDef payoutQueue, List<IAlarm> alarms, String readmeUrl) {
    }

    private final Dashboard dashboard;

    public DailyOpsDashboard(Construct scope, String id, Props props) {
        super(scope, id);
        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(props.stackName() + NAME_SUFFIX)
                .defaultInterval(Duration.days(1))
                .build();
        dashboard.addWidgets(TextWidget.Builder.create()
                .markdown("# Warroom Daily Ops\nThe morning checklist: pending aging, stuck items, reconcile findings by risk,"
                        + " success rates, failures, the refund queue, admin actions and the API. Every alarm has a runbook: ["
                        + "README runbooks](" + props.readmeUrl() + "#runbooks). Locally: `GET /v1/admin/alarms`.")
                .width(24).height(2).build());
        dashboard.addWidgets(AlarmStatusWidget.Builder.create().title("Alarms").alarms(props.alarms()).width(24).height(4).build());
        dashboard.addWidgets(
                graph("Pending aging: oldest non-final item per kind (seconds; alarm over 900)",
                        insights("MAX", AlarmCatalog.STUCK_OLDEST_AGE, "kind", "Oldest age")),
                graph("Stuck counts per kind", insights("MAX", AlarmCatalog.STUCK_COUNT, "kind", "Stuck")));
        dashboard.addWidgets(
                graph("Reconcile: OPEN findings by risk (latest run)", insights("MAX", AlarmCatalog.RECONCILE_FINDINGS, "risk", "Findings"),
                        insights("MAX", AlarmCatalog.RECONCILE_FINDINGS_UNTICKETED, null, "Open > 24 h without a ticket")),
                graph("Reconcile runs completed and failed", insights("SUM", AlarmCatalog.RECONCILE_RUN_COMPLETED, null, "Completed"),
                        insights("SUM", AlarmCatalog.RECONCILE_RUN_FAILED, null, "Failed")));
        dashboard.addWidgets(
                graph("Payout success rate (%): confirmed / (confirmed + failed)", rate("PayoutConfirmed", AlarmCatalog.PAYOUT_FAILED)),
                graph("Webhook success rate (%): accepted / (accepted + signature rejected)",
                        rate("WebhookAccepted", AlarmCatalog.WEBHOOK_SIGNATURE_REJECTED)));
        dashboard.addWidgets(
                graph("Claim and payout failures (PayoutFailed, every kind: no per-kind dimension yet; quarantined; stuck)",
                        insights("SUM", AlarmCatalog.PAYOUT_FAILED, null, "Failed"), insights("SUM", "PayoutQuarantined", null, "Quarantined"),
                        insights("SUM", AlarmCatalog.PAYOUT_STUCK, null, "Stuck")),
                graph("Refund queue: payouts waiting to be worked (refunds are payouts of kind REFUND) and in its DLQ",
                        props.queues().queue(props.payoutQueue()).metricApproximateNumberOfMessagesVisible(max()),
                        props.queues().deadLetterQueue(props.payoutQueue()).metricApproximateNumberOfMessagesVisible(max())));
        dashboard.addWidgets(
                graph("Admin actions: approvals applied and kill-switch changes posted (no metric counts every audit entry yet)",
                        insights("SUM", "ApprovalApplied", null, "Approvals applied"), insights("SUM", "OpsNoticePosted", null,
                                "Kill-switch changes")),
                graph("HTTP API: p95 latency (ms) and 5xx", apiMetric(props.api(), "Latency", "p95"), apiMetric(props.api(), "5xx", "Sum")));
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    private static IWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(WIDTH).height(HEIGHT).build();
    }

    /** {@code SELECT MAX(name) FROM "Warroom" GROUP BY key}: one line per value of the dimension, or one line without. */
    static MathExpression insights(String function, String metric, String groupBy, String label) {
        String query = "SELECT " + function + "(" + metric + ") FROM \"" + OpsMetrics.NAMESPACE + "\""
                + (groupBy == null ? "" : " GROUP BY " + groupBy);
        return MathExpression.Builder.create().expression(query).usingMetrics(Map.of()).label(label).period(PERIOD).build();
    }

    /** 100 × good / (good + bad), each summed over every function that counts it. */
    static MathExpression rate(String good, String bad) {
        String goodSum = "SUM(SEARCH('{" + OpsMetrics.NAMESPACE + ",Service} MetricName=\"" + good + "\"', 'Sum', 300))";
        String badSum = "SUM(SEARCH('{" + OpsMetrics.NAMESPACE + ",Service} MetricName=\"" + bad + "\"', 'Sum', 300))";
        return MathExpression.Builder.create().expression("100 * " + goodSum + " / (" + goodSum + " + " + badSum + ")")
                .usingMetrics(Map.of()).label(good + " %").period(PERIOD).build();
    }

    private static IMetric apiMetric(IHttpApi api, String name, String statistic) {
        return Metric.Builder.create().namespace("AWS/ApiGateway").metricName(name).dimensionsMap(Map.of("ApiId", api.getApiId()))
                .statistic(statistic).period(PERIOD).build();
    }

    private static MetricOptions max() {
        return MetricOptions.builder().statistic("Maximum").period(PERIOD).build();
    }
}
