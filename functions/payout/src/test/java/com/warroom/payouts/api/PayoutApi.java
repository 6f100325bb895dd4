package com.warroom.payouts.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.json.Json;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutPolicy;
import com.warroom.payouts.PayoutsStack;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The payout API as the platform and staff call it in tests: events built as API Gateway delivers them after its authorizer. */
final class PayoutApi {

    static final String PUT_USER = "PUT /v1/platform/users/{userId}";
    static final String GET_USER = "GET /v1/platform/users/{userId}";
    static final String POST_PAYOUT = "POST /v1/payouts";
    static final String GET_PAYOUT = "GET /v1/payouts/{payoutId}";
    /** The platform's backend: its token's sub (idempotency keys are kept per caller). */
    static final String PLATFORM = "platform-backend";

    final PayoutsStack world;
    final PayoutApiHandler handler;

    PayoutApi(PayoutsStack world) {
        this(world, PayoutPolicy.DEFAULT);
    }

    PayoutApi(PayoutsStack world, PayoutPolicy policy) {
        this.world = world;
        this.handler = new PayoutApiHandler(world.dynamo, new PayoutApiHandler.Collaborators(world.sealer, world.clock,
                world.freshGate(), policy, world.workQueue()));
    }

    APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of(Topology.PAYOUT_API.name(), 1024, 30));
    }

    // ---- users

    static String userBody(String chain, String address) {
        return "{\"primaryWallet\":{\"chain\":\"" + chain + "\",\"address\":\"" + address + "\"},\"bluecheck\":true,"
                + "\"kycStatus\":\"APPROVED\",\"kycReason\":null,\"activeReferralCount\":2}";
    }

    static String userBody() {
        return userBody(PayoutsStack.CHAIN, PayoutsStack.USER_EVM_ADDRESS);
    }

    APIGatewayV2HTTPResponse putUser(String userId, String body) {
        return putUser(userId, body, Role.SERVICE);
    }

    APIGatewayV2HTTPResponse putUser(String userId, String body, Role... roles) {
        return send(path(HttpEvents.route(PUT_USER).caller(PLATFORM, roles).body(body).build(), "/v1/platform/users/", "userId", userId));
    }

    APIGatewayV2HTTPResponse getUser(String userId, Role... roles) {
        return send(path(HttpEvents.route(GET_USER).caller("reader", roles).build(), "/v1/platform/users/", "userId", userId));
    }

    /** Registers {@code userId} with the default wallet through the route; fails the test unless it answers 2xx. */
    void registered(String userId) {
        APIGatewayV2HTTPResponse response = putUser(userId, userBody());
        assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 201);
    }

    // ---- payouts

    static String payoutBody(String userId, String kind, String amount, String asset) {
        return "{\"userId\":\"" + userId + "\",\"kind\":\"" + kind + "\",\"amount\":\"" + amount + "\",\"asset\":\"" + asset
                + "\",\"reference\":\"ref:" + kind.toLowerCase() + ":" + userId + "\"}";
    }

    static String withdrawal(String userId, String amount) {
        return payoutBody(userId, "WITHDRAWAL", amount, "USDC");
    }

    APIGatewayV2HTTPResponse postPayout(String key, String body) {
        return postPayout(key, body, PLATFORM, Role.SERVICE);
    }

    APIGatewayV2HTTPResponse postPayout(String key, String body, String sub, Role... roles) {
        return send(HttpEvents.withHeader(HttpEvents.route(POST_PAYOUT).caller(sub, roles).body(body).build(), "Idempotency-Key", key));
    }

    APIGatewayV2HTTPResponse getPayout(String payoutId, Role... roles) {
        return send(path(HttpEvents.route(GET_PAYOUT).caller("reader", roles).build(), "/v1/payouts/", "payoutId", payoutId));
    }

    // ---- what is written

    /** Whether the ledger holds the payout's first hold. */
    boolean holdPosted(String payoutId) {
        return !world.ledger.posted(List.of(PayoutJournal.holdId(payoutId, 1))).isEmpty();
    }

    /** The newest audit entry. */
    Optional<AuditEntry> auditHead() {
        return new AuditLog(world.dynamo, Topology.AUDIT.localName(), world.sealer, world.clock).head();
    }

    // ---- answers

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    static void assertStatus(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    }

    static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type, String... fields) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/" + type);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (fields.length > 0) {
            assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
        }
        return problem;
    }

    private static APIGatewayV2HTTPEvent path(APIGatewayV2HTTPEvent event, String prefix, String name, String value) {
        event.setRawPath(prefix + value);
        event.setPathParameters(Map.of(name, value));
        return event;
    }
}
