package com.warroom.slo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.slo.SloCatalog;
import com.warroom.slo.SloWorld;
import com.warroom.topology.BucketDef;
import com.warroom.topology.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /v1/slo/reports/latest} and {@code POST /v1/slo/reports} over the embedded stack: roles, bad input, answers. */
@ExtendWith(EmbeddedStackExtension.class)
class SloRoutesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:17:00Z");
    private static final String LATEST = "GET /v1/slo/reports/latest";
    private static final String RUN = "POST /v1/slo/reports";

    @TempDir
    Path data;
    private SloWorld world;
    private int notices;

    @BeforeEach
    void setUp(EmbeddedStack stack) {
        // a bucket of this test's own: "latest" means the newest report of this test only
        String bucket = stack.localS3().register(new BucketDef("slo-test-" + UUID.randomUUID().toString().substring(0, 8), 1));
        world = new SloWorld(stack, data.resolve("metrics.jsonl"), NOW, bucket);
        notices = world.notices();
    }

    @Test
    void latest_whenNoReportYet_is404Problem() {
        APIGatewayV2HTTPResponse response = world.call(HttpEvents.route(LATEST).caller("olga", Role.OPS).build());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(Json.readTree(response.getBody()).path("detail").asText()).contains("no SLO report yet");
    }

    @Test
    void run_whenRequestsWereRecorded_answers201WithTheirNumbers_andLatestAnswersTheSameReport() {
        world.request("GET /v1/payouts/{payoutId}", 200, 40, NOW.minusSeconds(600));
        world.request("GET /v1/payouts/{payoutId}", 404, 12, NOW.minusSeconds(500));
        world.request("POST /v1/payouts", 502, 900, NOW.minusSeconds(400));
        world.request("POST /v1/payouts", 201, 1500, NOW.minusSeconds(300));

        APIGatewayV2HTTPResponse response = run(Role.FINANCE, "{}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode report = Json.readTree(response.getBody());
        assertThat(report.path("from").asText()).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(report.path("to").asText()).isEqualTo("2026-12-01T11:00:00Z");
        JsonNode availability = sli(report, "api-availability-payouts");
        assertThat(availability.path("good").asLong()).isEqualTo(3);
        assertThat(availability.path("total").asLong()).isEqualTo(4);
        assertThat(availability.path("actual").asText()).isEqualTo("0.750000");
        assertThat(availability.path("objective").asText()).isEqualTo("0.999");
        assertThat(availability.path("errorBudgetRemaining").asText()).isEqualTo("-249.000000");
        assertThat(availability.path("status").asText()).isEqualTo("BREACHED");
        JsonNode latency = sli(report, "api-latency-payouts");
        assertThat(latency.path("good").asLong()).as("within 1 s").isEqualTo(3);
        assertThat(latency.path("total").asLong()).isEqualTo(4);
        JsonNode quiet = sli(report, "api-availability-support");
        assertThat(quiet.path("status").asText()).isEqualTo("NO_DATA");
        assertThat(quiet.path("actual").isNull()).isTrue();
        assertThat(quiet.path("errorBudgetRemaining").isNull()).isTrue();
        assertThat(report.path("slis")).hasSize(SloCatalog.load().slos().size());
        assertThat(report.path("incidents").isArray()).isTrue();
        assertThat(report.path("topAlarms").isArray()).isTrue();
        assertThat(report.path("links").path("json").asText()).isEqualTo("reports/" + report.path("reportId").asText() + ".json");
        assertThat(world.notices()).as("a summary for the war room").isEqualTo(notices + 1);

        APIGatewayV2HTTPResponse latest = world.call(HttpEvents.route(LATEST).caller("fiona", Role.FINANCE).build());
        assertThat(latest.getStatusCode()).isEqualTo(200);
        assertThat(Json.readTree(latest.getBody())).isEqualTo(report);
    }

    @Test
    void run_whenAWindowIsGiven_reportsThatWindow() {
        APIGatewayV2HTTPResponse response = run(Role.SUPER_ADMIN, "{\"from\":\"2026-11-23T01:00:00Z\",\"to\":\"2026-11-30T01:00:00Z\"}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(Json.readTree(response.getBody()).path("from").asText()).isEqualTo("2026-11-23T01:00:00Z");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPPORT", "REVIEWER", "SERVICE"})
    void routes_whenTheRoleMayNotRead_answer403_andRunNothing(Role role) {
        assertThat(world.call(HttpEvents.route(LATEST).caller("x", role).build()).getStatusCode()).isEqualTo(403);
        assertThat(run(role, "{}").getStatusCode()).isEqualTo(403);
        assertNothingWritten();
    }

    @Test
    void routes_whenNoCaller_answer401() {
        assertThat(world.call(HttpEvents.route(LATEST).build()).getStatusCode()).isEqualTo(401);
        assertThat(world.call(HttpEvents.route(RUN).body("{}").build()).getStatusCode()).isEqualTo(401);
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "\"x\"", ""})
    void run_whenTheBodyIsNotAJsonObject_answers400(String body) {
        APIGatewayV2HTTPResponse response = run(Role.OPS, body);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertNothingWritten();
    }

    @Test
    void run_whenAFieldIsUnknownOrMistyped_answers400NamingIt() {
        assertField(run(Role.OPS, "{\"week\":1}"), "week");
        assertField(run(Role.OPS, "{\"from\":12,\"to\":\"2026-11-30T01:00:00Z\"}"), "from");
        assertField(run(Role.OPS, "{\"from\":\"yesterday\",\"to\":\"2026-11-30T01:00:00Z\"}"), "from");
        assertField(run(Role.OPS, "{\"from\":\"2026-11-23T01:30:00Z\",\"to\":\"2026-11-30T01:00:00Z\"}"), "from");
        assertNothingWritten();
    }

    @Test
    void run_whenTheWindowIsWrong_answers400NamingTheField() {
        assertField(run(Role.OPS, "{\"from\":\"2026-11-23T01:00:00Z\"}"), "to");
        assertField(run(Role.OPS, "{\"from\":\"2026-11-30T01:00:00Z\",\"to\":\"2026-11-30T01:00:00Z\"}"), "to");
        assertField(run(Role.OPS, "{\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-30T01:00:00Z\"}"), "from");
        assertField(run(Role.OPS, "{\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-12-02T00:00:00Z\"}"), "to");
        assertNothingWritten();
    }

    private void assertField(APIGatewayV2HTTPResponse response, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode errors = Json.readTree(response.getBody()).path("errors");
        assertThat(errors.findValuesAsText("field")).as(response.getBody()).contains(field);
    }

    private void assertNothingWritten() {
        assertThat(world.store.latest()).isEmpty();
        assertThat(world.notices()).isEqualTo(notices);
    }

    private APIGatewayV2HTTPResponse run(Role role, String body) {
        APIGatewayV2HTTPEvent event = HttpEvents.route(RUN).caller("olga", role).body(body).build();
        return world.call(HttpEvents.withHeader(event, "Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static JsonNode sli(JsonNode report, String id) {
        for (JsonNode sli : report.path("slis")) {
            if (sli.path("id").asText().equals(id)) {
                return sli;
            }
        }
        throw new AssertionError("no SLI " + id + " in " + report);
    }
}
