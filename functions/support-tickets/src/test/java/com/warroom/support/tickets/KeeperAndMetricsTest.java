package com.warroom.support.tickets;

import static com.warroom.support.tickets.TicketWorld.event;
import static com.warroom.support.tickets.TicketWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.support.tickets.keeper.TicketKeeperHandler;
import com.warroom.topology.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The keeper closes only what was RESOLVED for 7 days; the metrics of a known set of tickets. */
@ExtendWith(EmbeddedStackExtension.class)
class KeeperAndMetricsTest {

    private static final String STATUS = "POST /v1/support/tickets/{id}/status";

    @Test
    void keeper_closesTicketsResolvedSevenDaysAgo_andNoOther(EmbeddedStack stack) {
        TicketWorld world = new TicketWorld(stack);
        String resolvedFirst = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        String resolvedLater = world.fileId(TicketWorld.newUser(), TicketType.QUESTION);
        String inProgress = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        String reopened = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        world.moveTo(resolvedFirst, TicketStatus.RESOLVED);
        world.moveTo(reopened, TicketStatus.RESOLVED);
        ok(world.staff(STATUS, reopened, "{\"status\":\"IN_PROGRESS\",\"note\":\"came back\"}"), 200);
        world.moveTo(inProgress, TicketStatus.IN_PROGRESS);
        world.clock.advance(Duration.ofDays(1));
        world.moveTo(resolvedLater, TicketStatus.RESOLVED);
        TicketKeeperHandler handler = new TicketKeeperHandler(world.keeper);

        world.clock.advance(Duration.ofDays(6).minusSeconds(1));
        assertThat(world.keeper.run().closed()).doesNotContain(resolvedFirst, resolvedLater, inProgress, reopened);
        world.clock.advance(Duration.ofSeconds(1));
        Map<String, Object> output = handler.handleRequest(Map.of(), LocalLambdaContext.of("ticket-keeper", 512, 300));

        @SuppressWarnings("unchecked")
        java.util.List<String> closedNow = (java.util.List<String>) output.get("closed");
        assertThat(closedNow).contains(resolvedFirst).doesNotContain(resolvedLater, inProgress, reopened);
        JsonNode closed = ok(world.staff("GET /v1/support/tickets/{id}", resolvedFirst, null), 200);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closedBy").asText()).isEqualTo("ticket-keeper");
        assertThat(closed.path("csat").isNull()).isTrue();
        assertThat(closed.path("history").findValuesAsText("kind")).endsWith("AUTO_CLOSED");
        assertThat(status(world, resolvedLater)).isEqualTo("RESOLVED");
        assertThat(status(world, inProgress)).isEqualTo("IN_PROGRESS");
        assertThat(status(world, reopened)).isEqualTo("IN_PROGRESS");

        world.clock.advance(Duration.ofDays(1));
        assertThat(world.keeper.run().closed()).contains(resolvedLater).doesNotContain(resolvedFirst);
        assertThat(status(world, resolvedLater)).isEqualTo("CLOSED");
    }

    private static String status(TicketWorld world, String id) {
        return ok(world.staff("GET /v1/support/tickets/{id}", id, null), 200).path("status").asText();
    }

    @Test
    void metrics_ofAKnownSet_answerTheTimesVolumesAndCsat(EmbeddedStack stack) {
        TicketWorld world = new TicketWorld(stack);
        Instant start = world.clock.instant();
        String a = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        String b = world.fileId(TicketWorld.newUser(), TicketType.QUESTION);
        String c = world.fileId(TicketWorld.newUser(), TicketType.SUGGESTION);
        String d = world.fileId(TicketWorld.newUser(), TicketType.QUESTION);
        world.fileId(TicketWorld.newUser(), TicketType.CRITICISM);
        at(world, start, 60);
        ok(world.staff(STATUS, a, "{\"status\":\"IN_PROGRESS\"}"), 200);
        at(world, start, 120);
        ok(world.staff("POST /v1/support/tickets/{id}/comments", b, "{\"body\":\"looking\",\"visibility\":\"USER\"}"), 200);
        at(world, start, 180);
        ok(world.staff("POST /v1/support/tickets/{id}/comments", c, "{\"body\":\"noted\",\"visibility\":\"INTERNAL\"}"), 200);
        at(world, start, 300);
        ok(world.staff(STATUS, d, "{\"status\":\"IN_PROGRESS\"}"), 200);
        at(world, start, 600);
        ok(world.staff(STATUS, a, "{\"status\":\"RESOLVED\"}"), 200);
        at(world, start, 900);
        ok(world.staff(STATUS, d, "{\"status\":\"RESOLVED\"}"), 200);
        at(world, start, 1200);
        ok(world.staff(STATUS, b, "{\"status\":\"IN_PROGRESS\"}"), 200);
        at(world, start, 3000);
        ok(world.staff(STATUS, b, "{\"status\":\"RESOLVED\"}"), 200);
        confirm(world, a, 5);
        confirm(world, b, 4);
        confirm(world, d, 2);
        at(world, start, 7200);
        world.fileId(TicketWorld.newUser(), TicketType.BUG); // outside the window

        JsonNode metrics = ok(world.call(event("GET /v1/support/metrics", null, null, Map.of("from", start.toString(),
                "to", start.plus(Duration.ofHours(1)).toString()), "ops-olga", Role.OPS)), 200);

        assertThat(metrics.path("tickets").asLong()).isEqualTo(5);
        assertThat(metrics.path("firstResponseSeconds").path("count").asLong()).isEqualTo(3);
        assertThat(metrics.path("firstResponseSeconds").path("median").asLong()).isEqualTo(120);
        assertThat(metrics.path("firstResponseSeconds").path("p90").asLong()).isEqualTo(300);
        assertThat(metrics.path("resolutionSeconds").path("count").asLong()).isEqualTo(3);
        assertThat(metrics.path("resolutionSeconds").path("median").asLong()).isEqualTo(900);
        assertThat(metrics.path("resolutionSeconds").path("p90").asLong()).isEqualTo(3000);
        assertThat(Json.read(Json.write(metrics.path("volumeByType")), Map.class))
                .isEqualTo(Map.of("BUG", 1, "QUESTION", 2, "SUGGESTION", 1, "CRITICISM", 1));
        assertThat(metrics.path("csat").path("average").decimalValue()).isEqualByComparingTo("3.67");
        assertThat(metrics.path("csat").path("count").asLong()).isEqualTo(3);
        assertThat(Json.read(Json.write(metrics.path("csat").path("distribution")), Map.class))
                .isEqualTo(Map.of("1", 0, "2", 1, "3", 0, "4", 1, "5", 1));

        JsonNode empty = ok(world.call(event("GET /v1/support/metrics", null, null, Map.of("from", start.minus(Duration.ofDays(2)).toString(),
                "to", start.minus(Duration.ofDays(1)).toString()), "ops-olga", Role.OPS)), 200);
        assertThat(empty.path("tickets").asLong()).isZero();
        assertThat(empty.path("firstResponseSeconds").path("median").isNull()).isTrue();
        assertThat(empty.path("csat").path("average").isNull()).isTrue();
    }

    private static void at(TicketWorld world, Instant start, long seconds) {
        world.clock.advance(Duration.between(world.clock.instant(), start.plusSeconds(seconds)));
    }

    private static void confirm(TicketWorld world, String id, int rating) {
        ok(world.call(event("POST /v1/support/tickets/{id}/confirmation", id, "{\"rating\":" + rating + "}", Map.of(),
                TicketWorld.PLATFORM, Role.SERVICE)), 200);
    }
}
