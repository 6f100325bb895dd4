package com.warroom.reconcile.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.reconcile.ReconcileWorld;
import com.warroom.topology.Role;
import java.util.Map;

/** Calls the reconcile routes the way API Gateway would. */
final class ReconcileApi {

    static final String OPS = "ops-olga";

    final ReconcileWorld world;
    final ReconcileApiHandler handler;

    ReconcileApi(ReconcileWorld world) {
        this.world = world;
        this.handler = world.api();
    }

    /** {@code route} with its {@code {id}} filled (none when null), by {@code sub} with {@code roles} (no token when sub is null). */
    static APIGatewayV2HTTPEvent event(String route, String id, String body, Map<String, String> query, String sub, Role... roles) {
        HttpEvents builder = HttpEvents.route(route);
        if (body != null) {
            builder.body(body);
        }
        query.forEach(builder::query);
        if (sub != null) {
            builder.caller(sub, roles);
        }
        APIGatewayV2HTTPEvent event = builder.build();
        if (id != null) {
            event.setPathParameters(Map.of("id", id));
            event.setRawPath(event.getRawPath().replace("{id}", id));
        }
        return event;
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of("reconcile-api", 1024, 30));
    }

    APIGatewayV2HTTPResponse start() {
        return call(event(StartRunAction.ROUTE, null, "{}", Map.of(), OPS, Role.OPS));
    }

    APIGatewayV2HTTPResponse get(String route, String id, Map<String, String> query) {
        return call(event(route, id, null, query, OPS, Role.OPS));
    }

    APIGatewayV2HTTPResponse ack(String findingId, String body) {
        return call(event(AckFindingAction.ROUTE, findingId, body, Map.of(), OPS, Role.OPS));
    }

    static JsonNode ok(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return Json.readTree(response.getBody());
    }

    /** A problem of {@code status}, of {@code type} (the slug) when given, naming {@code field} when given. */
    static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = Json.readTree(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (type != null) {
            assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/" + type);
        }
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("Exception");
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
        }
        return problem;
    }
}
