package com.warroom.payouts.admin;

import static com.warroom.payouts.admin.PayoutAdminApi.assertProblem;
import static com.warroom.payouts.admin.PayoutAdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.HttpEvents;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutQueries;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutsStack;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET /v1/admin/payouts}: the sources, the filters, the pages, the stuck badge and every bad parameter. */
@ExtendWith(EmbeddedStackExtension.class)
class ListPayoutsRouteTest {

    private static PayoutsStack world;
    private static PayoutAdminApi api;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PayoutsStack(stack, Instant.parse("2031-05-04T10:00:00Z"));
        api = new PayoutAdminApi(world);
    }

    /** Follows nextCursor from {@code query} to the end; every page's items, in order. */
    private static List<JsonNode> allPages(Map<String, String> first, List<Integer> pageSizes) {
        Map<String, String> query = new HashMap<>(first);
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; page < 200; page++) {
            JsonNode body = ok(api.list(query), 200);
            pageSizes.add(body.path("items").size());
            body.path("items").forEach(items::add);
            assertThat(body.has("nextCursor")).as("nextCursor is always in the answer").isTrue();
            if (body.path("nextCursor").isNull()) {
                return items;
            }
            query.put("cursor", body.path("nextCursor").asText());
        }
        throw new AssertionError("more than 200 pages");
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.path("payoutId").asText()).toList();
    }

    @Test
    void list_ofAUser_isNewestFirst_acrossPages_asPayoutViews() {
        String user = PayoutsStack.newId("u");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(world.requested(PayoutsStack.newId("P"), user, "1.5").payoutId());
            world.clock.advance(Duration.ofSeconds(1));
        }
        world.requested(PayoutsStack.newId("P"), PayoutsStack.newId("other"), "1.5");

        List<Integer> sizes = new ArrayList<>();
        List<JsonNode> items = allPages(Map.of("user", user, "limit", "2"), sizes);

        assertThat(ids(items)).containsExactlyElementsOf(created.reversed());
        assertThat(sizes.subList(0, 3)).containsExactly(2, 2, 1);
        JsonNode newest = items.getFirst();
        assertThat(newest.path("userId").asText()).isEqualTo(user);
        assertThat(newest.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(newest.path("amount").asText()).isEqualTo("1.500000");
        assertThat(newest.path("asset").asText()).isEqualTo("USDC");
        assertThat(newest.path("kind").asText()).isEqualTo("WITHDRAWAL");
        assertThat(newest.path("destination").path("address").asText()).isEqualTo(PayoutsStack.USER_EVM_ADDRESS);
        assertThat(newest.path("submission").asInt()).isEqualTo(1);
        assertThat(newest.path("sealIntact").asBoolean()).isTrue();
        assertThat(newest.path("stuck").asBoolean()).isFalse();
        assertThat(newest.path("override").isNull()).isTrue();
        assertThat(newest.has("ledgerEntries")).as("a list does not read the ledger").isFalse();
    }

    @Test
    void list_ofAStatus_isMostRecentlyChangedFirst_withinFromAndTo() {
        String user = PayoutsStack.newId("u");
        Instant from = SortableTime.now(world.clock);
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failed.add(world.inState(PayoutsStack.newId("P"), user, "2", PayoutStatus.FAILED, Optional.of("tx-" + i)).payoutId());
            world.clock.advance(Duration.ofSeconds(1));
        }
        String scheduled = world.inState(PayoutsStack.newId("P"), user, "2", PayoutStatus.RETRY_SCHEDULED, Optional.empty()).payoutId();
        Instant to = SortableTime.now(world.clock);
        world.clock.advance(Duration.ofSeconds(1));
        String later = world.inState(PayoutsStack.newId("P"), user, "2", PayoutStatus.FAILED, Optional.empty()).payoutId();

        List<JsonNode> items = allPages(Map.of("status", "FAILED", "from", from.toString(), "to", to.toString(), "limit", "2"),
                new ArrayList<>());

        assertThat(ids(items)).doesNotHaveDuplicates().doesNotContain(scheduled, later);
        assertThat(ids(items).stream().filter(failed::contains).toList()).containsExactlyElementsOf(failed.reversed());
        assertThat(items).allSatisfy(item -> {
            assertThat(item.path("status").asText()).isEqualTo("FAILED");
            Instant updated = Instant.parse(item.path("updatedAt").asText());
            assertThat(updated).isBetween(from, to);
        });
        List<String> byUserAndStatus = ids(allPages(Map.of("user", user, "status", "RETRY_SCHEDULED"), new ArrayList<>()));
        assertThat(byUserAndStatus).containsExactly(scheduled);
    }

    @Test
    void list_filtersByKindAndByTheStuckBadge() {
        String user = PayoutsStack.newId("u");
        Payout old = world.requested(PayoutsStack.newId("P"), user, "3", PayoutKind.REFUND);
        Payout quarantined = world.inState(PayoutsStack.newId("P"), user, "3", PayoutStatus.QUARANTINED, Optional.empty());
        Payout held = world.inState(PayoutsStack.newId("P"), user, "3", PayoutStatus.HELD, Optional.empty());
        Payout confirmed = world.inState(PayoutsStack.newId("P"), user, "3", PayoutStatus.CONFIRMED, Optional.of("tx-9"));
        world.clock.advance(Duration.ofMinutes(6));
        Payout fresh = world.requested(PayoutsStack.newId("P"), user, "3");

        assertThat(ids(allPages(Map.of("user", user, "kind", "REFUND"), new ArrayList<>()))).containsExactly(old.payoutId());
        List<JsonNode> stuck = allPages(Map.of("user", user, "stuck", "true"), new ArrayList<>());
        assertThat(ids(stuck)).as("REQUESTED over 5 minutes, QUARANTINED at once; HELD counts from its cooling-off's end, final never")
                .containsExactlyInAnyOrder(old.payoutId(), quarantined.payoutId());
        assertThat(stuck).allSatisfy(item -> assertThat(item.path("stuck").asBoolean()).isTrue());
        assertThat(ids(allPages(Map.of("user", user, "stuck", "false"), new ArrayList<>())))
                .containsExactlyInAnyOrder(held.payoutId(), confirmed.payoutId(), fresh.payoutId());

        world.clock.advance(Duration.ofHours(2));
        assertThat(ids(allPages(Map.of("user", user, "stuck", "true", "kind", "WITHDRAWAL"), new ArrayList<>())))
                .as("HELD an hour past its cooling-off")
                .containsExactlyInAnyOrder(quarantined.payoutId(), held.payoutId(), fresh.payoutId());
    }

    @Test
    void list_withNeitherUserNorStatus_scansTheTable_boundByCreation() {
        String user = PayoutsStack.newId("u");
        world.clock.advance(Duration.ofDays(3));
        Instant from = SortableTime.now(world.clock);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(world.requested(PayoutsStack.newId("P"), user, "1", PayoutKind.VESTING_CLAIM).payoutId());
        }
        Instant to = SortableTime.now(world.clock);
        world.clock.advance(Duration.ofSeconds(1));
        world.requested(PayoutsStack.newId("P"), user, "1", PayoutKind.VESTING_CLAIM);

        List<JsonNode> items = allPages(Map.of("from", from.toString(), "to", to.toString(), "kind", "VESTING_CLAIM", "limit", "3"),
                new ArrayList<>());

        assertThat(ids(items)).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void list_showsABrokenSeal() {
        String user = PayoutsStack.newId("u");
        Payout payout = world.requested(PayoutsStack.newId("P"), user, "4");
        world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.PAYOUTS.localName())
                .key(Map.of("payoutId", AttributeValue.fromS(payout.payoutId())))
                .updateExpression("SET address = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS(PayoutsStack.OTHER_EVM_ADDRESS))));

        JsonNode item = ok(api.list(Map.of("user", user)), 200).path("items").get(0);

        assertThat(item.path("destination").path("address").asText()).isEqualTo(PayoutsStack.OTHER_EVM_ADDRESS);
        assertThat(item.path("sealIntact").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "status, NOPE", "status, failed", "status, ''", "kind, GIFT", "kind, refund", "user, ''", "user, 'a b'",
        "stuck, yes", "stuck, TRUE", "from, yesterday", "from, 2031-05-04", "to, 2031-13-01T00:00:00Z", "limit, 0", "limit, 101",
        "limit, ten", "cursor, not-a-cursor", "cursor, ''", "page, 2"
    })
    void list_whenAParameterIsBad_answers400NamingIt(String name, String value) {
        assertProblem(api.list(Map.of(name, value)), 400, "validation", name);
    }

    @Test
    void list_whenFromIsAfterTo_namesFrom() {
        assertProblem(api.list(Map.of("from", "2031-05-05T00:00:00Z", "to", "2031-05-04T00:00:00Z")), 400, "validation", "from");
    }

    @Test
    void list_refusesACursorOfAnotherListing_orOneOutsideItsRange() {
        String user = PayoutsStack.newId("u");
        world.requested(PayoutsStack.newId("P"), user, "1");
        world.requested(PayoutsStack.newId("P"), user, "1");
        String cursor = ok(api.list(Map.of("user", user, "limit", "1")), 200).path("nextCursor").asText();
        assertThat(cursor).isNotBlank();

        assertThat(ok(api.list(Map.of("user", user, "limit", "1", "cursor", cursor)), 200).path("items").size()).isEqualTo(1);
        assertProblem(api.list(Map.of("user", PayoutsStack.newId("u"), "cursor", cursor)), 400, "validation", "cursor");
        assertProblem(api.list(Map.of("user", user, "kind", "REFUND", "cursor", cursor)), 400, "validation", "cursor");
        assertProblem(api.list(Map.of("cursor", cursor)), 400, "validation", "cursor");

        Instant from = Instant.parse("2031-05-04T10:00:00Z");
        var listing = new PayoutCursor.Listing(new PayoutQueries.Selection(Optional.of(user), Optional.empty(), Optional.of(from),
                Optional.empty()), Optional.empty(), Optional.empty());
        String outside = PayoutCursor.encode(listing, new PayoutQueries.Position("P-1", Optional.of(from.minusSeconds(1))));
        assertProblem(api.list(Map.of("user", user, "from", from.toString(), "cursor", outside)), 400, "validation", "cursor");
    }

    @Test
    void list_isForOpsFinanceSuperAdminAndSupport() {
        assertProblem(api.call(HttpEvents.route(ListPayoutsAction.ROUTE).build()), 401, "unauthorized", null);
        Map<String, String> mine = Map.of("user", PayoutsStack.newId("u"));
        assertProblem(api.list(mine, "rev-rita", Role.REVIEWER), 403, "forbidden", null);
        assertProblem(api.list(mine, "platform", Role.SERVICE), 403, "forbidden", null);
        for (Role role : List.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN, Role.SUPPORT)) {
            assertThat(api.list(mine, "staff-" + role.claimValue(), role).getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void sampleEvent_listStuck_answersAPage() {
        // the handler Lambda builds, from this function's settings
        APIGatewayV2HTTPResponse response = new PayoutAdminHandler().handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/payout-admin/list-stuck.json"), LocalLambdaContext.of("payout-admin", 1024, 30));

        JsonNode body = ok(response, 200);
        assertThat(body.path("items").isArray()).isTrue();
        assertThat(body.path("items")).allSatisfy(item -> assertThat(item.path("stuck").asBoolean()).isTrue());
    }
}
