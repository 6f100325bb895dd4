package com.warroom.local.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.aws.Settings;
import com.warroom.observability.MetricPoint;
import com.warroom.observability.OpsMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** What the runner records for the local alarm evaluation: every point the functions emit, as CloudWatch would get it. */
class LocalMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path data;
    private LocalMetrics metrics;

    @BeforeEach
    void install() throws Exception {
        metrics = LocalMetrics.install(data.resolve("metrics/points.jsonl"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void countsAndMeasures_ofAnInvokedFunction_areRecordedWithItsNameAsService() throws Exception {
        LocalMetrics.invocation("stuck-tx-sweeper", () -> {
            OpsMetrics.count("SweeperRun");
            OpsMetrics.measure("StuckOldestAgeSeconds", 1200, MetricUnit.SECONDS, Map.of("kind", "payout"));
            OpsMetrics.flush();
            return null;
        });

        List<MetricPoint> points = points();
        assertThat(points).contains(
                new MetricPoint("Warroom", "SweeperRun", Map.of("Service", "stuck-tx-sweeper"), 1, NOW),
                new MetricPoint("Warroom", "StuckOldestAgeSeconds", Map.of("kind", "payout", "Service", "stuck-tx-sweeper"), 1200, NOW),
                new MetricPoint("AWS/Lambda", "Errors", Map.of("FunctionName", "stuck-tx-sweeper"), 0, NOW));
        assertThat(Settings.find(MetricPoint.FILE_SETTING)).contains(metrics.file().toString());
    }

    @Test
    void countsOfAWorkflowTask_areRecordedWithTheNameItsLoggingGives_whenTheRunnerDidNotInvokeIt() throws Exception {
        // the embedded Step Functions invokes task functions itself: only Powertools' logging context names them
        org.slf4j.MDC.put("function_name", "reconcile-report");
        try {
            OpsMetrics.count("ReconcileRunCompleted");
            OpsMetrics.flush();
        } finally {
            org.slf4j.MDC.remove("function_name");
        }

        assertThat(points()).contains(new MetricPoint("Warroom", "ReconcileRunCompleted", Map.of("Service", "reconcile-report"), 1, NOW));
    }

    @Test
    void anInvocationThatThrows_isRecordedAsAnError() throws Exception {
        assertThatThrownBy(() -> LocalMetrics.invocation("integrity-anchor", () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(points()).containsExactly(new MetricPoint("AWS/Lambda", "Errors", Map.of("FunctionName", "integrity-anchor"), 1, NOW));
    }

    @Test
    void gatewayRequests_areRecordedAsCount4xx5xxAndLatency_perRoute() throws Exception {
        LocalMetrics.request(Optional.of("GET /v1/payouts/{payoutId}"), 503, 42);
        LocalMetrics.request(Optional.of("POST /v1/payouts"), 422, 7);
        LocalMetrics.request(Optional.empty(), 404, 1);

        Map<String, String> get = Map.of("ApiId", "local", "Stage", "$default", "Route", "GET /v1/payouts/{payoutId}");
        Map<String, String> post = Map.of("ApiId", "local", "Stage", "$default", "Route", "POST /v1/payouts");
        Map<String, String> noRoute = Map.of("ApiId", "local", "Stage", "$default");
        assertThat(points()).containsExactly(
                new MetricPoint("AWS/ApiGateway", "Count", get, 1, NOW),
                new MetricPoint("AWS/ApiGateway", "4xx", get, 0, NOW),
                new MetricPoint("AWS/ApiGateway", "5xx", get, 1, NOW),
                new MetricPoint("AWS/ApiGateway", "Latency", get, 42, NOW),
                new MetricPoint("AWS/ApiGateway", "Count", post, 1, NOW),
                new MetricPoint("AWS/ApiGateway", "4xx", post, 1, NOW),
                new MetricPoint("AWS/ApiGateway", "5xx", post, 0, NOW),
                new MetricPoint("AWS/ApiGateway", "Latency", post, 7, NOW),
                new MetricPoint("AWS/ApiGateway", "Count", noRoute, 1, NOW),
                new MetricPoint("AWS/ApiGateway", "4xx", noRoute, 1, NOW),
                new MetricPoint("AWS/ApiGateway", "5xx", noRoute, 0, NOW),
                new MetricPoint("AWS/ApiGateway", "Latency", noRoute, 1, NOW));
    }

    @Test
    void close_stopsRecording_andForgetsTheFile() throws Exception {
        metrics.close();

        LocalMetrics.request(Optional.empty(), 500, 1);
        OpsMetrics.count("SweeperRun");
        OpsMetrics.flush();

        assertThat(points()).isEmpty();
        assertThat(Settings.find(MetricPoint.FILE_SETTING)).isEmpty();
        metrics = LocalMetrics.install(data.resolve("again.jsonl"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private List<MetricPoint> points() throws Exception {
        Path file = data.resolve("metrics/points.jsonl");
        return Files.exists(file) ? Files.readAllLines(file).stream().map(MetricPoint::parse).flatMap(Optional::stream).toList() : List.of();
    }
}
