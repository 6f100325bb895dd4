package com.warroom.incidents;

import static com.warroom.incidents.IncidentWorld.GET;
import static com.warroom.incidents.IncidentWorld.GET_POSTMORTEM;
import static com.warroom.incidents.IncidentWorld.STATUS;
import static com.warroom.incidents.IncidentWorld.declaration;
import static com.warroom.incidents.IncidentWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.flags.api.FlagAdminHandler;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The issue's "done when", as one walk through the routes: declare a P1 "paid but no access" detected through a support
 * ticket, pull a kill switch for it, collect evidence for two orders (the hash in the timeline, the bundle read back
 * with that hash), move it step by step to RESOLVED, read the post-mortem draft with the timeline filled in, and see
 * the overdue notice on ops-notices once the test clock passes 48 hours.
 */
@ExtendWith(EmbeddedStackExtension.class)
class DeclareAndRunAnIncidentTest {

    @Test
    void walk_declareKillSwitchEvidenceResolvePostmortemOverdue(EmbeddedStack stack) throws Exception {
        IncidentWorld world = new IncidentWorld(stack);

        // declared by ops from a support ticket; nobody named: the ops area's on-call primary commands it
        JsonNode declared = ok(world.ops(IncidentWorld.DECLARE, null, declaration("paid but no access", "S2", List.of("access", "payment"),
                "ticket", world.clock.instant().minusSeconds(1800), 14, null)), 201);
        String id = declared.path("incidentId").asText();
        assertThat(declared.path("severity").asText()).isEqualTo("P1");
        assertThat(declared.path("commander").asText()).isEqualTo("oki-ops");
        ok(world.ops(STATUS, id, "{\"status\":\"CLASSIFIED\",\"note\":\"settlement seen, no entitlement\"}"), 200);

        // the kill switch, pulled for this incident through its own route
        String scope = "round:walk-" + UUID.randomUUID().toString().substring(0, 8);
        APIGatewayV2HTTPResponse flag = new FlagAdminHandler().handleRequest(HttpEvents.route("POST /v1/admin/system-flags/set")
                .caller(IncidentWorld.OPS, Role.OPS).body(Json.write(Map.of("flag", "contribute", "scope", scope, "enabled", false,
                        "reason", "stop new payments while access is broken", "incidentId", id))).build(),
                LocalLambdaContext.of("flag-admin", 512, 30));
        assertThat(flag.getStatusCode()).as(flag.getBody()).isEqualTo(200);
        ok(world.ops(STATUS, id, "{\"status\":\"CONTAINED\",\"note\":\"contributions paused\"}"), 200);

        // evidence for the two orders users reported
        String first = order(world);
        String second = order(world);
        JsonNode evidence = ok(world.ops("POST /v1/incidents/{id}/evidence", id, Json.write(Map.of("orderIds", List.of(first, second),
                "from", world.clock.instant().minus(Duration.ofHours(2)).toString(), "to", world.clock.instant().toString()))), 201);
        String sha256 = evidence.path("sha256").asText();
        assertThat(sha256).matches("[0-9a-f]{64}");
        assertThat(evidence.path("counts").path("orders").asInt()).isEqualTo(2);
        APIGatewayV2HTTPResponse bundle = world.call(IncidentWorld.event("GET /v1/incidents/{id}/evidence/{evidenceId}",
                Map.of("id", id, "evidenceId", evidence.path("evidenceId").asText()), null, Map.of(), IncidentWorld.OPS, Role.OPS));
        assertThat(bundle.getStatusCode()).as(bundle.getBody()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bundle.getBody().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(sha256);
        assertThat(bundle.getBody()).contains(first, second);

        ok(world.ops(STATUS, id, "{\"status\":\"INVESTIGATING\",\"note\":\"finding the missed grant\"}"), 200);
        JsonNode resolved = ok(world.ops(STATUS, id, "{\"status\":\"RESOLVED\",\"note\":\"access granted to all 14\","
                + "\"postmortemOwner\":\"pia-ops\"}"), 200);

        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.path("links").findValuesAsText("kind")).containsExactly("flag");
        assertThat(resolved.path("links").findValuesAsText("id")).containsExactly("contribute@" + scope);
        assertThat(resolved.path("evidence").findValuesAsText("sha256")).containsExactly(sha256);
        assertThat(resolved.path("timeline").findValuesAsText("kind")).containsExactly("DECLARED", "STATUS", "FLAG_CHANGE", "STATUS",
                "EVIDENCE", "STATUS", "STATUS");
        JsonNode evidenceEntry = resolved.path("timeline").get(4);
        assertThat(evidenceEntry.path("sha256").asText()).isEqualTo(sha256);
        assertThat(evidenceEntry.path("text").asText()).contains(sha256);

        // the post-mortem draft, its timeline filled in from the incident
        JsonNode draft = ok(world.ops(GET_POSTMORTEM, id, null), 200);
        assertThat(draft.path("dueAt").asText()).isEqualTo(resolved.path("postmortem").path("dueAt").asText());
        assertThat(draft.path("markdown").asText()).contains("| Incident ID | " + id + " |", "| Severity | P1 (main feature down) |",
                "| Detected by | ticket |", "| Owner | pia-ops |", "FLAG_CHANGE: kill switch contribute@" + scope + " disabled",
                "EVIDENCE: evidence " + evidence.path("evidenceId").asText(), sha256, "STATUS: INVESTIGATING → RESOLVED");

        // 48 hours later, nobody wrote it: one notice on ops-notices
        world.clock.advance(Duration.ofHours(48));
        assertThat(world.keeper.run().notified()).contains(id);
        List<String> notices = stack.localSns().published(Topology.OPS_NOTICES).stream().map(m -> m.message())
                .filter(m -> m.contains(id)).toList();
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst()).contains("post-mortem", "pia-ops");
        assertThat(ok(world.ops(GET, id, null), 200).path("timeline").findValuesAsText("kind")).endsWith("OVERDUE");
    }

    private static String order(IncidentWorld world) {
        String orderId = "ord-walk-" + UUID.randomUUID().toString().substring(0, 12);
        world.dynamo.putItem(b -> b.tableName(Topology.ORDERS.localName()).item(Map.of("orderId", AttributeValue.fromS(orderId),
                "userId", AttributeValue.fromS("u-" + orderId), "status", AttributeValue.fromS("PAID"),
                "createdAt", AttributeValue.fromS(world.clock.instant().minusSeconds(3600).toString()))));
        return orderId;
    }
}
