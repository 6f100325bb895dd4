package com.warroom.incidents;

import static com.warroom.incidents.IncidentWorld.LINKS;
import static com.warroom.incidents.IncidentWorld.LIST;
import static com.warroom.incidents.IncidentWorld.assertProblem;
import static com.warroom.incidents.IncidentWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Links to things that exist (each kind), once each; the listing by status with its cursor. */
@ExtendWith(EmbeddedStackExtension.class)
class LinksAndListTest {

    private static IncidentWorld world;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new IncidentWorld(stack);
    }

    private static String put(com.warroom.topology.TableDef table, String keyName, String id, Map<String, String> extra) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(keyName, AttributeValue.fromS(id));
        extra.forEach((k, v) -> item.put(k, AttributeValue.fromS(v)));
        world.dynamo.putItem(b -> b.tableName(table.localName()).item(item));
        return id;
    }

    @Test
    void link_eachKindThatExists_isLinkedOnce_withATimelineEntryAndAnAuditEntry() {
        String id = world.declareId("P1");
        String hex = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> targets = Map.of(
                "finding", put(Topology.RECONCILE_FINDINGS, "findingId", "f-" + hex, Map.of()),
                "order", put(Topology.ORDERS, "orderId", "ord-" + hex, Map.of()),
                "payout", put(Topology.PAYOUTS, "payoutId", "po-" + hex, Map.of()),
                "ticket", put(Topology.TICKETS, "ticketId", "tkt-" + hex, Map.of("item", "ticket")));
        int audited = world.audited(id).size();
        for (var target : targets.entrySet()) {
            ok(world.ops(LINKS, id, "{\"kind\":\"" + target.getKey() + "\",\"id\":\"" + target.getValue() + "\"}"), 201);
        }
        JsonNode again = ok(world.ops(LINKS, id, "{\"kind\":\"order\",\"id\":\"ord-" + hex + "\"}"), 200);

        assertThat(again.path("links")).hasSize(4);
        assertThat(again.path("links").findValuesAsText("kind")).containsExactlyInAnyOrder("finding", "order", "payout", "ticket");
        assertThat(again.path("links").findValuesAsText("actor")).containsOnly(IncidentWorld.OPS);
        assertThat(again.path("timeline").findValuesAsText("kind")).containsExactly("DECLARED", "LINK", "LINK", "LINK", "LINK");
        assertThat(world.audited(id)).hasSize(audited + 4);
    }

    @Test
    void link_toAnOrderThatDoesNotExist_is422NamingId_andWritesNothing() {
        String id = world.declareId("P1");
        var before = world.stored(id);
        assertProblem(world.ops(LINKS, id, "{\"kind\":\"payout\",\"id\":\"po-nobody\"}"), 422, "unknown-link-target", "id");
        assertThat(world.stored(id)).isEqualTo(before);
    }

    @Test
    void list_byStatus_pagesThroughEveryIncidentOnce_newestFirst() {
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            world.clock.advance(java.time.Duration.ofSeconds(1));
            String id = world.declareId("P2");
            world.moveTo(id, "CONTAINED");
            declared.add(id);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("status", "CONTAINED", "limit", "2"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = ok(world.call(IncidentWorld.event(LIST, Map.of(), null, query, IncidentWorld.OPS, Role.OPS)), 200);
            page.path("items").forEach(item -> {
                assertThat(item.path("status").asText()).isEqualTo("CONTAINED");
                assertThat(item.has("timeline")).isFalse();
                seen.add(item.path("incidentId").asText());
            });
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);

        List<String> newestFirst = new ArrayList<>(declared);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen.stream().filter(declared::contains).toList()).containsExactlyElementsOf(newestFirst);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void list_cursorOfAnotherStatus_isRefused() {
        world.moveTo(world.declareId("P2"), "CONTAINED");
        world.moveTo(world.declareId("P2"), "CONTAINED");
        JsonNode page = ok(world.call(IncidentWorld.event(LIST, Map.of(), null, Map.of("status", "CONTAINED", "limit", "1"),
                IncidentWorld.OPS, Role.OPS)), 200);
        String cursor = page.path("nextCursor").asText();
        assertProblem(world.call(IncidentWorld.event(LIST, Map.of(), null, Map.of("status", "RESOLVED", "cursor", cursor),
                IncidentWorld.OPS, Role.OPS)), 400, null, "cursor");
        JsonNode all = ok(world.call(IncidentWorld.event(LIST, Map.of(), null, Map.of(), IncidentWorld.OPS, Role.OPS)), 200);
        assertThat(all.path("items").size()).isPositive();
    }
}
