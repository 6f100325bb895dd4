package com.warroom.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.json.Json;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.TestKeys;
import com.warroom.local.auth.TokenVerifier;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.HttpRoute;
import com.warroom.topology.Idempotency;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A route's own throttle in the local gateway, under real concurrent HTTP requests: past its burst (and its rate, on
 * time moved by hand) a request gets 429 with {@code Retry-After} and never reaches the function.
 */
class GatewayThrottleTest {

    private static final String WEBHOOK = "/v1/webhooks/midtrans";
    private static final String NOTIFICATION = "{\"order_id\":\"O-1\",\"status_code\":\"200\",\"gross_amount\":\"150000.00\"}";
    // guards against a hang, not timing assertions
    private static final long GUARD_SECONDS = 120;

    private final ManualTicker ticker = new ManualTicker();
    private final RSAKey key = TestKeys.newKey();
    private final AtomicInteger webhookCalls = new AtomicInteger();
    private final AtomicInteger healthCalls = new AtomicInteger();

    @Test
    void webhook_whenMoreArriveAtOnceThanItsBurst_runsTheBurstAndAnswersTheRest429() throws Exception {
        try (LocalGateway gateway = start(Topology.warroom(), stubs())) {
            GatewayClient client = new GatewayClient(gateway.url());

            List<HttpResponse<String>> answers = concurrently(150, () -> client.send(webhook(client)));

            assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(100);
            List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() != 200).toList();
            assertThat(refused).hasSize(50).allSatisfy(GatewayThrottleTest::assertTooManyRequests);
            assertThat(Json.readTree(refused.getFirst().body()).get("detail").asText())
                    .isEqualTo("POST /v1/webhooks/midtrans takes 50 requests a second, in bursts of up to 100; retry in 1 s");
            assertThat(webhookCalls).hasValue(100);
        }
    }

    @Test
    void webhook_whenTimePasses_admitsItsRatePerSecondAgainAndNoMore() throws Exception {
        try (LocalGateway gateway = start(Topology.warroom(), stubs())) {
            GatewayClient client = new GatewayClient(gateway.url());
            concurrently(100, () -> client.send(webhook(client)));
            assertTooManyRequests(client.send(webhook(client)));

            ticker.advance(Duration.ofSeconds(1));
            List<HttpResponse<String>> answers = concurrently(80, () -> client.send(webhook(client)));

            assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(50);
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 429).hasSize(30);
            assertThat(webhookCalls).hasValue(150);
        }
    }

    @Test
    void otherRoutes_whenTheWebhookIsThrottled_areServedAsUsual() throws Exception {
        try (LocalGateway gateway = start(Topology.warroom(), stubs())) {
            GatewayClient client = new GatewayClient(gateway.url());
            concurrently(101, () -> client.send(webhook(client)));

            List<HttpResponse<String>> health = concurrently(200, () -> client.get("/v1/health"));

            assertThat(health).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
            assertThat(healthCalls).hasValue(200);
        }
    }

    @Test
    void throttledRoute_whenOverItsLimit_isRefusedBeforeItsAuthorizerOrFunctionRuns() throws Exception {
        FunctionDef limited = FunctionDef.builder("limited").module("functions/health").handler("com.warroom.test.Limited")
                .routes(HttpRoute.post("/v1/limited", Set.of(Role.OPS), Idempotency.NONE).throttled(1, 2))
                .build();
        Topology topology = Topology.builder().functions(limited).build();
        AtomicInteger calls = new AtomicInteger();
        try (LocalGateway gateway = start(topology, Map.of(limited, counting(calls)))) {
            GatewayClient client = new GatewayClient(gateway.url());
            HttpRequest.Builder noToken = client.request("/v1/limited").POST(HttpRequest.BodyPublishers.ofString("{}"));

            assertThat(client.send(noToken).statusCode()).isEqualTo(401);
            assertThat(client.send(noToken).statusCode()).isEqualTo(401);
            HttpResponse<String> third = client.send(noToken);

            assertTooManyRequests(third);
            assertThat(Json.readTree(third.body()).get("detail").asText())
                    .isEqualTo("POST /v1/limited takes 1 request a second, in bursts of up to 2; retry in 1 s");
            assertThat(calls).hasValue(0);

            ticker.advance(Duration.ofSeconds(1));
            String token = TestKeys.token(key, Role.OPS);
            assertThat(client.send(client.authorized("/v1/limited", token).POST(HttpRequest.BodyPublishers.ofString("{}")))
                    .statusCode()).isEqualTo(200);
            assertThat(calls).hasValue(1);
        }
    }

    private LocalGateway start(Topology topology,
            Map<FunctionDef, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers) throws Exception {
        return LocalGateway.start(new InetSocketAddress("127.0.0.1", 0), topology, LambdaFunctions.of(handlers),
                new TokenVerifier(key, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC()), GatewayLimits.DEFAULT, ConsoleSite.none(), ticker);
    }

    private Map<FunctionDef, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> stubs() {
        return Map.of(Topology.WEBHOOK_INTAKE, counting(webhookCalls), Topology.HEALTH, counting(healthCalls));
    }

    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> counting(AtomicInteger calls) {
        return (event, context) -> {
            calls.incrementAndGet();
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{}").build();
        };
    }

    private static HttpRequest.Builder webhook(GatewayClient client) {
        return client.request(WEBHOOK).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(NOTIFICATION));
    }

    private static void assertTooManyRequests(HttpResponse<String> answer) {
        LocalGatewayTest.assertProblem(answer, 429, "too-many-requests");
        assertThat(answer.headers().firstValue("retry-after")).hasValue("1");
        JsonNode problem = Json.readTree(answer.body());
        assertThat(problem.get("title").asText()).isEqualTo("Too many requests");
        assertThat(problem.get("detail").asText()).endsWith("; retry in 1 s");
    }

    /** {@code count} calls made at once from threads of their own, released together. */
    private static <T> List<T> concurrently(int count, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(GUARD_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
