package com.warroom.local.stack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.warroom.http.Caller;
import com.warroom.topology.Role;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds API Gateway HTTP API (payload 2.0) events the way API Gateway fills them after its JWT
 * authorizer, for tests that call handlers directly.
 */
public final class HttpEvents {

    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private Map<String, String> claims;
    private String body;

    private HttpEvents(String routeKey) {
        String[] parts = routeKey.split(" ", 2);
        this.method = parts[0];
        this.path = parts[1];
        headers.put("content-type", "application/json");
    }

    public static HttpEvents route(String routeKey) {
        return new HttpEvents(routeKey);
    }

    /**
     * A caller with these roles, as Cognito's claims: staff roles as {@code cognito:groups}; role service as the
     * client-credentials scope, which is the only way the backend gets it.
     */
    public HttpEvents caller(String sub, Role... roles) {
        claims = new HashMap<>();
        claims.put("sub", sub);
        claims.put("email", sub + "@warroom.test");
        claims.put("token_use", "access");
        claims.put("cognito:groups", Arrays.stream(roles).filter(r -> r != Role.SERVICE).map(Role::claimValue)
                .collect(Collectors.joining(" ", "[", "]")));
        if (Arrays.asList(roles).contains(Role.SERVICE)) {
            claims.put("scope", Caller.SERVICE_SCOPE);
        }
        return this;
    }

    public HttpEvents query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public HttpEvents body(String json) {
        this.body = json;
        return this;
    }

    /** The event with one more header, its name lower-cased as API Gateway delivers it (e.g. {@code Idempotency-Key}). */
    public static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put(name.toLowerCase(Locale.ROOT), value);
        event.setHeaders(headers);
        return event;
    }

    public APIGatewayV2HTTPEvent build() {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(path).withProtocol("HTTP/1.1").withSourceIp("198.51.100.10")
                .withUserAgent("warroom-test").build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(method + " " + path)
                .withRequestId(UUID.randomUUID().toString())
                .withStage("$default")
                .withHttp(http);
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withRawQueryString(query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")))
                .withQueryStringParameters(query.isEmpty() ? null : Map.copyOf(query))
                .withHeaders(Map.copyOf(headers))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context.build())
                .build();
    }
}
