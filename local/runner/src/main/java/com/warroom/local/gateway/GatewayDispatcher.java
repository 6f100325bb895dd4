package com.warroom.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.warroom.http.Problem;
import com.warroom.local.auth.TokenCheck;
import com.warroom.local.auth.TokenVerifier;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What API Gateway does between a client and a function: selects the route, runs the JWT authorizer on
 * routes that are not public, builds the event, invokes the function and relays its answer. A function
 * that fails gets the client a 500 problem naming only the request id.
 */
final class GatewayDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayDispatcher.class);

    private final RouteTable routes;
    private final LambdaFunctions functions;
    private final TokenVerifier verifier;

    GatewayDispatcher(RouteTable routes, LambdaFunctions functions, TokenVerifier verifier) {
        this.routes = routes;
        this.functions = functions;
        this.verifier = verifier;
    }

    GatewayResponse dispatch(GatewayRequest request) {
        return switch (routes.match(request.method(), request.rawPath())) {
            case RouteMatch.NotFound notFound ->
                    GatewayResponse.problem(Problem.notFound("no route for " + request.method() + " " + request.rawPath()));
            case RouteMatch.MethodNotAllowed wrongMethod ->
                    GatewayResponse.problem(Problem.methodNotAllowed(request.rawPath() + " answers " + String.join(", ", wrongMethod.allowed())
                            + ", not " + request.method())).withHeader("Allow", String.join(", ", wrongMethod.allowed()));
            case RouteMatch.Found found -> authorizeAndInvoke(request, found);
        };
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
