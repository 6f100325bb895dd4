package com.warroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditContentionException;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.testing.LocalDynamoDb;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.HttpRoute;
import com.warroom.topology.Idempotency;
import com.warroom.topology.Role;
import com.warroom.topology.TableAccess;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The router's idempotency, over routes of each kind, against the idempotency table on DynamoDB Local. */
@ExtendWith(LocalDynamoDb.Extension.class)
class IdempotencyRouteTest {

    private static final String OPTIONAL = "POST /v1/test/changes";
    private static final String REQUIRED = "POST /v1/test/payouts";
    private static final String NONE = "POST /v1/test/pings";
    private static final String DECIDE = "POST /v1/test/requests/{id}/approve";
    private static final String READ = "GET /v1/test/changes";
    private static final String BODY = "{\"amount\":\"10.00\"}";

    private static final Topology TOPOLOGY = Topology.builder()
            .tables(Topology.IDEMPOTENCY)
            .functions(FunctionDef.builder("idempotency-test").module("functions/idempotency-test").handler("com.warroom.test.Handler")
                    .routes(HttpRoute.post("/v1/test/changes", Set.of(Role.OPS), Idempotency.OPTIONAL),
                            HttpRoute.post("/v1/test/payouts", Set.of(Role.OPS), Idempotency.REQUIRED),
                            HttpRoute.post("/v1/test/pings", Set.of(Role.OPS), Idempotency.NONE),
                            HttpRoute.post("/v1/test/requests/{id}/approve", Set.of(Role.OPS), Idempotency.OPTIONAL),
                            HttpRoute.get("/v1/test/changes", Set.of(Role.OPS)))
                    .table(Topology.IDEMPOTENCY, TableAccess.READ_WRITE)
                    .build())
            .build();

    private static LocalDynamoDb dynamo;
    private static String table;

    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicReference<RouteAction> action = new AtomicReference<>(r -> new ApiResult(201,
            Map.of("run", runs.get(), "body", r.body()), Map.of("Location", "/v1/test/changes/c-" + runs.get())));
    private final ApiRouter router = router(new IdempotencyStore(dynamo.enhanced(), table, Clock.systemUTC()));
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeAll
    static void createTable(LocalDynamoDb local) {
        dynamo = local;
        table = local.createTable(Topology.IDEMPOTENCY);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private ApiRouter router(IdempotencyStore store) {
        RouteAction counted = r -> {
            runs.incrementAndGet();
            return action.get().handle(r);
        };
        return new ApiRouter(TOPOLOGY, Map.of(OPTIONAL, counted, REQUIRED, counted, NONE, counted, DECIDE, counted, READ, counted),
                Optional.of(store));
    }

    // ---- requests ----

    private static APIGatewayV2HTTPEvent request(String routeKey, String sub, String key, String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        http.setSourceIp("203.0.113.7");
        var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", sub, "cognito:groups", "[ops]"));
        var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId("req-" + UUID.randomUUID());
        context.setHttp(http);
        context.setAuthorizer(authorizer);
        var event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setRawPath(path);
        event.setRequestContext(context);
        event.setBody(body);
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        if (key != null) {
            headers.put("idempotency-key", key);
        }
        event.setHeaders(headers);
        return event;
    }

    private static APIGatewayV2HTTPEvent decide(String id, String key) {
        APIGatewayV2HTTPEvent event = request(DECIDE, "ops-alice", key, "{}");
        event.setPathParameters(Map.of("id", id));
        event.setRawPath("/v1/test/requests/" + id + "/approve");
        return event;
    }

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return router.handle(event, null);
    }

    private APIGatewayV2HTTPResponse send(String routeKey, String key, String body) {
        return send(request(routeKey, "ops-alice", key, body));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    private static JsonNode problem(APIGatewayV2HTTPResponse response, int status, String slug) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json").doesNotContainKey("Idempotent-Replayed");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo(Problem.TYPE_BASE + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private static void assertNamesTheHeader(APIGatewayV2HTTPResponse response) {
        JsonNode problem = problem(response, 400, "validation");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
    }

    private static void assertReplayOf(APIGatewayV2HTTPResponse replay, APIGatewayV2HTTPResponse first, APIGatewayV2HTTPEvent retry) {
        assertThat(replay.getStatusCode()).isEqualTo(first.getStatusCode());
        assertThat(replay.getBody()).isEqualTo(first.getBody());
        Map<String, String> expected = new HashMap<>(first.getHeaders());
        expected.put("Idempotent-Replayed", "true");
        expected.put("X-Request-Id", retry.getRequestContext().getRequestId());
        assertThat(replay.getHeaders()).isEqualTo(expected);
    }

    // ---- replay ----

    @Test
    void handle_whenRetriedWithSameKeyAndBody_replaysTheFirstAnswerAndRunsOnce() {
        String key = key();
        APIGatewayV2HTTPResponse first = send(OPTIONAL, key, BODY);
        APIGatewayV2HTTPEvent retry = request(OPTIONAL, "ops-alice", key, BODY);

        APIGatewayV2HTTPResponse replay = send(retry);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(first.getHeaders()).containsEntry("Location", "/v1/test/changes/c-1").doesNotContainKey("Idempotent-Replayed");
        assertReplayOf(replay, first, retry);
        assertThat(send(OPTIONAL, key, BODY).getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(runs).hasValue(1);
    }

    @Test
    void handle_whenActionAnswers4xx_storesAndReplaysIt() {
        action.set(r -> ApiResult.problem(Problem.invalidField("amount", "must be positive")));
        String key = key();
        APIGatewayV2HTTPResponse first = send(OPTIONAL, key, BODY);
        action.set(r -> ApiResult.ok(Map.of("applied", true)));
        APIGatewayV2HTTPEvent retry = request(OPTIONAL, "ops-alice", key, BODY);

        APIGatewayV2HTTPResponse replay = send(retry);

        problem(first, 400, "validation");
        assertReplayOf(replay, first, retry);
        assertThat(runs).hasValue(1);
    }

    @Test
    void handle_whenActionAnswers4xxWithRetryAfter_doesNotStoreItAndTheRetryRuns() {
        action.set(r -> new ApiResult(403, Problem.of(403, "flow-disabled", "Flow disabled", "payout is off"), Map.of("Retry-After", "60")));
        String key = key();
        APIGatewayV2HTTPResponse refused = send(OPTIONAL, key, BODY);
        action.set(r -> ApiResult.ok(Map.of("applied", true)));

        APIGatewayV2HTTPResponse retried = send(OPTIONAL, key, BODY);

        problem(refused, 403, "flow-disabled");
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "60");
        assertThat(retried.getStatusCode()).isEqualTo(200);
        assertThat(retried.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(runs).hasValue(2);
    }

    // ---- another request with the same key ----

    @Test
    void handle_whenSameKeyWithAnotherBody_answers422AndDoesNotRun() {
        String key = key();
        send(OPTIONAL, key, BODY);

        APIGatewayV2HTTPResponse reused = send(OPTIONAL, key, "{\"amount\":\"99.00\"}");

        JsonNode problem = problem(reused, 422, "idempotency-key-reused");
        assertThat(problem.path("title").asText()).isEqualTo("Idempotency key reused");
        assertThat(problem.path("detail").asText()).contains("Idempotency-Key", "another request");
        assertThat(runs).hasValue(1);
        assertThat(send(OPTIONAL, key, BODY).getHeaders()).as("the first request keeps its key").containsEntry("Idempotent-Replayed", "true");
    }

    @Test
    void handle_whenSameKeyForAnotherPathParameter_answers422() {
        String key = key();
        assertThat(send(decide("a-1", key)).getStatusCode()).isEqualTo(201);

        problem(send(decide("a-2", key)), 422, "idempotency-key-reused");
        assertThat(send(decide("a-1", key)).getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(runs).hasValue(1);
    }

    @Test
    void handle_whenOtherCallersSendTheSameKey_eachRunsTheirOwnRequest() {
        String key = key();
        APIGatewayV2HTTPResponse alice = send(request(OPTIONAL, "ops-alice", key, BODY));
        APIGatewayV2HTTPResponse bob = send(request(OPTIONAL, "ops-bob", key, BODY));
        APIGatewayV2HTTPResponse carolWithAnotherBody = send(request(OPTIONAL, "ops-carol", key, "{\"amount\":\"1.00\"}"));

        assertThat(List.of(alice, bob, carolWithAnotherBody)).allSatisfy(r -> {
            assertThat(r.getStatusCode()).isEqualTo(201);
            assertThat(r.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        });
        assertThat(runs).hasValue(3);
    }

    // ---- a retry while the first request runs ----

    @Test
    void handle_whenFirstRequestStillRuns_answers409WithRetryAfterThenReplays() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        action.set(r -> {
            entered.countDown();
            await(release);
            return ApiResult.ok(Map.of("applied", true));
        });
        String key = key();
        Future<APIGatewayV2HTTPResponse> first = pool.submit(() -> send(OPTIONAL, key, BODY));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        APIGatewayV2HTTPResponse racing = send(OPTIONAL, key, BODY);
        APIGatewayV2HTTPResponse racingOther = send(OPTIONAL, key, "{}");
        release.countDown();

        JsonNode problem = problem(racing, 409, "request-in-progress");
        assertThat(problem.path("title").asText()).isEqualTo("Request in progress");
        assertThat(racing.getHeaders()).containsEntry("Retry-After", "1");
        problem(racingOther, 422, "idempotency-key-reused");
        assertThat(first.get(30, TimeUnit.SECONDS).getStatusCode()).isEqualTo(200);
        assertThat(send(OPTIONAL, key, BODY).getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(runs).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the action");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- failures are not stored ----

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("answers 500", (RouteAction) r -> ApiResult.of(500, Map.of("error", "downstream failed")), 500),
                Arguments.of("throws", (RouteAction) r -> {
                    throw new IllegalStateException("table unreachable");
                }, 500),
                Arguments.of("loses the audit head race", (RouteAction) r -> {
                    throw new AuditContentionException(60);
                }, 503),
                Arguments.of("answers 503", (RouteAction) r -> ApiResult.of(503, Map.of("status", "starting")), 503));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void handle_whenFirstAttemptFailsWith5xx_doesNotStoreItAndTheRetryRuns(String name, RouteAction failing, int status) {
        action.set(failing);
        String key = key();
        APIGatewayV2HTTPResponse failed = send(OPTIONAL, key, BODY);
        action.set(r -> ApiResult.ok(Map.of("applied", true)));

        APIGatewayV2HTTPResponse retried = send(OPTIONAL, key, BODY);

        assertThat(failed.getStatusCode()).isEqualTo(status);
        assertThat(retried.getStatusCode()).isEqualTo(200);
        assertThat(retried.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(send(OPTIONAL, key, BODY).getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(runs).hasValue(2);
    }

    @Test
    void handle_whenTheStoreCannotBeReached_answers500AndDoesNotRun() {
        ApiRouter cutOff = router(new IdempotencyStore(dynamo.enhanced(), "no-such-table", Clock.systemUTC()));

        APIGatewayV2HTTPResponse response = cutOff.handle(request(OPTIONAL, "ops-alice", key(), BODY), null);

        problem(response, 500, "internal");
        assertThat(response.getBody()).doesNotContain("no-such-table", "Exception");
        assertThat(runs).hasValue(0);
    }

    // ---- the header ----

    static Stream<Arguments> badKeys() {
        return Stream.of(
                Arguments.of("256 characters", "k".repeat(256)),
                Arguments.of("empty", ""),
                Arguments.of("not ASCII", "cl\u00e9-1"),
                Arguments.of("a control character", "key\u0001one"),
                Arguments.of("a line break", "key\nnext"),
                Arguments.of("DEL", "key\u007f"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badKeys")
    void handle_whenKeyIsInvalid_answers400NamingTheHeaderAndStoresNothing(String name, String key) {
        int before = dynamo.count(table);

        assertNamesTheHeader(send(OPTIONAL, key, BODY));
        assertNamesTheHeader(send(REQUIRED, key, BODY));
        assertThat(runs).hasValue(0);
        assertThat(dynamo.count(table)).isEqualTo(before);
    }

    @Test
    void handle_whenKeyIs255PrintableCharacters_isAccepted() {
        String key = "~" + " ".repeat(253) + "!";
        assertThat(send(OPTIONAL, key, BODY).getStatusCode()).isEqualTo(201);
        assertThat(send(OPTIONAL, key, BODY).getHeaders()).containsEntry("Idempotent-Replayed", "true");
    }

    @Test
    void handle_whenRequiredRouteHasNoKey_answers400NamingTheHeader() {
        APIGatewayV2HTTPResponse response = send(REQUIRED, null, BODY);

        assertNamesTheHeader(response);
        assertThat(json(response).path("detail").asText()).contains("is required");
        assertThat(runs).hasValue(0);
        assertThat(send(REQUIRED, key(), BODY).getStatusCode()).isEqualTo(201);
    }

    @Test
    void handle_whenOptionalRouteHasNoKey_runsEveryTime() {
        int before = dynamo.count(table);

        send(OPTIONAL, null, BODY);
        APIGatewayV2HTTPResponse second = send(OPTIONAL, null, BODY);

        assertThat(second.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(runs).hasValue(2);
        assertThat(dynamo.count(table)).isEqualTo(before);
    }

    @Test
    void handle_whenRouteTakesNoKey_ignoresTheHeader() {
        int before = dynamo.count(table);
        String key = key();

        assertThat(send(NONE, key, BODY).getStatusCode()).isEqualTo(201);
        assertThat(send(NONE, key, BODY).getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(send(NONE, "k".repeat(300), BODY).getStatusCode()).isEqualTo(201);
        assertThat(send(READ, key, null).getStatusCode()).isEqualTo(201);
        assertThat(runs).hasValue(4);
        assertThat(dynamo.count(table)).isEqualTo(before);
    }

    @Test
    void handle_whenNoTokenOrWrongRole_refusesBeforeTheKeyIsClaimed() {
        String key = key();
        APIGatewayV2HTTPEvent anonymous = request(OPTIONAL, "ops-alice", key, BODY);
        anonymous.getRequestContext().setAuthorizer(null);
        APIGatewayV2HTTPEvent support = request(OPTIONAL, "ops-alice", key, BODY);
        support.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", "ops-alice", "cognito:groups", "[support]"));

        problem(send(anonymous), 401, "unauthorized");
        problem(send(support), 403, "forbidden");

        assertThat(send(OPTIONAL, key, BODY).getHeaders()).as("the key is still free").doesNotContainKey("Idempotent-Replayed");
    }

    // ---- priming and construction ----

    @Test
    void prime_whenRouterHasIdempotentRoutes_runsThemWithoutAKeyAndStoresNothing() {
        int before = dynamo.count(table);
        List<String> bodies = new CopyOnWriteArrayList<>();
        action.set(r -> {
            bodies.add(r.routeKey() + " " + r.body());
            return ApiResult.problem(Problem.invalidField("amount", "is required"));
        });

        router.prime();

        // a REQUIRED route stops at its missing key: priming never claims one, since it must not write
        assertThat(bodies).containsExactlyInAnyOrder(OPTIONAL + " {}", NONE + " {}", DECIDE + " {}", READ + " ");
        assertThat(dynamo.count(table)).isEqualTo(before);
    }

    @Test
    void constructor_whenIdempotentRouteButNoStore_isRefused() {
        assertThatThrownBy(() -> new ApiRouter(TOPOLOGY, Map.of(OPTIONAL, r -> ApiResult.ok("x"), NONE, r -> ApiResult.ok("x")),
                Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OPTIONAL).hasMessageContaining("IdempotencyStore");
    }

    @Test
    void constructor_whenNoRouteTakesAKey_needsNoStore() {
        ApiRouter reads = new ApiRouter(TOPOLOGY, Map.of(NONE, r -> ApiResult.ok("x"), READ, r -> ApiResult.ok("x")), Optional.empty());
        assertThat(reads.handle(request(NONE, "ops-alice", key(), BODY), null).getStatusCode()).isEqualTo(200);
    }
}
