package com.warroom.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.audit.AuditChainTampered;
import com.warroom.audit.AuditContentionException;
import com.warroom.observability.OpsMetrics;
import com.warroom.seal.SealingUnavailable;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.lambda.Envelope;
import com.warroom.lambda.Priming;
import com.warroom.topology.Idempotency;
import com.warroom.topology.Role;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an API Gateway HTTP API (payload 2.0) event into a call of the route's action: checks the
 * caller's roles against the topology, admits only JSON bodies ({@link JsonMediaType}), bounds the body, makes the routes that take an {@code Idempotency-Key}
 * idempotent ({@link IdempotentRoutes}), and encodes the answer. Failures never leak internals: an unexpected
 * exception becomes a 500 problem naming only the request id.
 */
public final class ApiRouter {

    /** API Gateway's own payload limit is 10 MiB; Warroom's requests are small, so anything over 1 MiB is refused. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    /**
     * The request id of the requests {@link #prime()} sends. API Gateway makes every other request id, so no caller can
     * send one: an action that must not run on a priming request ({@link ApiRequest#priming()}) can trust it.
     */
    public static final String PRIMING_REQUEST_ID = "priming";

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private static final Map<String, String> PRIMING_PATH_PARAMETERS = Map.of("id", "warroom-priming");

    private final Map<String, RouteAction> actions;
    private final Topology topology;
    private final Optional<IdempotentRoutes> idempotency;

    /** A router whose routes take no {@code Idempotency-Key} (reads, and routes idempotent by nature). */
    public ApiRouter(Map<String, RouteAction> actionsByRouteKey) {
        this(Topology.warroom(), actionsByRouteKey, Optional.empty());
    }

    /** A router with routes that take an {@code Idempotency-Key}; their first answers are kept in {@code idempotency}. */
    public ApiRouter(Map<String, RouteAction> actionsByRouteKey, IdempotencyStore idempotency) {
        this(Topology.warroom(), actionsByRouteKey, Optional.of(idempotency));
    }

    ApiRouter(Topology topology, Map<String, RouteAction> actionsByRouteKey, Optional<IdempotencyStore> idempotency) {
        this.topology = topology;
        this.actions = Map.copyOf(actionsByRouteKey);
        for (String key : actions.keySet()) {
            if (topology.route(key).isEmpty()) {
                throw new IllegalStateException("route " + key + " is not in the topology");
            }
        }
        List<String> idempotent = actions.keySet().stream()
                .filter(key -> topology.route(key).orElseThrow().idempotency() != Idempotency.NONE).sorted().toList();
        if (!idempotent.isEmpty() && idempotency.isEmpty()) {
            throw new IllegalStateException("routes " + idempotent + " take an Idempotency-Key: their router needs an IdempotencyStore");
        }
        this.idempotency = idempotency.map(IdempotentRoutes::new);
        String function = topology.route(actions.keySet().iterator().next()).orElseThrow().function().name();
        Priming.register(function, this::prime);
    }

    /**
     * Answers one request per route as a caller with the route's roles: GETs with no parameters (reads), POSTs with
     * {@code {}} and no {@code Idempotency-Key}, which every write route refuses before it writes. Loads and
     * initializes the router, JSON, the actions and the SDK calls of the reads; what it answers does not matter.
     */
    void prime() {
        for (String routeKey : actions.keySet()) {
            RouteDef route = topology.route(routeKey).orElseThrow();
            var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
            http.setMethod(route.method());
            http.setPath(route.path());
            http.setSourceIp("127.0.0.1");
            var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(Map.of("sub", "warroom-priming", "token_use", "access", "cognito:groups",
                    route.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(" ", "[", "]"))));
            authorizer.setJwt(jwt);
            var context = new APIGatewayV2HTTPEvent.RequestContext();
            context.setRequestId(PRIMING_REQUEST_ID);
            context.setHttp(http);
            context.setAuthorizer(authorizer);
            var event = new APIGatewayV2HTTPEvent();
            event.setRouteKey(routeKey);
            event.setRawPath(route.path());
            event.setHeaders(Map.of("content-type", "application/json"));
            event.setPathParameters(PRIMING_PATH_PARAMETERS);
            event.setBody(route.method().equals("GET") ? null : "{}");
            event.setRequestContext(context);
            answer(event);
        }
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = requestId(event);
        return Envelope.answering(context, requestId, () -> answer(event),
                e -> encode(ApiResult.problem(Problem.internal(requestId)), requestId));
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        String requestId = requestId(event);
        try {
            return switch (admit(event, requestId)) {
                case Admission.Refused refused -> encode(refused.result(), requestId);
                case Admission.Admitted admitted -> admitted.route().idempotency() == Idempotency.NONE
                        ? admitted.run()
                        : idempotency.orElseThrow().answer(admitted.route(), admitted.request(), admitted::run);
            };
        } catch (RuntimeException e) {
            LOG.error("request {} failed", requestId, e);
            return encode(ApiResult.problem(Problem.internal(requestId)), requestId);
        }
    }

    /** Whether a request may reach its route's action: the route exists here, the caller may call it, the body is sound. */
    private sealed interface Admission {
        record Refused(ApiResult result) implements Admission {
        }

        record Admitted(RouteDef route, RouteAction action, ApiRequest request) implements Admission {
            APIGatewayV2HTTPResponse run() {
                return ApiRouter.run(action, request);
            }
        }
    }

    private Admission admit(APIGatewayV2HTTPEvent event, String requestId) {
        String routeKey = event.getRouteKey();
        Optional<RouteDef> route = Optional.ofNullable(routeKey).flatMap(topology::route);
        RouteAction action = routeKey == null ? null : actions.get(routeKey);
        if (route.isEmpty() || action == null) {
            return new Admission.Refused(ApiResult.problem(Problem.notFound("no route " + routeKey)));
        }
        Optional<Caller> caller = Caller.fromClaims(claims(event));
        if (!route.get().isPublic()) {
            if (caller.isEmpty()) {
                return new Admission.Refused(new ApiResult(401, Problem.unauthorized("a bearer token is required"),
                        Map.of("WWW-Authenticate", "Bearer")));
            }
            if (!route.get().allows(caller.get().roles())) {
                return new Admission.Refused(ApiResult.problem(Problem.forbidden("role " + caller.get().roleNames()
                        + " may not call " + routeKey)));
            }
        }
        Map<String, String> headers = lowerCaseKeys(event.getHeaders());
        if (route.get().takesBody()) {
            Optional<String> refused = JsonMediaType.whyRefused(Optional.ofNullable(headers.get("content-type")));
            if (refused.isPresent()) {
                return new Admission.Refused(ApiResult.problem(Problem.unsupportedMediaType(refused.get())));
            }
        }
        Optional<String> body;
        try {
            body = body(event);
        } catch (IllegalArgumentException e) {
            return new Admission.Refused(ApiResult.problem(Problem.malformedJson("the body is marked base64 but is not valid base64")));
        }
        if (body.isPresent() && body.get().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            return new Admission.Refused(ApiResult.problem(Problem.payloadTooLarge("the body is over " + MAX_BODY_BYTES + " bytes")));
        }
        Map<String, String> pathParameters = nonNull(event.getPathParameters());
        ApiRequest request = new ApiRequest(routeKey, rawPath(event, route.get(), pathParameters), nonNull(event.getQueryStringParameters()),
                pathParameters, headers, body.orElse(""), caller, requestId, sourceIp(event));
        return new Admission.Admitted(route.get(), action, request);
    }

    /** Runs the action and encodes what it answers; whatever happens, an answer. */
    private static APIGatewayV2HTTPResponse run(RouteAction action, ApiRequest request) {
        String requestId = request.requestId();
        ApiResult result;
        try {
            result = action.handle(request);
        } catch (AuditContentionException e) {
            // every admin write appends to the one audit chain; past the retries, the caller may simply try again
            result = new ApiResult(503, Problem.unavailable("too many concurrent changes; retry"), Map.of("Retry-After", "1"));
        } catch (AuditChainTampered e) {
            // the change is not written: building on a chain someone rewrote would make the rewrite look sound
            LOG.error("request {}: refused, the audit chain was tampered with: {}", requestId, e.getMessage());
            OpsMetrics.count(AuditChainTampered.METRIC);
            result = ApiResult.problem(Problem.of(409, "audit-chain-tampered", "The audit chain was tampered with",
                    e.getMessage() + "; nothing was changed (README runbook: Audit chain tampered)"));
        } catch (SealingUnavailable e) {
            LOG.warn("request {}: the key service could not seal or check: {}", requestId, e.getMessage());
            result = new ApiResult(503, Problem.unavailable("seals cannot be made or checked right now; retry"), Map.of("Retry-After", "1"));
        } catch (RuntimeException e) {
            LOG.error("request {} failed", requestId, e);
            result = ApiResult.problem(Problem.internal(requestId));
        }
        try {
            return encode(result, requestId);
        } catch (RuntimeException e) {
            LOG.error("request {}: the answer could not be encoded", requestId, e);
            return encode(ApiResult.problem(Problem.internal(requestId)), requestId);
        }
    }

    static APIGatewayV2HTTPResponse encode(ApiResult result, String requestId) {
        Objects.requireNonNull(result, "a route action answered null");
        Map<String, String> headers = new HashMap<>(result.headers());
        if (result.body() instanceof ApiResult.Text text) {
            headers.put("Content-Type", text.contentType());
            return response(result.status(), headers, text.content(), requestId);
        }
        headers.put("Content-Type", result.isProblem() ? "application/problem+json" : "application/json");
        return response(result.status(), headers, Json.write(result.body()), requestId);
    }

    static APIGatewayV2HTTPResponse response(int status, Map<String, String> headers, String body, String requestId) {
        Map<String, String> withRequestId = new HashMap<>(headers);
        withRequestId.put(REQUEST_ID_HEADER, requestId);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(withRequestId)
                .withBody(body)
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

    // API Gateway always sends rawPath; an event made by hand may not, and then the parameters fill the route's path
    private static String rawPath(APIGatewayV2HTTPEvent event, RouteDef route, Map<String, String> pathParameters) {
        if (event.getRawPath() != null) {
            return event.getRawPath();
        }
        String path = route.path();
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return path;
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
