package com.warroom.slo;

import com.warroom.alarms.Watched;
import com.warroom.observability.OpsMetrics;
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

    static SliMetric good(String sloId) {
        return new SliMetric(OpsMetrics.NAMESPACE, GOOD_EVENTS, Map.of(SLO, sloId), "Sum");
    }

    static SliMetric valid(String sloId) {
        return new SliMetric(OpsMetrics.NAMESPACE, VALID_EVENTS, Map.of(SLO, sloId), "Sum");
    }
}
