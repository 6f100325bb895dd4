package com.warroom.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.audit.AuditContentionException;
import com.warroom.json.Json;
import com.warroom.observability.OpsMetrics;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Turns an API Gateway HTTP API (payload 2.0) event into a call of the route's action: checks the
 * caller's roles against the topology, bounds the body, and encodes the answer. Failures never leak
 * internals: an unexpected exception becomes a 500 problem naming only the request id.
 */
public final class ApiRouter {

    /** API Gateway's own payload limit is 10 MiB; Warroom's requests are small, so anything over 1 MiB is refused. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    private static final String CORRELATION_ID_PATH = "requestContext.requestId";

    private final Map<String, RouteAction> actions;
    private final Topology topology;

    public ApiRouter(Map<String, RouteAction> actionsByRouteKey) {
        this.topology = Topology.warroom();
        this.actions = Map.copyOf(actionsByRouteKey);
        for (String key : actions.keySet()) {
            if (topology.route(key).isEmpty()) {
                throw new IllegalStateException("route " + key + " is not in the topology");
            }
        }
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        if (context == null) {
            return answer(event);
        }
        return PowertoolsLogging.withLogging(context, CORRELATION_ID_PATH, event, () -> {
            try {
                return answer(event);
            } finally {
                OpsMetrics.flush();
            }
        });
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        String requestId = requestId(event);
        ApiResult result = route(event);
        try {
            return encode(result, requestId);
        } catch (RuntimeException e) {
            LOG.error("request {}: the answer could not be encoded", requestId, e);
            return encode(ApiResult.problem(Problem.internal(requestId)), requestId);
        }
    }

    private ApiResult route(APIGatewayV2HTTPEvent event) {
        String requestId = requestId(event);
        try {
            String routeKey = event.getRouteKey();
            Optional<RouteDef> route = Optional.ofNullable(routeKey).flatMap(topology::route);
            RouteAction action = routeKey == null ? null : actions.get(routeKey);
            if (route.isEmpty() || action == null) {
                return ApiResult.problem(Problem.notFound("no route " + routeKey));
            }
            Optional<Caller> caller = Caller.fromClaims(claims(event));
            if (!route.get().isPublic()) {
                if (caller.isEmpty()) {
                    return new ApiResult(401, Problem.unauthorized("a bearer token is required"), Map.of("WWW-Authenticate", "Bearer"));
                }
                if (!route.get().allows(caller.get().roles())) {
                    return ApiResult.problem(Problem.forbidden("role " + caller.get().roleNames()
                            + " may not call " + routeKey));
                }
            }
            Optional<String> body;
            try {
                body = body(event);
            } catch (IllegalArgumentException e) {
                return ApiResult.problem(Problem.malformedJson("the body is marked base64 but is not valid base64"));
            }
            if (body.isPresent() && body.get().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
                return ApiResult.problem(Problem.payloadTooLarge("the body is over " + MAX_BODY_BYTES + " bytes"));
            }
            ApiRequest request = new ApiRequest(routeKey, nonNull(event.getQueryStringParameters()),
                    nonNull(event.getPathParameters()), lowerCaseKeys(event.getHeaders()), body.orElse(""),
                    caller, requestId, sourceIp(event));
            return action.handle(request);
        } catch (AuditContentionException e) {
            // every admin write appends to the one audit chain; past the retries, the caller may simply try again
            return new ApiResult(503, Problem.unavailable("too many concurrent changes; retry"), Map.of("Retry-After", "1"));
        } catch (RuntimeException e) {
            LOG.error("request {} failed", requestId, e);
            return ApiResult.problem(Problem.internal(requestId));
        }
    }

    private static APIGatewayV2HTTPResponse encode(ApiResult result, String requestId) {
        Objects.requireNonNull(result, "a route action answered null");
        Map<String, String> headers = new HashMap<>(result.headers());
        headers.put("Content-Type", result.isProblem() ? "application/problem+json" : "application/json");
        headers.put("X-Request-Id", requestId);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(result.status())
                .withHeaders(headers)
                .withBody(Json.write(result.body()))
                .withIsBase64Encoded(false)
                .build();
    }

    private static Optional<String> body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return Optional.empty();
        }
        if (event.getIsBase64Encoded()) {
            return Optional.of(new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8));
        }
        return Optional.of(body);
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Map.of();
        }
        return nonNull(context.getAuthorizer().getJwt().getClaims());
    }

    private static String requestId(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        return context == null || context.getRequestId() == null ? "unknown" : context.getRequestId();
    }

    private static String sourceIp(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null || context.getHttp().getSourceIp() == null
                ? "unknown" : context.getHttp().getSourceIp();
    }

    private static Map<String, String> nonNull(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        }
        return lower;
    }
}
