package com.warroom.slo;

import com.warroom.alarms.AlarmRule;
import com.warroom.alarms.Watched;
import com.warroom.topology.Topology;
import com.warroom.observability.OpsMetrics;
import java.util.List;
import java.util.Map;

/**
 * The metric names and dimensions the SLIs are counted from: API Gateway's per-route metrics of the HTTP API (detailed
 * metrics on; the local gateway records the same), and the good/valid event counts the functions publish per SLO.
 */
public final class SloMetrics {

    public static final String API_NAMESPACE = Watched.ApiMetric.NAMESPACE;
    public static final String COUNT = "Count";
    public static final String SERVER_ERRORS = "5xx";
    public static final String CLIENT_ERRORS = "4xx";
    public static final String LATENCY = "Latency";

    /** Events that met the SLO, published with dimension {@link #SLO} (the SLO's id). */
    public static final String GOOD_EVENTS = "SloGoodEvents";
    /** Every event the SLO counts (good or not), published with dimension {@link #SLO}. */
    public static final String VALID_EVENTS = "SloValidEvents";
    public static final String SLO = "Slo";

    private SloMetrics() {
    }

    /** The {@code Route} dimension of a route key ({@code GET /v1/payouts/{payoutId}}): API Gateway names it so. */
    public static Map<String, String> route(String routeKey) {
        return Map.of(Watched.ApiMetric.ROUTE, routeKey);
    }

    /**
     * The functions that publish an event SLO's counts: Powertools gives each of its metrics the dimension
     * {@code Service} = that function, so {@code Slo} and {@code Service} together name one plain metric per publisher,
     * and the SLI sums them. A transaction ends where its worker ends it: a payout in the payout worker, an order in the
     * payment processor.
     */
    public static List<String> publishers(SliSource source) {
        return switch (source) {
            case SliSource.PayoutSla p -> List.of(Topology.PAYOUT_WORKER.name());
            case SliSource.PlatformEvents p -> List.of(Topology.PLATFORM_EVENTS_INGEST.name());
            case SliSource.StuckShare s -> List.of(Topology.PAYOUT_WORKER.name(), Topology.PAYMENT_PROCESSOR.name());
            case SliSource.ApiRequests a -> throw new IllegalArgumentException("the API's metrics are API Gateway's");
            case SliSource.ApiLatency a -> throw new IllegalArgumentException("the API's metrics are API Gateway's");
        };
    }

    /** The dimensions of an event SLO's good and valid counts as one publisher emits them. */
    public static Map<String, String> dimensions(Slo slo, String publisher) {
        return Map.of(SLO, slo.id(), AlarmRule.SERVICE_DIMENSION, publisher);
    }

    static List<SliMetric> good(Slo slo) {
        return publishers(slo.source()).stream()
                .map(publisher -> new SliMetric(OpsMetrics.NAMESPACE, GOOD_EVENTS, dimensions(slo, publisher), "Sum")).toList();
    }

    static List<SliMetric> valid(Slo slo) {
        return publishers(slo.source()).stream()
                .map(publisher -> new SliMetric(OpsMetrics.NAMESPACE, VALID_EVENTS, dimensions(slo, publisher), "Sum")).toList();
    }
}
