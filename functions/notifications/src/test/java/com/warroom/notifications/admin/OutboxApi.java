package com.warroom.notifications.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.json.Json;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Calls the outbox routes the way API Gateway would. */
final class OutboxApi {

    static final String OPS = "ops-olga";

    private final OutboxAdminHandler handler;

    OutboxApi(OutboxAdminHandler handler) {
        this.handler = handler;
    }

    APIGatewayV2HTTPResponse list(Map<String, String> query) {
        HttpEvents event = HttpEvents.route(ListOutboxAction.ROUTE).caller(OPS, Role.OPS);
        query.forEach(event::query);
        return call(event.build());
    }

    APIGatewayV2HTTPResponse requeue(String body) {
        return requeue(body, UUID.randomUUID().toString());
    }

    APIGatewayV2HTTPResponse requeue(String body, String idempotencyKey) {
        return call(HttpEvents.withHeader(HttpEvents.route(RequeueAction.ROUTE).caller(OPS, Role.OPS).body(body).build(),
                "Idempotency-Key", idempotencyKey));
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of("outbox-admin", 1024, 15));
    }

    static String ids(String... ids) {
        return Json.write(Map.of("ids", List.of(ids)));
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
            assertThat(problem.path("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
        }
    }

    /** The {@code outbox.requeue} audit entries that name this outbox id, newest first. */
    static List<AuditEntry> requeueEntries(AuditTrail trail, String outboxId) {
        return trail.newest(new AuditQuery(Optional.of(OutboxRequeue.AUDIT_TARGET), Optional.empty(), 200, Optional.empty())).stream()
                .filter(entry -> entry.action().equals(OutboxRequeue.AUDIT_ACTION) && entry.after().contains("\"" + outboxId + "\""))
                .toList();
    }
}
