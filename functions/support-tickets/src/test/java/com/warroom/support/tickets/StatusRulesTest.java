package com.warroom.support.tickets;

import static com.warroom.support.tickets.TicketWorld.assertProblem;
import static com.warroom.support.tickets.TicketWorld.event;
import static com.warroom.support.tickets.TicketWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The status rules: staff move OPEN → IN_PROGRESS → RESOLVED and reopen RESOLVED → IN_PROGRESS with a note; only the
 * user's confirmation (or the keeper) closes; CLOSED takes no change. Every other move is 409 and writes nothing.
 */
@ExtendWith(EmbeddedStackExtension.class)
class StatusRulesTest {

    private static final String STATUS = "POST /v1/support/tickets/{id}/status";
    private static final String CONFIRM = "POST /v1/support/tickets/{id}/confirmation";
    private static final Set<String> ALLOWED = Set.of("OPEN>IN_PROGRESS", "IN_PROGRESS>RESOLVED", "RESOLVED>IN_PROGRESS");
    private static TicketWorld world;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new TicketWorld(stack);
    }

    static Stream<Arguments> everyMove() {
        return Stream.of(TicketStatus.values()).flatMap(from -> Stream.of(TicketStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void status_fromEachToEach_followsTheRules_andARefusalWritesNothing(TicketStatus from, TicketStatus to) {
        String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        world.moveTo(id, from);
        List<Map<String, AttributeValue>> before = world.stored(id);
        int audited = world.audited(id).size();

        var response = world.staff(STATUS, id, "{\"status\":\"" + to + "\",\"note\":\"user says it still fails\"}");

        if (ALLOWED.contains(from + ">" + to)) {
            JsonNode ticket = ok(response, 200);
            assertThat(ticket.path("status").asText()).isEqualTo(to.name());
            assertThat(world.stored(id)).hasSize(before.size() + 1);
            assertThat(world.audited(id)).hasSize(audited + 1);
        } else {
            assertProblem(response, 409, from == TicketStatus.CLOSED ? "ticket-closed" : "status-not-allowed", null);
            assertThat(world.stored(id)).isEqualTo(before);
            assertThat(world.audited(id)).hasSize(audited);
        }
    }

    @Test
    void reopen_withoutANote_isRefused_andNothingIsWritten() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        world.moveTo(id, TicketStatus.RESOLVED);
        List<Map<String, AttributeValue>> before = world.stored(id);

        assertProblem(world.staff(STATUS, id, "{\"status\":\"IN_PROGRESS\"}"), 422, "validation-failed", "note");
        assertThat(world.stored(id)).isEqualTo(before);
    }

    @Test
    void resolve_stampsTheResolution_andAReopenedTicketCountsItsLastResolution() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        world.clock.advance(Duration.ofMinutes(10));
        world.moveTo(id, TicketStatus.RESOLVED);
        String firstResolution = ok(world.staff("GET /v1/support/tickets/{id}", id, null), 200).path("resolvedAt").asText();
        world.clock.advance(Duration.ofHours(1));
        ok(world.staff(STATUS, id, "{\"status\":\"IN_PROGRESS\",\"note\":\"not fixed\"}"), 200);
        world.clock.advance(Duration.ofHours(1));
        JsonNode resolved = ok(world.staff(STATUS, id, "{\"status\":\"RESOLVED\"}"), 200);

        assertThat(resolved.path("resolvedAt").asText()).isNotEqualTo(firstResolution)
                .isEqualTo(world.clock.instant().toString());
    }

    static Stream<TicketStatus> unresolved() {
        return Stream.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.CLOSED);
    }

    @ParameterizedTest
    @MethodSource("unresolved")
    void confirmation_ofATicketNotResolved_is409_andWritesNothing(TicketStatus status) {
        String id = world.fileId(TicketWorld.newUser(), TicketType.QUESTION);
        world.moveTo(id, status);
        List<Map<String, AttributeValue>> before = world.stored(id);

        assertProblem(world.call(event(CONFIRM, id, "{\"rating\":4}", Map.of(), TicketWorld.PLATFORM, Role.SERVICE)), 409, "not-resolved", null);
        assertThat(world.stored(id)).isEqualTo(before);
    }

    @Test
    void confirmation_ofAResolvedTicket_closesItWithTheRating() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.QUESTION);
        world.moveTo(id, TicketStatus.RESOLVED);

        JsonNode closed = ok(world.call(event(CONFIRM, id, "{\"rating\":4,\"comment\":\"thanks\"}", Map.of(), TicketWorld.PLATFORM,
                Role.SERVICE)), 200);

        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("csat").path("rating").asInt()).isEqualTo(4);
        assertThat(closed.path("csat").path("comment").asText()).isEqualTo("thanks");
        assertThat(closed.path("closedBy").asText()).startsWith("user:");
        JsonNode history = ok(world.staff("GET /v1/support/tickets/{id}", id, null), 200).path("history");
        assertThat(history.findValuesAsText("kind")).containsExactly("CREATED", "STATUS", "STATUS", "CONFIRMED");
    }

    @Test
    void everyStaffChange_ofAClosedTicket_is409_andWritesNothing() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        world.moveTo(id, TicketStatus.CLOSED);
        List<Map<String, AttributeValue>> before = world.stored(id);

        for (var change : Map.of("priority", "{\"priority\":\"HIGH\"}", "assign", "{\"assignee\":\"ops-olga\"}",
                "comments", "{\"body\":\"late\",\"visibility\":\"INTERNAL\"}", "follow-up", "{\"followedUp\":true}",
                "links", "{\"kind\":\"incident\",\"id\":\"" + world.incident() + "\"}", "reproduced", "{}", "fixed", "{}").entrySet()) {
            assertProblem(world.staff("POST /v1/support/tickets/{id}/" + change.getKey(), id, change.getValue()), 409, "ticket-closed", null);
        }
        assertThat(world.stored(id)).isEqualTo(before);
    }

    @Test
    void firstResponse_isTheFirstUserVisibleCommentOrStatusChange_notAnInternalNote() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.QUESTION);
        world.clock.advance(Duration.ofMinutes(5));
        JsonNode internal = ok(world.staff("POST /v1/support/tickets/{id}/comments", id, "{\"body\":\"checking\",\"visibility\":\"INTERNAL\"}"), 200);
        assertThat(internal.path("firstResponseAt").isNull()).isTrue();
        world.clock.advance(Duration.ofMinutes(5));
        JsonNode reply = ok(world.staff("POST /v1/support/tickets/{id}/comments", id, "{\"body\":\"we are on it\",\"visibility\":\"USER\"}"), 200);
        String first = world.clock.instant().toString();
        assertThat(reply.path("firstResponseAt").asText()).isEqualTo(first);
        world.clock.advance(Duration.ofMinutes(5));
        JsonNode moved = ok(world.staff(STATUS, id, "{\"status\":\"IN_PROGRESS\"}"), 200);
        assertThat(moved.path("firstResponseAt").asText()).isEqualTo(first);
    }
}
