package com.warroom.flags.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Role;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Calls the kill-switch handlers the way API Gateway would, and counts what the tables hold. */
final class FlagApi {

    static final String OPS = "ops-alice";

    /** The two handler classes, fresh as a cold Lambda would build them. */
    enum Handler {
        ADMIN, READ;

        com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instance() {
            return this == ADMIN ? new FlagAdminHandler() : new FlagReadHandler();
        }
    }
    static final String SUPER = "root-bob";

    final FlagAdminHandler admin = new FlagAdminHandler();
    final FlagReadHandler reader = new FlagReadHandler();
    private final EmbeddedStack stack;

    FlagApi(EmbeddedStack stack) {
        this.stack = stack;
    }

    APIGatewayV2HTTPResponse set(String body) {
        return call(admin, HttpEvents.route(SetFlagAction.ROUTE).caller(OPS, Role.OPS).body(body).build());
    }

    APIGatewayV2HTTPResponse set(String flag, String scope, boolean enabled, String reason) {
        return set(Json.write(Map.of("flag", flag, "scope", scope, "enabled", enabled, "reason", reason)));
    }

    /** A set request carrying an {@code Idempotency-Key}, as a retrying client sends it (API Gateway lower-cases names). */
    static APIGatewayV2HTTPEvent setWithKey(String sub, Role role, String body, String idempotencyKey) {
        return HttpEvents.withHeader(HttpEvents.route(SetFlagAction.ROUTE).caller(sub, role).body(body).build(),
                "Idempotency-Key", idempotencyKey);
    }

    APIGatewayV2HTTPResponse check(String flag, String round, String user) {
        var event = HttpEvents.route(CheckFlagAction.ROUTE).caller("svc", Role.SERVICE).query("flag", flag);
        if (round != null) {
            event.query("round", round);
        }
        if (user != null) {
            event.query("user", user);
        }
        return call(reader, event.build());
    }

    APIGatewayV2HTTPResponse list() {
        return call(reader, HttpEvents.route(ListFlagsAction.ROUTE).caller("sam", Role.SUPPORT).build());
    }

    static APIGatewayV2HTTPResponse call(com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                         APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of("test", 1024, 15));
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    static void assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("https://warroom.dev/problems/");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            List<String> fields = problem.path("errors").findValuesAsText("field");
            assertThat(fields).as(response.getBody()).contains(field);
        }
    }

    /** Runs every call at once: each on its own thread, released together. */
    static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Item counts of the tables a kill-switch change writes to. */
    Map<String, Integer> counts() {
        return Map.of("flags", count(Topology.FLAGS), "audit", count(Topology.AUDIT), "approvals", count(Topology.APPROVALS));
    }

    private int count(TableDef table) {
        return stack.dynamoDb().scan(b -> b.tableName(table.localName()).select("COUNT").consistentRead(true)).count();
    }
}
