package com.warroom.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.warroom.http.Caller;
import com.warroom.topology.Role;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T09:30:00.123Z");
    private static final RouteDef LIST_FLAGS = Topology.warroom().route("GET /v1/system-flags").orElseThrow();
    private static final RouteDef SET_FLAG = Topology.warroom().route("POST /v1/admin/system-flags/set").orElseThrow();

    @Test
    void of_whenAuthorized_flattensTheClaimsAsApiGatewayDoes() throws MalformedRequest {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "alice");
        claims.put("cognito:groups", List.of("ops", "super_admin"));
        claims.put("exp", 1_795_430_000L);
        claims.put("email_verified", true);
        claims.put("address", Map.of("country", "ID"));
        claims.put("nickname", null);

        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("GET", "/v1/system-flags", "", Map.of(), new byte[0]),
                new RouteMatch.Found(LIST_FLAGS, Map.of()), Optional.of(claims));

        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        assertThat(jwt.getClaims()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sub", "alice",
                "cognito:groups", "[ops super_admin]",
                "exp", "1795430000",
                "email_verified", "true",
                "address", "{\"country\":\"ID\"}"));
        assertThat(jwt.getScopes()).isNull();
        assertThat(Caller.fromClaims(jwt.getClaims())).hasValueSatisfying(caller ->
                assertThat(caller.roles()).containsExactlyInAnyOrder(Role.OPS, Role.SUPER_ADMIN));
    }

    @Test
    void of_whenAGroupNameHoldsAComma_keepsItOneEntryOfTheBracketedList() throws MalformedRequest {
        // API Gateway's JWT authorizer separates array entries with spaces only: the API reads a comma as part of a name
        Map<String, Object> claims = Map.of("sub", "mallory", "cognito:groups", List.of("support,super_admin", "ops"));

        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("GET", "/v1/system-flags", "", Map.of(), new byte[0]),
                new RouteMatch.Found(LIST_FLAGS, Map.of()), Optional.of(claims));

        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("cognito:groups", "[support,super_admin ops]");
    }

    @Test
    void of_whenPublic_hasNoAuthorizer() throws MalformedRequest {
        RouteDef health = Topology.warroom().route("GET /v1/health").orElseThrow();

        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("GET", "/v1/health", "", Map.of(), new byte[0]),
                new RouteMatch.Found(health, Map.of()), Optional.empty());

        assertThat(event.getRequestContext().getAuthorizer()).isNull();
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getPathParameters()).isNull();
        assertThat(event.getCookies()).isNull();
    }

    @Test
    void of_fillsTheRequestContextLikeApiGateway() throws MalformedRequest {
        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("GET", "/v1/system-flags", "", Map.of(
                        "Host", List.of("warroom.localhost:8080"), "User-Agent", List.of("curl/8.5.0")), new byte[0]),
                new RouteMatch.Found(LIST_FLAGS, Map.of()), Optional.of(Map.of("sub", "alice")));

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /v1/system-flags");
        assertThat(event.getRawPath()).isEqualTo("/v1/system-flags");
        assertThat(event.getRawQueryString()).isEmpty();
        var context = event.getRequestContext();
        assertThat(context.getAccountId()).isEqualTo("000000000000");
        assertThat(context.getApiId()).isEqualTo("local");
        assertThat(context.getDomainName()).isEqualTo("warroom.localhost");
        assertThat(context.getDomainPrefix()).isEqualTo("warroom");
        assertThat(context.getRequestId()).isEqualTo("Q1aAegjAyQ0EJdw=");
        assertThat(context.getRouteKey()).isEqualTo("GET /v1/system-flags");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getTime()).isEqualTo("23/Nov/2026:09:30:00 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(context.getHttp().getMethod()).isEqualTo("GET");
        assertThat(context.getHttp().getPath()).isEqualTo("/v1/system-flags");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("curl/8.5.0");
    }

    @Test
    void of_joinsRepeatedHeadersAndQueryParametersWithCommas() throws MalformedRequest {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Trace", List.of("a", "b"));
        headers.put("x-trace", List.of("c"));
        headers.put("Cookie", List.of("session=s1; theme=dark", "lang=id"));

        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("GET", "/v1/system-flags/check",
                        "flag=feed.posting&round=r%201&round=r2&user=bob+smith&empty", headers, new byte[0]),
                new RouteMatch.Found(Topology.warroom().route("GET /v1/system-flags/check").orElseThrow(), Map.of()),
                Optional.of(Map.of("sub", "alice")));

        assertThat(event.getHeaders()).containsEntry("x-trace", "a,b,c").doesNotContainKey("cookie").doesNotContainKey("Cookie");
        assertThat(event.getCookies()).containsExactly("session=s1", "theme=dark", "lang=id");
        assertThat(event.getRawQueryString()).isEqualTo("flag=feed.posting&round=r%201&round=r2&user=bob+smith&empty");
        assertThat(event.getQueryStringParameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "flag", "feed.posting", "round", "r 1,r2", "user", "bob smith", "empty", ""));
    }

    @Test
    void of_decodesPathVariablesKeepingPlusSigns() throws MalformedRequest {
        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("GET", "/v1/payouts/po%2F7+x", "", Map.of(), new byte[0]),
                new RouteMatch.Found(LIST_FLAGS, Map.of("id", "po%2F7+x")), Optional.empty());

        assertThat(event.getPathParameters()).containsExactly(Map.entry("id", "po/7+x"));
    }

    @Test
    void of_whenTheBodyIsJson_passesItAsText() throws MalformedRequest {
        String json = "{\"flag\":\"feed.posting\",\"reason\":\"café spam\"}";

        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("POST", "/v1/admin/system-flags/set", "",
                        Map.of("Content-Type", List.of("application/json; charset=utf-8")), json.getBytes(StandardCharsets.UTF_8)),
                new RouteMatch.Found(SET_FLAG, Map.of()), Optional.of(Map.of("sub", "alice")));

        assertThat(event.getBody()).isEqualTo(json);
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void of_whenTheBodyIsBinary_passesItInBase64() throws MalformedRequest {
        byte[] bytes = {0, (byte) 0xff, 42};

        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("POST", "/v1/admin/system-flags/set", "",
                        Map.of("Content-Type", List.of("application/octet-stream")), bytes),
                new RouteMatch.Found(SET_FLAG, Map.of()), Optional.of(Map.of("sub", "alice")));

        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(bytes);
    }

    @Test
    void of_whenATextBodyIsNotUtf8_isMalformed() {
        GatewayRequest request = request("POST", "/v1/admin/system-flags/set", "",
                Map.of("Content-Type", List.of("application/json")), new byte[] {'{', (byte) 0xc3, '}'});

        assertThatThrownBy(() -> HttpApiEvents.of(request, new RouteMatch.Found(SET_FLAG, Map.of()), Optional.of(Map.of("sub", "a"))))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void of_whenTheQueryIsBadlyEncoded_isMalformed() {
        GatewayRequest request = request("GET", "/v1/system-flags", "flag=%zz", Map.of(), new byte[0]);

        assertThatThrownBy(() -> HttpApiEvents.of(request, new RouteMatch.Found(LIST_FLAGS, Map.of()), Optional.empty()))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("percent-encoding");
    }

    @Test
    void of_whenTheQueryIsNotUtf8OnceDecoded_isMalformed() {
        GatewayRequest request = request("GET", "/v1/system-flags/check", "flag=%C3%28", Map.of(), new byte[0]);

        assertThatThrownBy(() -> HttpApiEvents.of(request, new RouteMatch.Found(LIST_FLAGS, Map.of()), Optional.empty()))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void of_whenTheQueryEndsInAHalfEscape_isMalformed() {
        GatewayRequest request = request("GET", "/v1/system-flags/check", "flag=contribute%2", Map.of(), new byte[0]);

        assertThatThrownBy(() -> HttpApiEvents.of(request, new RouteMatch.Found(LIST_FLAGS, Map.of()), Optional.empty()))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("percent-encoding");
    }

    @Test
    void of_decodesMultibyteUtf8InTheQuery() throws MalformedRequest {
        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("GET", "/v1/system-flags/check", "user=caf%C3%A9+%E2%82%AC", Map.of(),
                new byte[0]), new RouteMatch.Found(LIST_FLAGS, Map.of()), Optional.empty());

        assertThat(event.getQueryStringParameters()).containsExactly(Map.entry("user", "café €"));
    }

    @Test
    void of_addsTheForwardingHeadersApiGatewayAdds() throws MalformedRequest {
        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("GET", "/v1/system-flags", "", Map.of(), new byte[0]),
                new RouteMatch.Found(LIST_FLAGS, Map.of()), Optional.empty());

        assertThat(event.getHeaders()).containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-port", "8080")
                .containsEntry("x-forwarded-proto", "http");
        assertThat(event.getHeaders().get("x-amzn-trace-id")).matches("Root=1-" + Long.toHexString(RECEIVED.getEpochSecond()) + "-[0-9a-f]{24}");
    }

    @Test
    void of_whenTheClientSentForwardingHeaders_appendsToThemAndKeepsItsTrace() throws MalformedRequest {
        APIGatewayV2HTTPEvent event = HttpApiEvents.of(request("GET", "/v1/system-flags", "", Map.of(
                        "X-Forwarded-For", List.of("203.0.113.7"), "X-Forwarded-Proto", List.of("https"),
                        "X-Amzn-Trace-Id", List.of("Root=1-67a1b2c3-0123456789abcdef01234567")), new byte[0]),
                new RouteMatch.Found(LIST_FLAGS, Map.of()), Optional.empty());

        assertThat(event.getHeaders()).containsEntry("x-forwarded-for", "203.0.113.7, 127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-amzn-trace-id", "Root=1-67a1b2c3-0123456789abcdef01234567");
    }

    private static GatewayRequest request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                                          byte[] body) {
        return new GatewayRequest("Q1aAegjAyQ0EJdw=", RECEIVED, method, rawPath, rawQuery, headers, body, "127.0.0.1", "HTTP/1.1", 8080);
    }
}
