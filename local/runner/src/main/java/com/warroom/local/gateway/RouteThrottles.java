package com.warroom.local.gateway;

import com.warroom.topology.RouteDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link ThrottleBucket} per route that has its own throttle in the topology, shared by every request to that
 * route, as API Gateway keeps one per route key of a stage; routes without one are never refused here.
 */
final class RouteThrottles {

    private static final Admission ADMITTED = new Admission.Admitted();

    private final Map<String, ThrottleBucket> buckets;

    RouteThrottles(List<RouteDef> routes, Ticker ticker) {
        Map<String, ThrottleBucket> byRouteKey = new HashMap<>();
        routes.forEach(route -> route.route().throttle()
                .ifPresent(throttle -> byRouteKey.put(route.routeKey(), new ThrottleBucket(throttle, ticker))));
        this.buckets = Map.copyOf(byRouteKey);
    }

    Admission admit(RouteDef route) {
        ThrottleBucket bucket = buckets.get(route.routeKey());
        return bucket == null ? ADMITTED : bucket.take();
    }
}
