package com.warroom.incidents;

import static com.warroom.incidents.IncidentWorld.DECLARE;
import static com.warroom.incidents.IncidentWorld.assertProblem;
import static com.warroom.incidents.IncidentWorld.declaration;
import static com.warroom.incidents.IncidentWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.oncall.OnCallArea;
import com.warroom.topology.Role;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Declaring: who may, the commander (given or on call), support's report without a severity; the roles of every route. */
@ExtendWith(EmbeddedStackExtension.class)
class DeclareAndRolesTest {

    private static IncidentWorld world;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new IncidentWorld(stack);
    }

    @Test
    void declare_asOps_isDetected_withTheOnCallPrimaryOfTheFirstComponentsArea() {
        JsonNode incident = ok(world.ops(DECLARE, null, declaration("refunds double", "S1", List.of("refund", "payment"), "alert",
                world.clock.instant().minusSeconds(120), 40, null)), 201);

        assertThat(incident.path("incidentId").asText()).matches("inc-[0-9a-f]{32}");
        assertThat(incident.path("status").asText()).isEqualTo("DETECTED");
        assertThat(incident.path("severity").asText()).isEqualTo("P0");
        assertThat(incident.path("targetResponse").asText()).isEqualTo("immediate");
        assertThat(incident.path("commander").asText()).isEqualTo("fina-finance");
        assertThat(incident.path("commanderSource").asText()).isEqualTo("on-call");
        assertThat(incident.path("reportedBy").asText()).isEqualTo(IncidentWorld.OPS);
        assertThat(incident.path("components").toString()).isEqualTo("[\"refund\",\"payment\"]");
        assertThat(incident.path("detectedBy").asText()).isEqualTo("alert");
        assertThat(incident.path("impact").path("usersAffected").asLong()).isEqualTo(40);
        assertThat(incident.path("timeline").findValuesAsText("kind")).containsExactly("DECLARED");
        assertThat(world.audited(incident.path("incidentId").asText())).hasSize(1);
    }

    @Test
    void declare_withACommander_keepsIt() {
        JsonNode incident = ok(world.as("fin-fay", Role.FINANCE, DECLARE, null, declaration("payout stuck", "P2", List.of("payout"),
                "internal", world.clock.instant(), 2, "dina-ops")), 201);
        assertThat(incident.path("commander").asText()).isEqualTo("dina-ops");
        assertThat(incident.path("commanderSource").asText()).isEqualTo("given");
    }

    @Test
    void declare_nobodyOnCall_noCommander_is422NamingCommander_andWritesNothing() {
        world.onCall.remove(OnCallArea.BACKEND);
        try {
            long before = world.incidentCount();
            assertProblem(world.ops(DECLARE, null, declaration("feed empty", "P3", List.of("feed"), "internal", world.clock.instant(), 0,
                    null)), 422, "nobody-on-call", "commander");
            assertThat(world.incidentCount()).isEqualTo(before);
        } finally {
            world.onCall.put(OnCallArea.BACKEND, "bima-backend");
        }
    }

    @Test
    void declare_bySupport_withoutSeverity_isLeftToOps() {
        JsonNode incident = ok(world.as(IncidentWorld.SUPPORT, Role.SUPPORT, DECLARE, null, declaration("users cannot log in", null,
                List.of("access"), "ticket", world.clock.instant(), 9, null)), 201);
        assertThat(incident.path("severity").isNull()).isTrue();
        assertThat(incident.path("severityLabel").isNull()).isTrue();
        assertThat(incident.path("targetResponse").isNull()).isTrue();
        assertThat(incident.path("commander").asText()).isEqualTo("oki-ops");
        assertThat(incident.path("reportedBy").asText()).isEqualTo(IncidentWorld.SUPPORT);
    }

    @Test
    void declare_bySupport_withSeverity_is400NamingSeverity() {
        long before = world.incidentCount();
        assertProblem(world.as(IncidentWorld.SUPPORT, Role.SUPPORT, DECLARE, null, declaration("users cannot log in", "P0",
                List.of("access"), "ticket", world.clock.instant(), 9, null)), 400, null, "severity");
        assertThat(world.incidentCount()).isEqualTo(before);
    }

    static Stream<Arguments> refusedRoles() {
        return Stream.of(
                Arguments.of("POST /v1/incidents", Role.REVIEWER), Arguments.of("POST /v1/incidents", Role.SERVICE),
                Arguments.of("GET /v1/incidents", Role.REVIEWER), Arguments.of("GET /v1/incidents/{id}", Role.SERVICE),
                Arguments.of("POST /v1/incidents/{id}/status", Role.SUPPORT), Arguments.of("POST /v1/incidents/{id}/status", Role.REVIEWER),
                Arguments.of("POST /v1/incidents/{id}/notes", Role.REVIEWER), Arguments.of("POST /v1/incidents/{id}/links", Role.SUPPORT),
                Arguments.of("POST /v1/incidents/{id}/evidence", Role.SUPPORT), Arguments.of("GET /v1/incidents/{id}/evidence/{evidenceId}", Role.SUPPORT),
                Arguments.of("POST /v1/incidents/{id}/postmortem", Role.SUPPORT), Arguments.of("GET /v1/incidents/{id}/postmortem", Role.REVIEWER),
                Arguments.of("GET /v1/incidents/{id}/communication", Role.SERVICE));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("refusedRoles")
    void route_wrongRole_is403_andNoToken_is401(String route, Role role) {
        String id = world.declareId("P2");
        int stored = world.stored(id).size();
        Map<String, String> path = route.contains("{evidenceId}") ? Map.of("id", id, "evidenceId", "evd-" + "0".repeat(32)) : Map.of("id", id);
        String body = route.startsWith("POST") ? "{\"status\":\"CLASSIFIED\",\"note\":\"x\",\"text\":\"x\"}" : null;

        assertProblem(world.call(IncidentWorld.event(route, path, body, Map.of(), "someone", role)), 403, null, null);
        assertProblem(world.call(IncidentWorld.event(route, path, body, Map.of(), null)), 401, null, null);
        assertThat(world.stored(id)).hasSize(stored);
    }

    @Test
    void support_mayReadAddNotesAndSeeTheUpdates_butNotMoveOrLink() {
        String id = world.declareId("P1");
        ok(world.as(IncidentWorld.SUPPORT, Role.SUPPORT, IncidentWorld.GET, id, null), 200);
        ok(world.as(IncidentWorld.SUPPORT, Role.SUPPORT, IncidentWorld.LIST, null, null), 200);
        JsonNode note = ok(world.as(IncidentWorld.SUPPORT, Role.SUPPORT, IncidentWorld.NOTES, id, "{\"text\":\"3 more tickets\"}"), 201);
        assertThat(note.path("kind").asText()).isEqualTo("NOTE");
        assertThat(note.path("actor").asText()).isEqualTo(IncidentWorld.SUPPORT);
        assertThat(note.path("seq").asInt()).isEqualTo(2);
        ok(world.as(IncidentWorld.SUPPORT, Role.SUPPORT, IncidentWorld.COMMUNICATION, id, null), 200);
        ok(world.as(IncidentWorld.SUPPORT, Role.SUPPORT, IncidentWorld.GET_POSTMORTEM, id, null), 200);
        assertProblem(world.as(IncidentWorld.SUPPORT, Role.SUPPORT, IncidentWorld.STATUS, id, "{\"status\":\"CLASSIFIED\",\"note\":\"x\"}"),
                403, null, null);
        assertThat(world.audited(id)).hasSize(2);
    }
}
