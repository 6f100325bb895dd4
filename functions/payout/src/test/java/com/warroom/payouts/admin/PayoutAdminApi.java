package com.warroom.payouts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRequester;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.aws.AwsClients;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payouts.PayoutQueries;
import com.warroom.payouts.PayoutsStack;
import com.warroom.topology.Role;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Calls the payout queue's routes the way API Gateway would, over the payouts test world and its clock. */
final class PayoutAdminApi {

    final PayoutsStack world;
    final PayoutAdminHandler handler;
    final AuditTrail trail;

    PayoutAdminApi(PayoutsStack world) {
        this.world = world;
        AuditLog audit = new AuditLog(world.dynamo, Topology.AUDIT.localName(), world.sealer, world.clock);
        PayoutAdmin admin = new PayoutAdmin(world.payouts, new PayoutQueries(world.dynamo, Topology.PAYOUTS.localName()),
                world.payoutSeal, world.ledger, audit, world.workQueue(),
                new ApprovalRequester(world.dynamo.table(Topology.APPROVALS.localName(), ApprovalRequest.SCHEMA), world.sealer),
                ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()), world.clock);
        this.handler = new PayoutAdminHandler(admin, new IdempotencyStore(world.dynamo, Topology.IDEMPOTENCY.localName(), world.clock));
        this.trail = AuditTrail.fromSettings(world.dynamo);
    }

    APIGatewayV2HTTPResponse list(Map<String, String> query) {
        return list(query, "ops-olga", Role.OPS);
    }

    APIGatewayV2HTTPResponse list(Map<String, String> query, String sub, Role... roles) {
        HttpEvents event = HttpEvents.route(ListPayoutsAction.ROUTE).caller(sub, roles);
        query.forEach(event::query);
        return call(event.build());
    }

    APIGatewayV2HTTPResponse retry(String payoutId, String idempotencyKey, String sub, Role... roles) {
        return call(withKey(event(RetryPayoutAction.ROUTE, payoutId, "{}", sub, roles), idempotencyKey));
    }

    APIGatewayV2HTTPResponse retry(String payoutId) {
        return retry(payoutId, UUID.randomUUID().toString(), "ops-olga", Role.OPS);
    }

    APIGatewayV2HTTPResponse override(String payoutId, String body, String sub, Role... roles) {
        return call(withKey(event(OverridePayoutAction.ROUTE, payoutId, body, sub, roles), UUID.randomUUID().toString()));
    }

    /**
     * A POST of {@code route} about the payout (its path and path parameter as API Gateway fills them; none when
     * {@code payoutId} is null), by {@code sub} with {@code roles} (no token when {@code sub} is null).
     */
    static APIGatewayV2HTTPEvent event(String route, String payoutId, String body, String sub, Role... roles) {
        HttpEvents builder = HttpEvents.route(route).body(body);
        if (sub != null) {
            builder.caller(sub, roles);
        }
        APIGatewayV2HTTPEvent event = builder.build();
        if (payoutId != null) {
            event.setPathParameters(Map.of("payoutId", payoutId));
            event.setRawPath(event.getRawPath().replace("{payoutId}", payoutId));
        }
        return event;
    }

    static APIGatewayV2HTTPEvent withKey(APIGatewayV2HTTPEvent event, String idempotencyKey) {
        return idempotencyKey == null ? event : HttpEvents.withHeader(event, "Idempotency-Key", idempotencyKey);
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of("payout-admin", 1024, 30));
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    static JsonNode ok(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return json(response);
    }

    /** A problem answer of {@code status}, of {@code type} (the slug) when given, naming {@code field} when given. */
    static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("https://warroom.dev/problems/");
        if (type != null) {
            assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/" + type);
        }
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
        }
        return problem;
    }

    /** The audit entries about the payout, newest first. */
    List<AuditEntry> auditOf(String payoutId) {
        return trail.newest(new AuditQuery(Optional.of("payout:" + payoutId), Optional.empty(), 200, Optional.empty()));
    }

    /** Item counts of every table these routes may write. */
    Map<String, Integer> counts() {
        return Map.of("payouts", count(Topology.PAYOUTS), "audit", count(Topology.AUDIT), "approvals", count(Topology.APPROVALS),
                "ledgerEntries", count(Topology.LEDGER_ENTRIES), "ledgerBalances", count(Topology.LEDGER_BALANCES));
    }

    private int count(TableDef table) {
        return world.stack.dynamoDb().scan(b -> b.tableName(table.localName()).select("COUNT").consistentRead(true)).count();
    }
}
