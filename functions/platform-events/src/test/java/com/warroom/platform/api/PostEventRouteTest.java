package com.warroom.platform.api;

import static com.warroom.platform.PlatformStack.contribution;
import static com.warroom.platform.PlatformStack.json;
import static com.warroom.platform.PlatformStack.newId;
import static com.warroom.platform.PlatformStack.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.platform.PlatformStack;
import com.warroom.platform.ingest.PlatformEventIngest;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /v1/platform/events}: what it queues (exactly what EventBridge delivers), and every way it refuses, queuing nothing. */
@ExtendWith(EmbeddedStackExtension.class)
class PostEventRouteTest {

    private static PlatformStack world;
    private static PlatformEventsApiHandler handler;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PlatformStack(stack);
        handler = new PlatformEventsApiHandler(world.dynamo,
                new PlatformEventQueue(stack.sqs(), world.queue.url()), world.clock);
    }

    @BeforeEach
    void reset() {
        world.drainQueue();
    }

    private static APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, PlatformStack.context(Topology.PLATFORM_EVENTS_API.name()));
    }

    private static String request(String id, String type, JsonNode detail) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", id);
        body.put("type", type);
        body.set("detail", detail);
        return Json.write(body);
    }

    @Test
    void post_queuesExactlyTheEventEventBridgeWouldDeliver_andAnswers202WithItsId() {
        String id = newId("e");
        String round = newId("r");
        ObjectNode detail = contribution(round, newId("u"), "10.5", "USDC");

        APIGatewayV2HTTPResponse response = send(post(request(id, "ContributionConfirmed", detail), Role.SERVICE));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        assertThat(json(response)).isEqualTo(Json.readTree("{\"id\":\"" + id + "\",\"type\":\"ContributionConfirmed\",\"status\":\"QUEUED\"}"));
        List<String> queued = world.drainQueue();
        assertThat(queued).singleElement().satisfies(body -> {
            JsonNode event = Json.readTree(body);
            assertThat(Json.mapper().convertValue(event, Map.class).keySet()).containsExactly("version", "id", "detail-type", "source",
                    "account", "time", "region", "resources", "detail");
            assertThat(event.path("version").asText()).isEqualTo("0");
            assertThat(event.path("id").asText()).isEqualTo(id);
            assertThat(event.path("detail-type").asText()).isEqualTo("ContributionConfirmed");
            assertThat(event.path("source").asText()).isEqualTo("warroom.platform");
            assertThat(event.path("account").asText()).isEqualTo("000000000000");
            assertThat(event.path("time").asText()).isEqualTo("2026-12-01T08:00:00Z");
            assertThat(event.path("resources").isArray()).isTrue();
            assertThat(event.path("detail")).isEqualTo(detail);
        });

        // the ingest takes it in as it takes the bus's events
        assertThat(world.take(queued.getFirst())).isEqualTo(PlatformEventIngest.Outcome.POSTED);
        assertThat(world.balance("round_raised:" + round, "USDC")).isEqualTo(10_500_000L);
    }

    @Test
    void post_withTheSameIdempotencyKeyTwice_queuesOnce_andAnswersTheSame() {
        String body = request(newId("e"), "ReferralClaimed", PlatformStack.referral(newId("u"), "1", "USDC"));
        String key = newId("k");

        APIGatewayV2HTTPResponse first = send(HttpEvents.withHeader(post(body, Role.SERVICE), "Idempotency-Key", key));
        APIGatewayV2HTTPResponse again = send(HttpEvents.withHeader(post(body, Role.SERVICE), "Idempotency-Key", key));

        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(again.getStatusCode()).isEqualTo(202);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(world.drainQueue()).hasSize(1);
    }

    static Stream<Arguments> badBodies() {
        ObjectNode good = contribution("r-1", "u-1", "1", "USDC");
        return Stream.of(
                Arguments.of("no id", "{\"type\":\"ContributionConfirmed\",\"detail\":" + good + "}", 400, "id"),
                Arguments.of("id a number", "{\"id\":7,\"type\":\"ContributionConfirmed\",\"detail\":" + good + "}", 400, "id"),
                Arguments.of("id with a colon", request("e:1", "ContributionConfirmed", good), 400, "id"),
                Arguments.of("no type", "{\"id\":\"e-1\",\"detail\":" + good + "}", 400, "type"),
                Arguments.of("unknown type", request("e-1", "PresaleStarted", good), 400, "type"),
                Arguments.of("type a number", "{\"id\":\"e-1\",\"type\":1,\"detail\":" + good + "}", 400, "type"),
                Arguments.of("no detail", "{\"id\":\"e-1\",\"type\":\"ContributionConfirmed\"}", 400, "detail"),
                Arguments.of("detail an array", "{\"id\":\"e-1\",\"type\":\"ContributionConfirmed\",\"detail\":[]}", 400, "detail"),
                Arguments.of("unknown top-level field", "{\"id\":\"e-1\",\"type\":\"ContributionConfirmed\",\"detail\":" + good
                        + ",\"time\":\"2026-12-01T00:00:00Z\"}", 400, "time"),
                Arguments.of("amount too precise", request("e-1", "ContributionConfirmed", contribution("r-1", "u-1", "1.0000001", "USDC")),
                        400, "detail.amount"),
                Arguments.of("amount a number", request("e-1", "ContributionConfirmed", PlatformStack.detail("roundId", "r-1", "userId",
                        "u-1", "amount", 1, "asset", "USDC", "txHash", "0x1")), 400, "detail.amount"),
                Arguments.of("unknown asset", request("e-1", "ContributionConfirmed", contribution("r-1", "u-1", "1", "XYZ")), 400,
                        "detail.asset"),
                Arguments.of("bad roundId", request("e-1", "ContributionConfirmed", contribution("r 1", "u-1", "1", "USDC")), 400,
                        "detail.roundId"),
                Arguments.of("bad userId", request("e-1", "RefundIssued", PlatformStack.refund("r-1", "u#1", "1", "USDC")), 400,
                        "detail.userId"),
                Arguments.of("no txHash", request("e-1", "ContributionConfirmed", PlatformStack.detail("roundId", "r-1", "userId", "u-1",
                        "amount", "1", "asset", "USDC")), 400, "detail.txHash"),
                Arguments.of("no reference", request("e-1", "ReferralClaimed", PlatformStack.detail("userId", "u-1", "amount", "1",
                        "asset", "USDC")), 400, "detail.reference"),
                Arguments.of("negative contributorCount", request("e-1", "RoundFinalized", PlatformStack.finalization("r-1", "1", "USDC", -2)),
                        400, "detail.contributorCount"),
                Arguments.of("bad totalRaised", request("e-1", "RoundFinalized", PlatformStack.finalization("r-1", "-1", "USDC", 1)),
                        400, "detail.totalRaised"),
                Arguments.of("detail field of another type", request("e-1", "FeeCharged", contribution("r-1", "u-1", "1", "USDC")), 400,
                        "detail.roundId"),
                Arguments.of("unknown fee rule", request("e-1", "FeeCharged", PlatformStack.fee("made_up", "1", "USDC")), 422,
                        "detail.ruleId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void post_whenAFieldIsBad_answersAProblemNamingIt_andQueuesNothing(String name, String body, int status, String field) {
        APIGatewayV2HTTPResponse response = send(post(body, Role.SERVICE));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(json(response).path("errors").findValuesAsText("field")).contains(field);
        assertThat(world.drainQueue()).isEmpty();
    }

    @Test
    void post_whenTheBodyIsNotJson_answers400MalformedJson_andQueuesNothing() {
        for (String body : List.of("{\"id\":", "[1,2]", "")) {
            APIGatewayV2HTTPResponse response = send(post(body, Role.SERVICE));

            assertThat(response.getStatusCode()).as(body).isEqualTo(400);
            assertThat(json(response).path("type").asText()).isEqualTo("https://warroom.dev/problems/malformed-json");
        }
        assertThat(world.drainQueue()).isEmpty();
    }

    @Test
    void post_byAnotherRole_is403_withoutAToken_is401_andQueuesNothing() {
        String body = request(newId("e"), "ReferralClaimed", PlatformStack.referral(newId("u"), "1", "USDC"));

        for (Role role : List.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN, Role.SUPPORT)) {
            assertThat(send(post(body, role)).getStatusCode()).as(role.name()).isEqualTo(403);
        }
        APIGatewayV2HTTPResponse anonymous = send(post(body));

        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(world.drainQueue()).isEmpty();
    }

    @Test
    void post_whenTheBodyIsNotJsonMediaType_is415_andQueuesNothing() {
        APIGatewayV2HTTPEvent event = post(request(newId("e"), "ReferralClaimed", PlatformStack.referral(newId("u"), "1", "USDC")),
                Role.SERVICE);
        event.setHeaders(Map.of("content-type", "text/plain"));

        assertThat(send(event).getStatusCode()).isEqualTo(415);
        assertThat(world.drainQueue()).isEmpty();
    }

    @Test
    void sampleEvents_eachTypeOverHttp_isQueued() {
        for (String sample : List.of("contribution-confirmed", "refund-issued", "fee-charged", "referral-claimed", "round-finalized")) {
            APIGatewayV2HTTPResponse response = send(EventLoader.loadApiGatewayHttpEvent("events/platform-events-api/" + sample + ".json"));
            assertThat(response.getStatusCode()).as(sample + ": " + response.getBody()).isEqualTo(202);
        }
        assertThat(world.drainQueue()).hasSize(5).allSatisfy(body ->
                assertThat(Json.readTree(body).path("source").asText()).isEqualTo("warroom.platform"));
    }
}
