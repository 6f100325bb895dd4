package com.warroom.notifications.admin;

import static com.warroom.notifications.admin.OutboxApi.assertProblem;
import static com.warroom.notifications.admin.OutboxApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.notifications.OutboxFixtures;
import com.warroom.outbox.Notification;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.OutboxStatus;
import com.warroom.topology.Role;
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

@ExtendWith(EmbeddedStackExtension.class)
class ListOutboxRouteTest {

    private static OutboxFixtures fixtures;
    private static OutboxApi api;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new OutboxFixtures(stack);
        api = new OutboxApi(new OutboxAdminHandler());
    }

    @Test
    void list_pagesThroughTheFailedItemsNewestFirst_withTheirDeliveryState() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(fixtures.failed(OutboxFixtures.orderId(), "SES failed: throttled " + i));
        }
        String sentId = fixtures.paid(OutboxFixtures.orderId());

        List<JsonNode> seen = new ArrayList<>();
        Map<String, String> query = new HashMap<>(Map.of("limit", "2"));
        int pages = 0;
        while (true) {
            APIGatewayV2HTTPResponse page = api.list(query);
            assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
            json(page).path("items").forEach(seen::add);
            pages++;
            if (!json(page).has("nextCursor")) {
                break;
            }
            query.put("cursor", json(page).path("nextCursor").asText());
        }

        assertThat(pages).isGreaterThanOrEqualTo(2);
        List<String> ids = seen.stream().map(item -> item.path("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(sentId);
        assertThat(ids.stream().filter(mine::contains).toList()).as("newest first").containsExactly(mine.get(2), mine.get(1), mine.get(0));
        assertThat(seen).allSatisfy(item -> assertThat(item.path("status").asText()).isEqualTo("FAILED"));
        JsonNode newest = seen.stream().filter(item -> item.path("id").asText().equals(mine.get(2))).findFirst().orElseThrow();
        assertThat(newest.path("kind").asText()).isEqualTo("payment.success");
        assertThat(newest.path("orderId").asText()).isEqualTo(mine.get(2).substring("payment.success:".length()));
        assertThat(newest.path("channel").asText()).isEqualTo("email");
        assertThat(newest.path("attempts").asInt()).isEqualTo(1);
        assertThat(newest.path("lastError").asText()).isEqualTo("SES failed: throttled 2");
        assertThat(newest.path("createdAt").asText()).isNotBlank();
        assertThat(newest.path("updatedAt").asText()).isNotBlank();
    }

    @Test
    void list_ofAnotherStatus_showsOnlyThatStatus() {
        String pending = fixtures.paid(OutboxFixtures.orderId());

        APIGatewayV2HTTPResponse response = api.list(Map.of("status", "PENDING", "limit", "100"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("items").findValuesAsText("status")).containsOnly(OutboxStatus.PENDING.name());
        assertThat(json(response).path("items").findValuesAsText("id")).contains(pending);
        assertThat(json(response).path("items").findValue("lastError")).as("absent when there is none").isNull();
    }

    @Test
    void list_whenATicketsNotice_namesItsTicketAndNoOrder() {
        String ticket = "T-" + java.util.UUID.randomUUID();
        String id = fixtures.create(new Notification(NotificationKind.EXP_GRANTED, ticket, "u-exp", Optional.empty(), Optional.empty(),
                Map.of("exp", "200")));

        APIGatewayV2HTTPResponse response = api.list(Map.of("status", "PENDING", "limit", "100"));

        JsonNode item = java.util.stream.StreamSupport.stream(json(response).path("items").spliterator(), false)
                .filter(i -> i.path("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(item.path("kind").asText()).isEqualTo("exp.granted");
        assertThat(item.path("ticketId").asText()).isEqualTo(ticket);
        assertThat(item.has("orderId")).isFalse();
        assertThat(item.path("channel").asText()).isEqualTo("none");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "status, NOPE", "status, failed", "status, ''", "limit, 0", "limit, 101", "limit, ten", "limit, -1",
        "cursor, not-a-cursor", "cursor, eyJzdGF0dXMiOiJTRU5UIiwiaWQiOiJ4IiwiY3JlYXRlZEF0IjoiMjAyNi0wMS0wMVQwMDowMDowMFoifQ",
        "page, 2"
    })
    void list_whenAParameterIsBad_answers400NamingIt(String name, String value) {
        assertProblem(api.list(Map.of(name, value)), 400, name);
    }

    @Test
    void list_whenTheStatusIsUnknown_namesTheKnownStatuses() {
        APIGatewayV2HTTPResponse response = api.list(Map.of("status", "LOST"));

        assertProblem(response, 400, "status");
        assertThat(json(response).path("detail").asText())
                .isEqualTo("status: must be one of PENDING, SENDING, SENT, FAILED, SUPPRESSED, UNDELIVERABLE");
    }

    @Test
    void list_whenNoTokenOrAnotherRole_isRefused() {
        assertProblem(api.call(HttpEvents.route(ListOutboxAction.ROUTE).build()), 401, null);
        assertProblem(api.call(HttpEvents.route(ListOutboxAction.ROUTE).caller("fiona", Role.FINANCE).build()), 403, null);
        assertProblem(api.call(HttpEvents.route(ListOutboxAction.ROUTE).caller("sam", Role.SUPPORT).build()), 403, null);
        assertThat(api.call(HttpEvents.route(ListOutboxAction.ROUTE).caller("root", Role.SUPER_ADMIN).build()).getStatusCode()).isEqualTo(200);
    }

    @Test
    void sampleEvent_listFailed_answersTheFailedItems() {
        String failed = fixtures.failed(OutboxFixtures.orderId(), "SES failed: throttled");

        APIGatewayV2HTTPResponse response = api.call(EventLoader.loadApiGatewayHttpEvent("events/outbox-admin/list-failed.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(json(response).path("items").findValuesAsText("id")).contains(failed);
    }
}
