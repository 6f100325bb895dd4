package com.warroom.support.tickets;

import static com.warroom.support.tickets.TicketWorld.assertProblem;
import static com.warroom.support.tickets.TicketWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Links to reconcile findings (which must exist) and incidents, and assigning and unassigning. */
@ExtendWith(EmbeddedStackExtension.class)
class LinksAndAssignmentTest {

    private static final String LINKS = "POST /v1/support/tickets/{id}/links";
    private static TicketWorld world;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new TicketWorld(stack);
    }

    private static String findingId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "f-" + HexFormat.of().formatHex(bytes);
    }

    @Test
    void link_toAFindingThatExists_andToAnIncident_areKeptOnce() {
        String finding = findingId();
        world.dynamo.putItem(b -> b.tableName(Topology.RECONCILE_FINDINGS.localName()).item(Map.of("findingId", AttributeValue.fromS(finding),
                "status", AttributeValue.fromS("OPEN"), "firstSeenAt", AttributeValue.fromS("2026-11-30T00:00:00.000Z"))));
        String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);

        ok(world.staff(LINKS, id, "{\"kind\":\"finding\",\"id\":\"" + finding + "\"}"), 200);
        JsonNode twice = ok(world.staff(LINKS, id, "{\"kind\":\"finding\",\"id\":\"" + finding + "\"}"), 200);
        String incidentId = world.incident();
        JsonNode incident = ok(world.staff(LINKS, id, "{\"kind\":\"incident\",\"id\":\"" + incidentId + "\"}"), 200);

        assertThat(twice.path("links")).hasSize(1);
        assertThat(incident.path("links").findValuesAsText("id")).containsExactly(finding, incidentId);
        assertThat(incident.path("links").findValuesAsText("kind")).containsExactly("finding", "incident");
        assertThat(world.audited(id)).hasSize(2);
    }

    @Test
    void link_toAnIncidentThatDoesNotExist_is422NamingTheId_andWritesNothing() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        var before = world.stored(id);

        assertProblem(world.staff(LINKS, id, "{\"kind\":\"incident\",\"id\":\"inc-" + "0".repeat(32) + "\"}"), 422, "unknown-incident",
                "id");
        assertProblem(world.staff(LINKS, id, "{\"kind\":\"incident\",\"id\":\"INC-2041\"}"), 400, "validation", "id");
        assertThat(world.stored(id)).isEqualTo(before);
    }

    @Test
    void link_toAFindingThatDoesNotExist_is422NamingTheId_andWritesNothing() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        var before = world.stored(id);

        assertProblem(world.staff(LINKS, id, "{\"kind\":\"finding\",\"id\":\"" + findingId() + "\"}"), 422, "unknown-finding", "id");
        assertThat(world.stored(id)).isEqualTo(before);
        assertThat(world.audited(id)).isEmpty();
    }

    @Test
    void assign_thenUnassignWithNull_andTheSameAssigneeAgainWritesNothing() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.QUESTION);
        String route = "POST /v1/support/tickets/{id}/assign";

        assertThat(ok(world.staff(route, id, "{\"assignee\":\"ops-olga\"}"), 200).path("assignee").asText()).isEqualTo("ops-olga");
        var assigned = world.stored(id);
        assertThat(ok(world.staff(route, id, "{\"assignee\":\"ops-olga\"}"), 200).path("version").asLong()).isEqualTo(2);
        assertThat(world.stored(id)).isEqualTo(assigned);
        JsonNode unassigned = ok(world.staff(route, id, "{\"assignee\":null}"), 200);

        assertThat(unassigned.path("assignee").isNull()).isTrue();
        assertThat(world.dynamo.getItem(b -> b.tableName(Topology.TICKETS.localName()).key(Map.of("ticketId", AttributeValue.fromS(id),
                "item", AttributeValue.fromS("ticket")))).item()).doesNotContainKey("assignee");
        assertThat(world.audited(id)).hasSize(2);
    }
}
