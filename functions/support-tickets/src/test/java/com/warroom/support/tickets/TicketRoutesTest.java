package com.warroom.support.tickets;

import static com.warroom.support.tickets.TicketWorld.assertProblem;
import static com.warroom.support.tickets.TicketWorld.event;
import static com.warroom.support.tickets.TicketWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every ticket route's bad inputs, roles and missing token: the problem naming the field, and nothing written. */
@ExtendWith(EmbeddedStackExtension.class)
class TicketRoutesTest {

    private static final String FILE = "POST /v1/support/tickets";
    private static TicketWorld world;
    private static String incident;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new TicketWorld(stack);
        incident = world.incident();
    }

    private static APIGatewayV2HTTPResponse fileAs(String body, String sub, Role... roles) {
        return world.call(event(FILE, null, body, Map.of(), sub, roles));
    }

    @Test
    void file_byThePlatform_storesAnOpenMediumTicketWithItsCreationInTheHistory() {
        String user = TicketWorld.newUser();
        JsonNode ticket = ok(fileAs(Json.write(Map.of("userId", user, "type", "BUG", "title", "Cannot claim referral",
                "body", "The claim button spins forever", "contact", Map.of("email", "a@example.com", "phone", "+6281234567890"))),
                TicketWorld.PLATFORM, Role.SERVICE), 201);

        assertThat(ticket.path("ticketId").asText()).matches("tkt-[0-9a-f]{32}");
        assertThat(ticket.path("status").asText()).isEqualTo("OPEN");
        assertThat(ticket.path("priority").asText()).isEqualTo("MEDIUM");
        assertThat(ticket.path("userId").asText()).isEqualTo(user);
        assertThat(ticket.path("contact").path("phone").asText()).isEqualTo("+6281234567890");
        assertThat(ticket.path("createdAt").asText()).isEqualTo(world.clock.instant().toString());
        JsonNode got = ok(world.staff("GET /v1/support/tickets/{id}", ticket.path("ticketId").asText(), null), 200);
        assertThat(got.path("title").asText()).isEqualTo("Cannot claim referral");
        assertThat(got.path("history").findValuesAsText("kind")).containsExactly("CREATED");
        // the platform's filing is not a staff change: no audit entry
        assertThat(world.audited(ticket.path("ticketId").asText())).isEmpty();
    }

    @Test
    void contact_isMaskedForSupport_asInTheLookup_andWholeForOpsAndSuperAdmin() {
        String id = ok(fileAs(Json.write(Map.of("userId", TicketWorld.newUser(), "type", "BUG", "title", "Masked", "body", "x",
                "contact", Map.of("email", "rina@example.com", "phone", "+6281234567890"))), TicketWorld.PLATFORM, Role.SERVICE), 201)
                .path("ticketId").asText();

        JsonNode bySupport = ok(world.staff("GET /v1/support/tickets/{id}", id, null), 200).path("contact");
        assertThat(bySupport.path("email").asText()).isEqualTo("…na@example.com");
        assertThat(bySupport.path("phone").asText()).isEqualTo("…7890");
        JsonNode listed = ok(world.list(Map.of("userId", ok(world.staff("GET /v1/support/tickets/{id}", id, null), 200)
                .path("userId").asText())), 200).path("items").get(0).path("contact");
        assertThat(listed.path("email").asText()).isEqualTo("…na@example.com");
        assertThat(ok(world.staff("POST /v1/support/tickets/{id}/follow-up", id, "{\"followedUp\":true}"), 200)
                .path("contact").path("email").asText()).isEqualTo("…na@example.com");
        for (Role role : List.of(Role.OPS, Role.SUPER_ADMIN)) {
            JsonNode whole = ok(world.call(event("GET /v1/support/tickets/{id}", id, null, Map.of(), "lead", role)), 200).path("contact");
            assertThat(whole.path("email").asText()).isEqualTo("rina@example.com");
            assertThat(whole.path("phone").asText()).isEqualTo("+6281234567890");
        }
    }

    @Test
    void file_bySupport_isAudited() {
        JsonNode ticket = ok(fileAs(Json.write(Map.of("userId", TicketWorld.newUser(), "type", "QUESTION", "title", "Where is my refund",
                "body", "wrote in by email")), "support-sue", Role.SUPPORT), 201);

        assertThat(ticket.path("filedBy").asText()).isEqualTo("support-sue");
        assertThat(world.audited(ticket.path("ticketId").asText())).singleElement()
                .satisfies(entry -> assertThat(entry.get("action").s()).isEqualTo("support.ticket.create"));
    }

    static Stream<Arguments> badFilings() {
        String user = "u-bad-filing";
        return Stream.of(
                Arguments.of("{", "malformed-json", null),
                Arguments.of("[]", "malformed-json", null),
                Arguments.of("", "malformed-json", null),
                Arguments.of("{\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\"}", "validation", "userId"),
                Arguments.of("{\"userId\":\"" + user + "\",\"title\":\"abc\",\"body\":\"x\"}", "validation", "type"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"body\":\"x\"}", "validation", "title"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"abc\"}", "validation", "body"),
                Arguments.of("{\"userId\":7,\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\"}", "validation", "userId"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":[\"BUG\"],\"title\":\"abc\",\"body\":\"x\"}", "validation", "type"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"FEATURE\",\"title\":\"abc\",\"body\":\"x\"}", "validation", "type"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"bug\",\"title\":\"abc\",\"body\":\"x\"}", "validation", "type"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":true,\"body\":\"x\"}", "validation", "title"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"ab\",\"body\":\"x\"}", "validation", "title"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"" + "t".repeat(201) + "\",\"body\":\"x\"}", "validation", "title"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"" + "b".repeat(5001) + "\"}", "validation", "body"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"   \"}", "validation", "body"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"a\\u0000bc\",\"body\":\"x\"}", "validation", "title"),
                Arguments.of("{\"userId\":\"u 1\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\"}", "validation", "userId"),
                Arguments.of("{\"userId\":\"" + "u".repeat(101) + "\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\"}", "validation", "userId"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\",\"priority\":\"HIGH\"}", "validation", "priority"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\",\"contact\":\"a@b.co\"}", "validation", "contact"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\",\"contact\":{}}", "validation", "contact"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\",\"contact\":{\"email\":\"nope\"}}", "validation", "contact.email"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\",\"contact\":{\"phone\":\"0812\"}}", "validation", "contact.phone"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\",\"contact\":{\"phone\":6281234567}}", "validation", "contact.phone"),
                Arguments.of("{\"userId\":\"" + user + "\",\"type\":\"BUG\",\"title\":\"abc\",\"body\":\"x\",\"contact\":{\"fax\":\"1\"}}", "validation", "contact.fax"));
    }

    @ParameterizedTest
    @MethodSource("badFilings")
    void file_withABadBody_isRefusedNamingTheField_andNothingIsFiled(String body, String type, String field) {
        APIGatewayV2HTTPResponse response = fileAs(body, TicketWorld.PLATFORM, Role.SERVICE);

        assertProblem(response, 400, type, field);
        assertThat(filedFor("u-bad-filing")).isEmpty();
    }

    @Test
    void file_withATooLargeBody_is413() {
        assertProblem(fileAs("{\"userId\":\"u-bad-filing\",\"body\":\"" + "x".repeat(1024 * 1024 + 1) + "\"}", TicketWorld.PLATFORM,
                Role.SERVICE), 413, "payload-too-large", null);
        assertThat(filedFor("u-bad-filing")).isEmpty();
    }

    @Test
    void file_byOtherRolesOrWithoutToken_isRefused() {
        String body = Json.write(Map.of("userId", "u-bad-filing", "type", "BUG", "title", "abc", "body", "x"));
        assertProblem(fileAs(body, null), 401, "unauthorized", null);
        for (Role role : List.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN, Role.REVIEWER)) {
            assertProblem(fileAs(body, "someone", role), 403, "forbidden", null);
        }
        assertThat(filedFor("u-bad-filing")).isEmpty();
    }

    /** Every staff write route with a valid body, the field it requires, and bad values for it. */
    static Stream<Arguments> staffWrites() {
        return Stream.of(
                Arguments.of("POST /v1/support/tickets/{id}/priority", "{\"priority\":\"HIGH\"}", "priority", List.of("\"URGENT\"", "1", "\"high\"")),
                Arguments.of("POST /v1/support/tickets/{id}/assign", "{\"assignee\":\"ops-olga\"}", "assignee", List.of("\"a b\"", "5", "\"" + "a".repeat(129) + "\"")),
                Arguments.of("POST /v1/support/tickets/{id}/comments", "{\"body\":\"hi\",\"visibility\":\"USER\"}", "visibility", List.of("\"PUBLIC\"", "true")),
                Arguments.of("POST /v1/support/tickets/{id}/follow-up", "{\"followedUp\":true}", "followedUp", List.of("\"true\"", "1")),
                Arguments.of("POST /v1/support/tickets/{id}/status", "{\"status\":\"IN_PROGRESS\"}", "status", List.of("\"DONE\"", "2", "\"open\"")),
                Arguments.of("POST /v1/support/tickets/{id}/links", "{\"kind\":\"incident\",\"id\":\"" + incident + "\"}", "kind", List.of("\"ticket\"", "1")));
    }

    @ParameterizedTest
    @MethodSource("staffWrites")
    void staffWrite_withBadInput_isRefusedNamingTheField_andNothingIsWritten(String route, String validBody, String field,
                                                                            List<String> badValues) {
        String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        List<Map<String, AttributeValue>> before = world.stored(id);

        assertProblem(world.staff(route, id, "{"), 400, "malformed-json", null);
        assertProblem(world.staff(route, id, "\"x\""), 400, "malformed-json", null);
        assertProblem(world.staff(route, id, "{}"), 400, "validation", field);
        assertProblem(world.staff(route, id, validBody.replace("{", "{\"extra\":1,")), 400, "validation", "extra");
        for (String bad : badValues) {
            String body = Json.write(Json.read(validBody, Map.class)).replaceFirst("\"" + field + "\":(\"[^\"]*\"|true|false|[0-9]+)",
                    "\"" + field + "\":" + bad.replace("\\", "\\\\").replace("$", "\\$"));
            assertProblem(world.staff(route, id, body), 400, "validation", field);
        }
        assertProblem(world.staff(route, "tkt-nope", validBody), 400, "validation", "id");
        assertProblem(world.staff(route, "tkt-" + "0".repeat(32), validBody), 404, "not-found", null);
        assertProblem(world.call(event(route, id, validBody, Map.of(), null)), 401, "unauthorized", null);
        for (Role role : List.of(Role.SERVICE, Role.FINANCE, Role.REVIEWER)) {
            assertProblem(world.call(event(route, id, validBody, Map.of(), "someone", role)), 403, "forbidden", null);
        }
        assertThat(world.stored(id)).isEqualTo(before);
        assertThat(world.audited(id)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("staffWrites")
    void staffWrite_byEachStaffRole_isAudited_andInTheHistory(String route, String validBody, String field, List<String> badValues) {
        for (Role role : List.of(Role.SUPPORT, Role.OPS, Role.SUPER_ADMIN)) {
            String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);

            JsonNode ticket = ok(world.call(event(route, id, validBody, Map.of(), "staff-" + role.claimValue(), role)), 200);

            assertThat(ticket.path("version").asLong()).isEqualTo(2);
            assertThat(world.audited(id)).singleElement().satisfies(entry -> {
                assertThat(entry.get("actorSub").s()).isEqualTo("staff-" + role.claimValue());
                assertThat(entry.get("action").s()).startsWith("support.ticket.");
            });
            JsonNode got = ok(world.staff("GET /v1/support/tickets/{id}", id, null), 200);
            assertThat(got.path("history")).hasSize(2);
            assertThat(got.path("history").get(1).path("actor").asText()).isEqualTo("staff-" + role.claimValue());
        }
    }

    @Test
    void markRoutes_withBadNotes_areRefused_andNothingIsWritten() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        List<Map<String, AttributeValue>> before = world.stored(id);
        for (String route : List.of("POST /v1/support/tickets/{id}/reproduced", "POST /v1/support/tickets/{id}/fixed")) {
            assertProblem(world.staff(route, id, "{"), 400, "malformed-json", null);
            assertProblem(world.staff(route, id, "{\"note\":5}"), 400, "validation", "note");
            assertProblem(world.staff(route, id, "{\"note\":\"" + "n".repeat(2001) + "\"}"), 400, "validation", "note");
            assertProblem(world.staff(route, id, "{\"reason\":\"x\"}"), 400, "validation", "reason");
            assertProblem(world.call(event(route, id, "{}", Map.of(), "svc", Role.SERVICE)), 403, "forbidden", null);
            assertProblem(world.call(event(route, id, "{}", Map.of(), null)), 401, "unauthorized", null);
        }
        assertProblem(world.staff("POST /v1/support/tickets/{id}/comments", id, "{\"body\":\"" + "c".repeat(5001) + "\",\"visibility\":\"USER\"}"),
                400, "validation", "body");
        assertProblem(world.staff("POST /v1/support/tickets/{id}/comments", id, "{\"body\":\"\",\"visibility\":\"USER\"}"),
                400, "validation", "body");
        assertProblem(world.staff("POST /v1/support/tickets/{id}/status", id, "{\"status\":\"IN_PROGRESS\",\"note\":[1]}"),
                400, "validation", "note");
        assertProblem(world.staff("POST /v1/support/tickets/{id}/links", id, "{\"kind\":\"finding\",\"id\":\"INC-1\"}"), 400, "validation", "id");
        assertProblem(world.staff("POST /v1/support/tickets/{id}/links", id, "{\"kind\":\"incident\",\"id\":\"f-1\"}"), 400, "validation", "id");
        assertProblem(world.staff("POST /v1/support/tickets/{id}/links", id, "{\"kind\":\"incident\"}"), 400, "validation", "id");
        assertProblem(world.staff("POST /v1/support/tickets/{id}/assign", id, "{\"assignee\":\"a\",\"x\":1}"), 400, "validation", "x");
        assertThat(world.stored(id)).isEqualTo(before);
    }

    @Test
    void confirmation_withBadInput_orByStaff_isRefused_andNothingIsWritten() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.QUESTION);
        world.moveTo(id, TicketStatus.RESOLVED);
        List<Map<String, AttributeValue>> before = world.stored(id);
        String route = "POST /v1/support/tickets/{id}/confirmation";
        for (String body : List.of("{\"rating\":0}", "{\"rating\":6}", "{\"rating\":4.5}", "{\"rating\":\"5\"}", "{}", "{\"rating\":null}")) {
            assertProblem(world.call(event(route, id, body, Map.of(), TicketWorld.PLATFORM, Role.SERVICE)), 400, "validation", "rating");
        }
        assertProblem(world.call(event(route, id, "{\"rating\":5,\"comment\":\"" + "c".repeat(1001) + "\"}", Map.of(),
                TicketWorld.PLATFORM, Role.SERVICE)), 400, "validation", "comment");
        assertProblem(world.call(event(route, id, "{", Map.of(), TicketWorld.PLATFORM, Role.SERVICE)), 400, "malformed-json", null);
        for (Role role : List.of(Role.SUPPORT, Role.OPS, Role.SUPER_ADMIN, Role.FINANCE)) {
            assertProblem(world.call(event(route, id, "{\"rating\":5}", Map.of(), "someone", role)), 403, "forbidden", null);
        }
        assertProblem(world.call(event(route, id, "{\"rating\":5}", Map.of(), null)), 401, "unauthorized", null);
        assertThat(world.stored(id)).isEqualTo(before);
    }

    @Test
    void reads_byOtherRolesOrWithoutToken_areRefused() {
        String id = world.fileId(TicketWorld.newUser(), TicketType.BUG);
        for (String route : List.of("GET /v1/support/tickets", "GET /v1/support/tickets/{id}", "GET /v1/support/metrics")) {
            String path = route.contains("{id}") ? id : null;
            assertProblem(world.call(event(route, path, null, Map.of(), null)), 401, "unauthorized", null);
            for (Role role : List.of(Role.SERVICE, Role.FINANCE, Role.REVIEWER)) {
                assertProblem(world.call(event(route, path, null, Map.of(), "someone", role)), 403, "forbidden", null);
            }
            for (Role role : List.of(Role.SUPPORT, Role.OPS, Role.SUPER_ADMIN)) {
                assertThat(world.call(event(route, path, null, Map.of(), "someone", role)).getStatusCode()).isEqualTo(200);
            }
        }
        assertProblem(world.staff("GET /v1/support/tickets/{id}", "nope", null), 400, "validation", "id");
        assertProblem(world.staff("GET /v1/support/tickets/{id}", "tkt-" + "f".repeat(32), null), 404, "not-found", null);
        assertProblem(world.call(event("GET /v1/support/tickets/{id}", id, null, Map.of("x", "1"), "s", Role.SUPPORT)), 400, "validation", "x");
    }

    @Test
    void metrics_withBadParameters_isRefusedNamingThem() {
        String route = "GET /v1/support/metrics";
        assertProblem(world.call(event(route, null, null, Map.of("from", "yesterday"), "s", Role.SUPPORT)), 400, "validation", "from");
        assertProblem(world.call(event(route, null, null, Map.of("to", "2026-13-01T00:00:00Z"), "s", Role.SUPPORT)), 400, "validation", "to");
        assertProblem(world.call(event(route, null, null, Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"), "s",
                Role.SUPPORT)), 400, "validation", "to");
        assertProblem(world.call(event(route, null, null, Map.of("from", "2024-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"), "s",
                Role.SUPPORT)), 400, "validation", "from");
        assertProblem(world.call(event(route, null, null, Map.of("days", "7"), "s", Role.SUPPORT)), 400, "validation", "days");
    }

    @Test
    void file_withAnIdempotencyKey_twice_filesOnce() {
        String user = TicketWorld.newUser();
        String body = Json.write(Map.of("userId", user, "type", "SUGGESTION", "title", "Dark mode", "body", "please"));
        var first = world.call(HttpEvents.withHeader(event(FILE, null, body, Map.of(), TicketWorld.PLATFORM, Role.SERVICE), "Idempotency-Key", user));
        var again = world.call(HttpEvents.withHeader(event(FILE, null, body, Map.of(), TicketWorld.PLATFORM, Role.SERVICE), "Idempotency-Key", user));

        assertThat(ok(again, 201).path("ticketId").asText()).isEqualTo(ok(first, 201).path("ticketId").asText());
        assertThat(filedFor(user)).hasSize(1);
    }

    private static List<Map<String, AttributeValue>> filedFor(String userId) {
        return world.dynamo.query(b -> b.tableName(Topology.TICKETS.localName()).indexName("byUser").keyConditionExpression("userId = :u")
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId)))).items();
    }
}
