package com.warroom.alarms.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.alarms.AlarmCatalog;
import com.warroom.alarms.AlarmRule;
import com.warroom.alarms.Watched;
import com.warroom.aws.AwsClients;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * What the alarms route asks CloudWatch for each rule: the same query the CDK app gives the alarm (the template tests
 * check that side), so the route's state is the alarm's.
 */
class CloudWatchMetricsTest {

    private final CloudWatchMetrics metrics = new CloudWatchMetrics(AwsClients.cloudWatch(),
            new CloudWatchMetrics.Names(Optional.of("a1b2c3"), "Warroom"));

    private static AlarmRule rule(String name) {
        return AlarmCatalog.find(AlarmCatalog.warroom(), name).orElseThrow();
    }

    @Test
    void warroomCounts_areAskedAsTheAlarmsMetricsInsightsQuery() {
        MetricDataQuery query = metrics.query(rule("payout-pending-too-long").watched(), 300);

        assertThat(query.expression()).isEqualTo("SELECT MAX(StuckOldestAgeSeconds) FROM \"Warroom\" WHERE kind = 'payout'");
        assertThat(query.period()).isEqualTo(300);
        assertThat(query.metricStat()).isNull();
    }

    @Test
    void plainMetrics_areAskedWithTheirExactDimensions() {
        MetricDataQuery reconcile = metrics.query(rule("reconcile-not-run").watched(), 3600);
        MetricDataQuery api = metrics.query(rule("api-p95-latency").watched(), 300);
        MetricDataQuery anchor = metrics.query(rule("integrity-anchor-failing").watched(), 300);
        MetricDataQuery throttles = metrics.query(rule("lambda-throttles").watched(), 300);

        assertThat(reconcile.metricStat().metric().dimensions()).containsExactly(dimension("Service", "reconcile-report"));
        assertThat(reconcile.metricStat().stat()).isEqualTo("Sum");
        assertThat(api.metricStat().metric().namespace()).isEqualTo("AWS/ApiGateway");
        assertThat(api.metricStat().metric().dimensions()).containsExactly(dimension("ApiId", "a1b2c3"));
        assertThat(api.metricStat().stat()).isEqualTo("p95");
        assertThat(anchor.metricStat().metric().dimensions()).containsExactly(dimension("FunctionName", "Warroom-integrity-anchor"));
        assertThat(throttles.metricStat().metric().dimensions()).as("the account's aggregate").isEmpty();
    }

    @Test
    void routeMetrics_areAskedWithStageAndRoute_andAnsweredWithin_asATrimmedCount() {
        MetricDataQuery count = metrics.query(Watched.ApiMetric.ofRoute(Watched.ApiSignal.REQUESTS, "GET /v1/payouts/{payoutId}"), 604800);
        MetricDataQuery within = metrics.query(Watched.ApiMetric.answeredWithin("POST /v1/payouts", 1000), 604800);

        assertThat(count.metricStat().metric().dimensions()).containsExactly(dimension("ApiId", "a1b2c3"),
                dimension("Stage", "$default"), dimension("Route", "GET /v1/payouts/{payoutId}"));
        assertThat(count.metricStat().metric().metricName()).isEqualTo("Count");
        assertThat(count.metricStat().stat()).isEqualTo("Sum");
        assertThat(within.metricStat().metric().metricName()).isEqualTo("Latency");
        assertThat(within.metricStat().stat()).isEqualTo("TC(:1000)");
    }

    @Test
    void apiMetrics_withoutTheApiId_cannotBeAsked_andQueueDepthsComeFromSqs() {
        CloudWatchMetrics unnamed = new CloudWatchMetrics(AwsClients.cloudWatch(), new CloudWatchMetrics.Names(Optional.empty(), "Warroom"));

        assertThatThrownBy(() -> unnamed.query(rule("api-5xx").watched(), 300)).hasMessageContaining("WARROOM_API_ID");
        Watched deadLetters = rule("payouts-dlq-not-empty").watched();
        assertThatThrownBy(() -> metrics.query(deadLetters, 300)).hasMessageContaining("SQS");
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }
}
