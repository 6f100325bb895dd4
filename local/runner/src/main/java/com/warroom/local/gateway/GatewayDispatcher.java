package com.warroom.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.warroom.http.Problem;
import com.warroom.local.metrics.LocalMetrics;
import com.warroom.local.auth.TokenCheck;
import com.warroom.local.auth.TokenVerifier;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Throttle;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What API Gateway does between a client and a function: selects the route, applies the route's own throttle (429
 * with {@code Retry-After} past it), runs the JWT authorizer on routes that are not public, builds the event, invokes
 * the function and relays its answer. A function that fails gets the client a 500 problem naming only the request id.
 */
final class GatewayDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayDispatcher.class);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RouteTable routes;
    private final RouteThrottles throttles;
    private final LambdaFunctions functions;
    private final TokenVerifier verifier;

    GatewayDispatcher(RouteTable routes, RouteThrottles throttles, LambdaFunctions functions, TokenVerifier verifier) {
        this.routes = routes;
        this.throttles = throttles;
        this.functions = functions;
        this.verifier = verifier;
    }

    GatewayResponse dispatch(GatewayRequest request) {
        long started = System.nanoTime();
        RouteMatch match = routes.match(request.method(), request.rawPath());
        GatewayResponse response = answer(request, match);
        // what API Gateway publishes for every request (Count, 4xx, 5xx, Latency; per route with detailed metrics), for
        // the local alarm evaluation and the SLO report
        Optional<String> routeKey = match instanceof RouteMatch.Found found ? Optional.of(found.route().routeKey()) : Optional.empty();
        LocalMetrics.request(routeKey, response.status(), (System.nanoTime() - started) / 1_000_000);
        return response;
    }

    private GatewayResponse answer(GatewayRequest request, RouteMatch match) {
        return switch (match) {
            case RouteMatch.NotFound notFound ->
                    GatewayResponse.problem(Problem.notFound("no route for " + request.method() + " " + request.rawPath()));
            case RouteMatch.MethodNotAllowed wrongMethod ->
                    GatewayResponse.problem(Problem.methodNotAllowed(request.rawPath() + " answers " + String.join(", ", wrongMethod.allowed())
                            + ", not " + request.method())).withHeader("Allow", String.join(", ", wrongMethod.allowed()));
            case RouteMatch.Found found -> throttleAuthorizeAndInvoke(request, found);
        };
    }

    // the throttle comes first: a flood is refused before it costs a token check, let alone a function call
    private GatewayResponse throttleAuthorizeAndInvoke(GatewayRequest request, RouteMatch.Found found) {
        return switch (throttles.admit(found.route())) {
            case Admission.Admitted admitted -> authorizeAndInvoke(request, found);
            case Admission.Refused refused -> tooManyRequests(found.route(), refused);
        };
    }

    private static GatewayResponse tooManyRequests(RouteDef route, Admission.Refused refused) {
        Throttle throttle = route.route().throttle().orElseThrow();
        long seconds = Math.max(1, Math.ceilDiv(refused.retryAfter().toNanos(), NANOS_PER_SECOND));
        return GatewayResponse.problem(Problem.of(429, "too-many-requests", "Too many requests", route.routeKey() + " takes "
                        + throttle.ratePerSecond() + (throttle.ratePerSecond() == 1 ? " request" : " requests")
                        + " a second, in bursts of up to " + throttle.burst() + "; retry in " + seconds + " s"))
                .withHeader("Retry-After", Long.toString(seconds));
    }

    private GatewayResponse authorizeAndInvoke(GatewayRequest request, RouteMatch.Found found) {
        if (found.route().isPublic()) {
            return invoke(request, found, Optional.empty());
        }
        return switch (verifier.check(request.header("authorization"))) {
            case TokenCheck.Rejected rejected ->
                    GatewayResponse.problem(Problem.unauthorized(rejected.reason())).withHeader("WWW-Authenticate", "Bearer");
            case TokenCheck.Accepted accepted -> invoke(request, found, Optional.of(accepted.claims()));
        };
    }

    private GatewayResponse invoke(GatewayRequest request, RouteMatch.Found found, Optional<Map<String, Object>> claims) {
        APIGatewayV2HTTPEvent event;
        try {
            event = HttpApiEvents.of(request, found, claims);
        } catch (MalformedRequest e) {
            return GatewayResponse.problem(Problem.of(400, "malformed-request", "Request is malformed", e.getMessage()));
        }
        try {
            Optional<GatewayResponse> answer = GatewayResponse.fromFunction(functions.invoke(found.route().function(), event));
            if (answer.isEmpty()) {
                LOG.error("request {}: function {} returned no valid HTTP response", request.requestId(), found.route().function().name());
            }
            return answer.orElseGet(() -> GatewayResponse.problem(Problem.internal(request.requestId())));
        } catch (RuntimeException e) {
            LOG.error("request {}: function {} failed", request.requestId(), found.route().function().name(), e);
            return GatewayResponse.problem(Problem.internal(request.requestId()));
        }
    }
}
