package com.warroom.incidents;

import static com.warroom.incidents.IncidentWorld.GET;
import static com.warroom.incidents.IncidentWorld.STATUS;
import static com.warroom.incidents.IncidentWorld.assertProblem;
import static com.warroom.incidents.IncidentWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.incidents.model.IncidentStatus;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SOP's order: DETECTED → CLASSIFIED → CONTAINED → INVESTIGATING → RESOLVED → CLOSED, one step at a time. Every other
 * move, over all pairs of statuses, is 409 and writes nothing; the rules of CLASSIFIED and RESOLVED; two moves at once.
 */
@ExtendWith(EmbeddedStackExtension.class)
class LifecycleTest {

    private static IncidentWorld world;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new IncidentWorld(stack);
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(IncidentStatus.values()).flatMap(from -> Stream.of(IncidentStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void status_fromEachToEach_onlyTheNextStepIsAllowed_andARefusalWritesNothing(IncidentStatus from, IncidentStatus to) {
        String id = world.declareId("P2");
        world.moveTo(id, from.name());
        List<Map<String, AttributeValue>> before = world.stored(id);
        int audited = world.audited(id).size();

        var response = world.ops(STATUS, id, "{\"status\":\"" + to + "\",\"note\":\"next step\",\"postmortemOwner\":\"pia-ops\"}");

        if (from.ordinal() + 1 == to.ordinal()) {
            JsonNode incident = ok(response, 200);
            assertThat(incident.path("status").asText()).isEqualTo(to.name());
            assertThat(incident.path("timeline").findValuesAsText("kind")).endsWith("STATUS");
            assertThat(world.stored(id)).hasSize(before.size() + 1);
            assertThat(world.audited(id)).hasSize(audited + 1);
        } else {
            assertProblem(response, 409, "status-not-allowed", null);
            assertThat(world.stored(id)).isEqualTo(before);
            assertThat(world.audited(id)).hasSize(audited);
        }
    }

    @Test
    void status_classifyWithoutAnySeverity_is422NamingSeverity_thenWithOneItClassifies() {
        String id = ok(world.as(IncidentWorld.SUPPORT, Role.SUPPORT, IncidentWorld.DECLARE, null, IncidentWorld.declaration("checkout spins",
                null, List.of("payment"), "ticket", world.clock.instant().minusSeconds(60), 3, null)), 201).path("incidentId").asText();
        List<Map<String, AttributeValue>> before = world.stored(id);

        assertProblem(world.ops(STATUS, id, "{\"status\":\"CLASSIFIED\",\"note\":\"looked\"}"), 422, "severity-needed", "severity");
        assertThat(world.stored(id)).isEqualTo(before);

        JsonNode classified = ok(world.ops(STATUS, id, "{\"status\":\"CLASSIFIED\",\"note\":\"looked\",\"severity\":\"S2\"}"), 200);
        assertThat(classified.path("severity").asText()).isEqualTo("P1");
        assertThat(classified.path("severityLabel").asText()).isEqualTo("main feature down");
        assertThat(classified.path("targetResponse").asText()).isEqualTo("30 min");
    }

    @Test
    void status_resolveP1WithoutPostmortemOwner_is422_resolveP2WithoutOne_isAllowed() {
        String p1 = world.declareId("P1");
        world.moveTo(p1, "INVESTIGATING");
        List<Map<String, AttributeValue>> before = world.stored(p1);
        assertProblem(world.ops(STATUS, p1, "{\"status\":\"RESOLVED\",\"note\":\"fixed\"}"), 422, "postmortem-owner-needed", "postmortemOwner");
        assertThat(world.stored(p1)).isEqualTo(before);
        JsonNode resolved = ok(world.ops(STATUS, p1, "{\"status\":\"RESOLVED\",\"note\":\"fixed\",\"postmortemOwner\":\"pia-ops\"}"), 200);
        assertThat(resolved.path("resolvedAt").asText()).isNotBlank();
        assertThat(resolved.path("postmortem").path("owner").asText()).isEqualTo("pia-ops");
        assertThat(resolved.path("postmortem").path("dueAt").asText())
                .isEqualTo(com.warroom.payments.SortableTime.format(world.clock.instant().plusSeconds(48 * 3600)));

        String p2 = world.declareId("P2");
        world.moveTo(p2, "INVESTIGATING");
        JsonNode p2Resolved = ok(world.ops(STATUS, p2, "{\"status\":\"RESOLVED\",\"note\":\"fixed\"}"), 200);
        assertThat(p2Resolved.path("postmortem").isNull()).isTrue();
    }

    @Test
    void status_closedIncident_takesNoNoteNoMoveAndNoEvidence() {
        String id = world.declareId("P3");
        world.moveTo(id, "CLOSED");
        assertProblem(world.ops(IncidentWorld.NOTES, id, "{\"text\":\"late note\"}"), 409, "incident-closed", null);
        assertProblem(world.ops(STATUS, id, "{\"status\":\"CLOSED\",\"note\":\"again\"}"), 409, "status-not-allowed", null);
        assertProblem(world.ops("POST /v1/incidents/{id}/evidence", id, "{\"orderIds\":[\"o-1\"],\"from\":\"2026-12-01T00:00:00Z\","
                + "\"to\":\"2026-12-01T01:00:00Z\"}"), 409, "incident-closed", null);
        assertProblem(world.ops(IncidentWorld.LINKS, id, "{\"kind\":\"order\",\"id\":\"o-1\"}"), 422, "unknown-link-target", "id");
    }

    @Test
    void status_twoMovesAtOnce_oneWins_theOtherIs409() throws Exception {
        String id = world.declareId("P2");
        int audited = world.audited(id).size();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String who : List.of("ops-a", "ops-b")) {
            Callable<Integer> move = () -> {
                go.await();
                return world.as(who, Role.OPS, STATUS, id, "{\"status\":\"CLASSIFIED\",\"note\":\"" + who + " classifies\"}").getStatusCode();
            };
            answers.add(pool.submit(move));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            codes.add(answer.get());
        }
        pool.shutdown();

        assertThat(codes).containsExactlyInAnyOrder(200, 409);
        JsonNode incident = ok(world.ops(GET, id, null), 200);
        assertThat(incident.path("status").asText()).isEqualTo("CLASSIFIED");
        assertThat(incident.path("timeline").findValuesAsText("kind")).containsExactly("DECLARED", "STATUS");
        assertThat(world.audited(id)).hasSize(audited + 1);
    }
}
