package com.warroom.incidents;

import static com.warroom.incidents.IncidentWorld.GET;
import static com.warroom.incidents.IncidentWorld.GET_POSTMORTEM;
import static com.warroom.incidents.IncidentWorld.POSTMORTEM;
import static com.warroom.incidents.IncidentWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.incidents.keeper.IncidentKeeper;
import com.warroom.incidents.keeper.IncidentKeeperHandler;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The post-mortem: the SOP's template as Markdown with the timeline and the checklist; due 48 hours after a P0/P1 is
 * RESOLVED; the keeper tells the war room once when it is overdue, and counts the overdue ones.
 */
@ExtendWith(EmbeddedStackExtension.class)
class PostmortemAndKeeperTest {

    private static IncidentWorld world;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new IncidentWorld(stack);
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
    }

    @Test
    void postmortem_rendersTheTemplate_withTheTimelineAndTheActionsAsAChecklist() {
        String id = world.declareId("P1");
        world.moveTo(id, "RESOLVED");
        ok(world.ops(POSTMORTEM, id, "{\"owner\":\"pia-ops\",\"rootCause\":\"the settlement notification was retried | twice\","
                + "\"resolution\":\"access granted by hand\",\"actions\":[{\"text\":\"alarm on access lag\",\"owner\":\"oki-ops\"},"
                + "{\"text\":\"replay test\",\"owner\":\"bima-backend\",\"done\":true}]}"), 200);

        JsonNode pm = ok(world.ops(GET_POSTMORTEM, id, null), 200);
        String md = pm.path("markdown").asText();

        assertThat(pm.path("incidentId").asText()).isEqualTo(id);
        assertThat(pm.path("overdue").asBoolean()).isFalse();
        assertThat(pm.path("complete").asBoolean()).isFalse();
        assertThat(md).startsWith("# Post-mortem: paid but no access")
                .contains("| Incident ID | " + id + " |", "| Severity | P1 (main feature down) |", "| Detected by | ticket |",
                        "| Owner | pia-ops |", "## Root cause\n\nthe settlement notification was retried | twice",
                        "## Impact\n\n12 users affected: users paid and see no course", "## Resolution\n\naccess granted by hand",
                        "## Preventive action\n\n_(not written yet)_",
                        "- [ ] alarm on access lag (owner: oki-ops)", "- [x] replay test (owner: bima-backend)")
                .contains("## Timeline", "| 1 |", "DECLARED: declared P1", "STATUS: INVESTIGATING → RESOLVED", "POSTMORTEM: post-mortem drafted");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && l.contains(" | STATUS: ")).count()).isEqualTo(4);
    }

    @Test
    void keeper_overdueAfter48Hours_noticeOnce_timelineEntry_andTheMetricCountsIt() {
        String overdue = world.declareId("P0");
        String written = world.declareId("P1");
        String minor = world.declareId("P2");
        for (String id : List.of(overdue, written, minor)) {
            world.moveTo(id, "RESOLVED");
        }
        ok(world.ops(POSTMORTEM, written, "{\"owner\":\"pia-ops\",\"rootCause\":\"r\",\"impact\":\"i\",\"resolution\":\"s\","
                + "\"preventiveAction\":\"p\"}"), 200);

        world.clock.advance(Duration.ofHours(48).minusSeconds(1));
        assertThat(world.keeper.run().overdue()).doesNotContain(overdue, written, minor);
        metrics.clear();
        world.clock.advance(Duration.ofSeconds(1));
        Map<String, Object> output = new IncidentKeeperHandler(world.keeper).handleRequest(Map.of(),
                LocalLambdaContext.of("incident-keeper", 512, 120));

        @SuppressWarnings("unchecked")
        List<String> overdueNow = (List<String>) output.get("overdue");
        @SuppressWarnings("unchecked")
        List<String> notifiedNow = (List<String>) output.get("notified");
        assertThat(overdueNow).contains(overdue).doesNotContain(written, minor);
        assertThat(notifiedNow).contains(overdue);
        assertThat(notices(overdue)).hasSize(1);
        assertThat(notices(overdue).getFirst()).contains("pia-ops", "POST /v1/incidents/" + overdue + "/postmortem");
        JsonNode incident = ok(world.ops(GET, overdue, null), 200);
        assertThat(incident.path("timeline").findValuesAsText("kind")).endsWith("OVERDUE");
        assertThat(incident.path("postmortem").path("overdue").asBoolean()).isTrue();
        assertThat(ok(world.ops(GET_POSTMORTEM, overdue, null), 200).path("overdue").asBoolean()).isTrue();
        RecordedMetrics.Point point = metrics.points().stream().filter(p -> p.name().equals(IncidentKeeper.OVERDUE_METRIC)).findFirst()
                .orElseThrow();
        assertThat(point.value()).isEqualTo(overdueNow.size());
        assertThat(point.dimensions()).isEmpty();

        world.clock.advance(Duration.ofHours(1));
        IncidentKeeper.Round next = world.keeper.run();
        assertThat(next.overdue()).contains(overdue);
        assertThat(next.notified()).doesNotContain(overdue);
        assertThat(notices(overdue)).hasSize(1);
        assertThat(ok(world.ops(GET, overdue, null), 200).path("timeline").findValuesAsText("kind").stream()
                .filter("OVERDUE"::equals)).hasSize(1);

        ok(world.ops(POSTMORTEM, overdue, "{\"owner\":\"pia-ops\",\"rootCause\":\"r\",\"impact\":\"i\",\"resolution\":\"s\","
                + "\"preventiveAction\":\"p\"}"), 200);
        assertThat(world.keeper.run().overdue()).doesNotContain(overdue);
    }

    private static List<String> notices(String incidentId) {
        return world.stack.localSns().published(Topology.OPS_NOTICES).stream().map(m -> m.message())
                .filter(m -> m.contains(incidentId)).toList();
    }
}
