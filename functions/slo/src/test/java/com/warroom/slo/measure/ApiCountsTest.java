package com.warroom.slo.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.alarms.data.LocalMetricFile;
import com.warroom.observability.MetricPoint;
import com.warroom.slo.SloCatalog;
import com.warroom.slo.report.ReportWindow;
import com.warroom.slo.report.Sli;
import com.warroom.slo.report.SliStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A route group's availability and latency counted from the gateway's per-route points, as the runner records them. */
class ApiCountsTest {

    private static final ReportWindow WEEK = new ReportWindow(Instant.parse("2026-11-23T01:00:00Z"), Instant.parse("2026-11-30T01:00:00Z"));
    private static final String GET_PAYOUT = "GET /v1/payouts/{payoutId}";
    private static final String POST_PAYOUT = "POST /v1/payouts";

    @TempDir
    Path data;

    private final List<String> lines = new ArrayList<>();

    @Test
    void available_whenRequestsOnTwoRoutes_countsAllButThe5xx_andNotThe4xx() throws IOException {
        request(GET_PAYOUT, 200, 10, WEEK.from());
        request(GET_PAYOUT, 503, 10, WEEK.from().plus(Duration.ofDays(2)));
        request(POST_PAYOUT, 422, 10, WEEK.to().minusSeconds(1));
        request(POST_PAYOUT, 201, 10, WEEK.to()); // the window's end is not in it
        request(POST_PAYOUT, 500, 10, WEEK.from().minusSeconds(1)); // nor the second before it
        request("GET /v1/health", 500, 10, WEEK.from().plusSeconds(5)); // another group's route

        Counts counts = counts().available(List.of(GET_PAYOUT, POST_PAYOUT), WEEK);

        assertThat(counts).isEqualTo(new Counts(2, 3));
    }

    @Test
    void within_whenLatencyPoints_p95UnderTheThresholdIsMet_andOverItBreached() throws IOException {
        // latencies 1..100 ms: the 95th percentile is 95 ms (nearest rank)
        for (int ms = 1; ms <= 100; ms++) {
            request(GET_PAYOUT, 200, ms, WEEK.from().plus(Duration.ofMinutes(ms)));
        }
        var slo = SloCatalog.load().slo("api-latency-payouts").orElseThrow();

        Counts at95 = counts().within(List.of(GET_PAYOUT), 95, WEEK);
        Counts at94 = counts().within(List.of(GET_PAYOUT), 94, WEEK);

        assertThat(at95).isEqualTo(new Counts(95, 100));
        assertThat(Sli.of(slo, at95.good(), at95.total()).status()).as("p95 = 95 ms, within 95 ms").isNotEqualTo(SliStatus.BREACHED);
        assertThat(at94).isEqualTo(new Counts(94, 100));
        assertThat(Sli.of(slo, at94.good(), at94.total()).status()).as("p95 = 95 ms, over 94 ms").isEqualTo(SliStatus.BREACHED);
    }

    @Test
    void available_whenNoPoints_isNoCounts() {
        assertThat(counts().available(List.of(GET_PAYOUT), WEEK)).isEqualTo(Counts.NONE);
    }

    private ApiCounts counts() {
        try {
            Files.write(data.resolve("points.jsonl"), lines);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ApiCounts(new LocalMetricFile(data.resolve("points.jsonl")));
    }

    // what the local gateway records for one request
    private void request(String route, int status, long millis, Instant at) {
        Map<String, String> dimensions = Map.of("ApiId", "local", "Stage", "$default", "Route", route);
        lines.add(new MetricPoint("AWS/ApiGateway", "Count", dimensions, 1, at).toJsonLine());
        lines.add(new MetricPoint("AWS/ApiGateway", "4xx", dimensions, status / 100 == 4 ? 1 : 0, at).toJsonLine());
        lines.add(new MetricPoint("AWS/ApiGateway", "5xx", dimensions, status / 100 == 5 ? 1 : 0, at).toJsonLine());
        lines.add(new MetricPoint("AWS/ApiGateway", "Latency", dimensions, millis, at).toJsonLine());
    }
}
