package com.warroom.slo.measure;

import com.warroom.alarms.MetricData;
import com.warroom.alarms.Statistic;
import com.warroom.alarms.Watched;
import com.warroom.slo.SliSource;
import com.warroom.slo.Slo;
import com.warroom.slo.SloCatalog;
import com.warroom.slo.SloMetrics;
import com.warroom.slo.report.ReportWindow;
import com.warroom.slo.report.Sli;
import com.warroom.topology.Topology;
import java.time.Duration;

/** Measures each SLO of the catalog over a window, from wherever its counts are kept. */
public final class SliMeasurer {

    private final SloCatalog catalog;
    private final Topology topology;
    private final ApiCounts api;
    private final TableCounts tables;
    private final MetricData metrics;

    public SliMeasurer(SloCatalog catalog, Topology topology, MetricData metrics, TableCounts tables) {
        this.catalog = catalog;
        this.topology = topology;
        this.api = new ApiCounts(metrics);
        this.tables = tables;
        this.metrics = metrics;
    }

    public Sli measure(Slo slo, ReportWindow window) {
        Counts counts = switch (slo.source()) {
            case SliSource.ApiRequests requests -> api.available(catalog.routeKeys(requests.routeGroup(), topology), window);
            case SliSource.ApiLatency latency -> api.within(catalog.routeKeys(latency.routeGroup(), topology), latency.thresholdMs(), window);
            case SliSource.PayoutSla sla -> tables.payoutSla(Duration.ofMinutes(sla.slaMinutes()), window);
            case SliSource.PlatformEvents events -> platformEvents(slo, events, window);
            case SliSource.StuckShare stuck -> tables.notStuck(Duration.ofMinutes(stuck.limitMinutes()), window);
        };
        return Sli.of(slo, counts.good(), counts.total());
    }

    // taken in: the table's events of the type; not taken in: what the ingest counted valid but not good (dead-lettered)
    private Counts platformEvents(Slo slo, SliSource.PlatformEvents events, ReportWindow window) {
        long takenIn = tables.platformEventsTakenIn(events.eventType(), window);
        long valid = sum(SloMetrics.VALID_EVENTS, slo, window);
        long good = sum(SloMetrics.GOOD_EVENTS, slo, window);
        long deadLettered = Math.max(0, valid - good);
        return new Counts(takenIn, takenIn + deadLettered);
    }

    private long sum(String metric, Slo slo, ReportWindow window) {
        return SloMetrics.publishers(slo.source()).stream()
                .map(publisher -> new Watched.WarroomMetric(metric, SloMetrics.dimensions(slo, publisher), Statistic.SUM))
                .mapToLong(watched -> Math.round(metrics.values(watched, ReportWindow.HOUR, window.from(), window.to()).values()
                        .values().stream().mapToDouble(Double::doubleValue).sum()))
                .sum();
    }
}
