package com.warroom.slo.measure;

import com.warroom.alarms.MetricData;
import com.warroom.alarms.Watched;
import com.warroom.slo.report.ReportWindow;
import java.util.List;

/**
 * A route group's requests from the API's per-route metrics (CloudWatch, or the runner's metric file): requests without
 * a 5xx, or answered within a latency bound, out of all. Asked per hour and summed, so any whole-hour window adds up.
 */
public final class ApiCounts {

    private final MetricData metrics;

    public ApiCounts(MetricData metrics) {
        this.metrics = metrics;
    }

    /** Requests of {@code routes} not answered 5xx, out of all of them. */
    public Counts available(List<String> routes, ReportWindow window) {
        long total = 0;
        long failed = 0;
        for (String route : routes) {
            total += sum(Watched.ApiMetric.ofRoute(Watched.ApiSignal.REQUESTS, route), window);
            failed += sum(Watched.ApiMetric.ofRoute(Watched.ApiSignal.SERVER_ERRORS, route), window);
        }
        return new Counts(Math.max(0, total - failed), total);
    }

    /** Requests of {@code routes} answered within {@code millis}, out of all of them. */
    public Counts within(List<String> routes, long millis, ReportWindow window) {
        long total = 0;
        long fast = 0;
        for (String route : routes) {
            total += sum(new Watched.ApiMetric(Watched.ApiSignal.LATENCY_SAMPLES, java.util.Optional.of(route),
                    java.util.OptionalLong.empty()), window);
            fast += sum(Watched.ApiMetric.answeredWithin(route, millis), window);
        }
        return new Counts(Math.min(fast, total), total);
    }

    // counts are whole numbers; a sum of them read back as doubles is exact far beyond any week's traffic
    private long sum(Watched watched, ReportWindow window) {
        double sum = metrics.values(watched, ReportWindow.HOUR, window.from(), window.to()).values().values().stream()
                .mapToDouble(Double::doubleValue).sum();
        return Math.round(sum);
    }
}
