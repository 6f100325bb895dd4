package com.warroom.local.gateway;

import static com.warroom.local.gateway.LocalGatewayTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.TestKeys;
import com.warroom.local.auth.TokenVerifier;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway in front of stand-in functions: what reaches a function, and what comes back from it. */
class GatewayFunctionsTest {

    private static final List<APIGatewayV2HTTPEvent> RECEIVED = new CopyOnWriteArrayList<>();
    private static RSAKey key;
    private static LocalGateway gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() throws IOException {
        key = TestKeys.newKey();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> recorder = (event, context) -> {
            RECEIVED.add(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withMultiValueHeaders(Map.of("X-Served-By", List.of("a", "b")))
                    .withCookies(List.of("seen=1; Path=/", "theme=dark"))
                    .withBody(Base64.getEncoder().encodeToString("{\"ok\":true}".getBytes(StandardCharsets.UTF_8)))
                    .withIsBase64Encoded(true)
                    .build();
        };
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> failing = (event, context) -> {
            throw new IllegalStateException("table warroom-flags is on fire");
        };
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> silent = (event, context) -> null;
        gateway = LocalGateway.start(new InetSocketAddress("127.0.0.1", 0), Topology.warroom(),
                LambdaFunctions.of(Map.of(Topology.FLAG_READ, recorder, Topology.HEALTH, failing, Topology.AUDIT_READ, silent)),
                new TokenVerifier(key, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC()));
        client = new GatewayClient(gateway.url());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    @Test
    void theFunction_getsThePayload2EventApiGatewayWouldSend() {
        HttpResponse<String> response = client.send(client.authorized("/v1/system-flags/check?flag=payout&round=r1&round=r2",
                        TestKeys.token(key, Role.OPS, Role.SUPER_ADMIN))
                .header("X-Trace", "one")
                .header("X-Trace", "two")
                .header("Cookie", "session=s1; lang=id"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).hasSize(1);
        APIGatewayV2HTTPEvent event = RECEIVED.getFirst();
        assertThat(event.getRouteKey()).isEqualTo("GET /v1/system-flags/check");
        assertThat(event.getRawPath()).isEqualTo("/v1/system-flags/check");
        assertThat(event.getRawQueryString()).isEqualTo("flag=payout&round=r1&round=r2");
        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("flag", "payout", "round", "r1,r2"));
        assertThat(event.getHeaders()).containsEntry("x-trace", "one,two").containsKey("authorization").doesNotContainKey("cookie");
        assertThat(event.getHeaders().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
        assertThat(event.getHeaders()).containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-port", Integer.toString(gateway.url().getPort()))
                .containsEntry("x-forwarded-proto", "http");
        assertThat(event.getHeaders().get("x-amzn-trace-id")).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(event.getCookies()).containsExactly("session=s1", "lang=id");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.getRequestContext().getRequestId()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("cognito:groups", "[ops super_admin]")
                .containsEntry("sub", "alice")
                .containsEntry("iss", "warroom-local");
    }

    @Test
    void theFunctionsAnswer_isRelayedWithCookiesAndItsBodyDecoded() {
        HttpResponse<String> response = client.get("/v1/system-flags", TestKeys.token(key, Role.SUPPORT));

        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("seen=1; Path=/", "theme=dark");
        assertThat(response.headers().allValues("x-served-by")).containsExactly("a", "b");
    }

    @Test
    void aFunctionThatThrows_is500NamingOnlyTheRequestId() {
        HttpResponse<String> response = client.get("/v1/health");

        assertProblem(response, 500, "internal");
        String requestId = response.headers().firstValue("apigw-requestid").orElseThrow();
        assertThat(response.body()).contains(requestId).doesNotContain("fire", "IllegalStateException", "at com.");
    }

    @Test
    void aFunctionThatAnswersNothing_is500() {
        assertProblem(client.get("/v1/admin/audit", TestKeys.token(key, Role.FINANCE)), 500, "internal");
    }
}
