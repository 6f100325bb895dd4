package com.warroom.local.gateway;

import com.warroom.topology.RouteDef;
import java.util.List;
import java.util.Map;

/** Which route, if any, a method and path select. */
sealed interface RouteMatch {

    /** The route, with its path variables still percent-encoded. */
    record Found(RouteDef route, Map<String, String> rawPathParameters) implements RouteMatch {
        public Found {
            rawPathParameters = Map.copyOf(rawPathParameters);
        }
    }

    /** The path exists, for other methods only. */
    record MethodNotAllowed(List<String> allowed) implements RouteMatch {
        public MethodNotAllowed {
            allowed = List.copyOf(allowed);
        }
    }

    record NotFound() implements RouteMatch {
    }
}
