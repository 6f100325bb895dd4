package com.warroom.audit.api;

import static com.warroom.audit.api.AuditApi.assertProblem;
import static com.warroom.audit.api.AuditApi.json;
import static com.warroom.audit.api.AuditApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.audit.AuditQuery;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.topology.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /v1/admin/audit}. Other classes of this JVM append to the same chain, so every expectation
 * is about the entries this class wrote (unique targets and actors), or is taken from the chain's head
 * when the test starts (test classes run one at a time).
 */
@ExtendWith(EmbeddedStackExtension.class)
class ListAuditRouteTest {

    private static AuditApi api;
    private static String targetA;
    private static String targetB;
    private static String alice;
    private static String bob;
    /** What this class wrote, oldest first. */
    private static final List<AuditEntry> WRITTEN = new ArrayList<>();

    @BeforeAll
    static void writeEntries(EmbeddedStack stack) {
        api = new AuditApi(stack);
        String run = UUID.randomUUID().toString().substring(0, 8);
        targetA = "flag:contribute@round:LA-" + run;
        targetB = "flag:refund@round:LB-" + run;
        alice = "alice-" + run;
        bob = "bob-" + run;
        String[][] plan = {{alice, targetA}, {bob, targetA}, {alice, targetB}, {alice, targetA}, {bob, targetB},
            {bob, targetA}, {alice, targetA}};
        for (int i = 0; i < plan.length; i++) {
            WRITTEN.add(api.append(plan[i][0], "flag.set", plan[i][1], "{\"enabled\":false,\"step\":" + i + "}"));
        }
    }

    private static List<String> writtenIdsNewestFirst(Predicate<AuditEntry> which) {
        return WRITTEN.reversed().stream().filter(which).map(AuditEntry::id).toList();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("entries").findValuesAsText("id");
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> seqs = new ArrayList<>();
        page.path("entries").forEach(e -> seqs.add(e.path("seq").asLong()));
        return seqs;
    }

    @Test
    void list_byTarget_answersOnlyThatTargetNewestFirst() {
        JsonNode page = ok(api.list(Map.of("target", targetA)));

        assertThat(ids(page)).containsExactlyElementsOf(writtenIdsNewestFirst(e -> e.target().equals(targetA))).hasSize(5);
        assertThat(page.path("entries").findValuesAsText("target")).containsOnly(targetA);
        assertThat(seqs(page)).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        assertThat(page.path("next").isNull()).as("one page holds them all").isTrue();
    }

    @Test
    void list_byActor_answersOnlyThatActorNewestFirst() {
        JsonNode page = ok(api.list(Map.of("actor", bob)));

        assertThat(ids(page)).containsExactlyElementsOf(writtenIdsNewestFirst(e -> e.actorSub().equals(bob))).hasSize(3);
        assertThat(page.path("entries").findPath("actor").findValuesAsText("sub")).containsOnly(bob);
        assertThat(page.path("next").isNull()).isTrue();
    }

    @Test
    void list_byTargetAndActor_answersEntriesMatchingBoth() {
        JsonNode page = ok(api.list(Map.of("target", targetA, "actor", alice)));

        assertThat(ids(page)).containsExactlyElementsOf(
                writtenIdsNewestFirst(e -> e.target().equals(targetA) && e.actorSub().equals(alice))).hasSize(3);
    }

    @Test
    void list_byTargetAndActorWithLimit_pagesOverTheMatchesOnly() {
        // the actor filter is applied after the target index is read: a page must still be full of matches
        JsonNode first = ok(api.list(Map.of("target", targetA, "actor", bob, "limit", "1")));
        JsonNode second = ok(api.list(Map.of("target", targetA, "actor", bob, "limit", "1", "before", first.path("next").asText())));

        List<String> expected = writtenIdsNewestFirst(e -> e.target().equals(targetA) && e.actorSub().equals(bob));
        assertThat(ids(first)).containsExactly(expected.get(0));
        assertThat(ids(second)).containsExactly(expected.get(1));
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void list_whenNothingMatches_answersAnEmptyPageWithoutNext() {
        JsonNode page = ok(api.list(Map.of("target", "flag:contribute@round:nobody-" + UUID.randomUUID())));

        assertThat(page.path("entries").isArray()).isTrue();
        assertThat(page.path("entries")).isEmpty();
        assertThat(page.path("next").isNull()).isTrue();
    }

    @Test
    void list_withoutFilter_answersTheWholeChainNewestFirstFromTheHead() {
        long head = api.log.head().orElseThrow().seq();

        JsonNode page = ok(api.list(Map.of("limit", "5")));

        assertThat(seqs(page)).containsExactly(head, head - 1, head - 2, head - 3, head - 4);
        assertThat(page.path("next").asLong()).isEqualTo(head - 4);
    }

    @Test
    void list_withoutLimit_answersFiftyEntries() {
        String target = "flag:payout@round:LD-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            written.add(api.append(alice, "flag.set", target, "{\"i\":" + i + "}").id());
        }

        JsonNode first = ok(api.list(Map.of("target", target)));
        JsonNode rest = ok(api.list(Map.of("target", target, "before", first.path("next").asText())));

        assertThat(ids(first)).containsExactlyElementsOf(written.reversed().subList(0, 50));
        assertThat(ids(rest)).containsExactly(written.get(0));
        assertThat(rest.path("next").isNull()).isTrue();
    }

    @Test
    void list_atTheLimitBounds_isAccepted() {
        assertThat(ids(ok(api.list(Map.of("target", targetA, "limit", "1"))))).hasSize(1);
        assertThat(ids(ok(api.list(Map.of("target", targetA, "limit", "200"))))).hasSize(5);
        assertThat(ids(ok(api.list(Map.of("target", targetA, "before", "1"))))).isEmpty();
        assertThat(ids(ok(api.list(Map.of("target", targetA, "before", Long.toString(Long.MAX_VALUE)))))).hasSize(5);
    }

    @Test
    void list_before_answersOnlyOlderEntries() {
        long middle = WRITTEN.get(3).seq();

        JsonNode page = ok(api.list(Map.of("target", targetA, "before", Long.toString(middle))));

        assertThat(seqs(page)).isNotEmpty().allMatch(seq -> seq < middle);
        assertThat(ids(page)).containsExactlyElementsOf(
                writtenIdsNewestFirst(e -> e.target().equals(targetA) && e.seq() < middle));
    }

    /** Which filter a paging walk uses. */
    enum Filter {
        TARGET, ACTOR, TARGET_AND_ACTOR
    }

    static Stream<Arguments> pagings() {
        return Stream.of(Filter.values()).flatMap(f -> Stream.of(1, 2, 3, 5).map(limit -> Arguments.of(f, limit)));
    }

    @ParameterizedTest(name = "{0}, limit {1}")
    @MethodSource("pagings")
    void list_pagedWithNextAsBefore_coversEveryMatchExactlyOnce(Filter filter, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        Predicate<AuditEntry> matches = switch (filter) {
            case TARGET -> {
                query.put("target", targetA);
                yield e -> e.target().equals(targetA);
            }
            case ACTOR -> {
                query.put("actor", alice);
                yield e -> e.actorSub().equals(alice);
            }
            case TARGET_AND_ACTOR -> {
                query.put("target", targetA);
                query.put("actor", alice);
                yield e -> e.target().equals(targetA) && e.actorSub().equals(alice);
            }
        };
        query.put("limit", Integer.toString(limit));

        List<String> seen = walkAllPages(query, limit);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(writtenIdsNewestFirst(matches));
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {7, 200})
    void list_pagedWithoutFilter_coversTheWholeChainExactlyOnce(int limit) {
        long head = api.log.head().orElseThrow().seq();
        Map<String, String> query = new LinkedHashMap<>(Map.of("limit", Integer.toString(limit)));

        List<Long> seen = new ArrayList<>();
        String before = null;
        for (int calls = 0; calls <= head / limit + 1; calls++) {
            if (before != null) {
                query.put("before", before);
            }
            JsonNode page = ok(api.list(query));
            seen.addAll(seqs(page));
            assertThat(seqs(page)).hasSizeLessThanOrEqualTo(limit);
            if (page.path("next").isNull()) {
                break;
            }
            assertThat(page.path("next").asLong()).isEqualTo(seqs(page).getLast());
            before = page.path("next").asText();
        }

        assertThat(seen).containsExactlyElementsOf(LongStream.iterate(head, s -> s >= 1, s -> s - 1).boxed().toList());
    }

    private static List<String> walkAllPages(Map<String, String> firstQuery, int limit) {
        Map<String, String> query = new LinkedHashMap<>(firstQuery);
        List<String> seen = new ArrayList<>();
        for (int calls = 0; calls < 20; calls++) {
            JsonNode page = ok(api.list(query));
            assertThat(ids(page)).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(ids(page));
            if (page.path("next").isNull()) {
                assertThat(ids(page)).as("a page reached through next is never empty").isNotEmpty();
                return seen;
            }
            assertThat(ids(page)).hasSize(limit);
            assertThat(page.path("next").asLong()).isEqualTo(seqs(page).getLast());
            query.put("before", page.path("next").asText());
        }
        throw new AssertionError("paging did not end: " + seen);
    }

    @Test
    void list_entry_carriesWhoWhatWhenWhyWhereAndItsChainLinks() throws Exception {
        AuditEntry written = WRITTEN.get(3);
        JsonNode page = ok(api.list(Map.of("target", targetA, "actor", alice, "limit", "2")));
        JsonNode node = page.path("entries").get(1);

        assertThat(node.path("id").asText()).isEqualTo(written.id());
        assertThat(node.path("seq").asLong()).isEqualTo(written.seq());
        assertThat(Instant.parse(node.path("time").asText())).isEqualTo(Instant.parse(written.at()));
        assertThat(node.path("actor").path("sub").asText()).isEqualTo(alice);
        assertThat(node.path("actor").path("email").asText()).isEqualTo(alice + "@ops.example");
        assertThat(Json.mapper().convertValue(node.path("actor").path("roles"), String[].class)).containsExactly("ops", "super_admin");
        assertThat(node.path("action").asText()).isEqualTo("flag.set");
        assertThat(node.path("target").asText()).isEqualTo(targetA);
        assertThat(node.has("before")).isTrue();
        assertThat(node.path("before").isNull()).isTrue();
        assertThat(node.path("after").path("step").asInt()).as("the state as JSON, not as text").isEqualTo(3);
        assertThat(node.path("reason").asText()).isEqualTo("Test entry written by " + alice);
        assertThat(node.path("requestId").asText()).isEqualTo(written.requestId()).startsWith("req-");
        assertThat(node.path("sourceIp").asText()).isEqualTo("203.0.113.9");
        assertThat(node.path("prevHash").asText()).hasSize(64)
                .isEqualTo(api.trail.newest(new AuditQuery(Optional.empty(), Optional.empty(), 1, Optional.of(written.seq())))
                        .getFirst().hash());
        assertThat(node.path("hash").asText()).isEqualTo(written.hash()).isEqualTo(AuditHasher.hash(written));
    }

    @Test
    void list_answer_isJsonWithTheRequestId() {
        var event = HttpEvents.route(ListAuditAction.ROUTE).caller(AuditApi.READER, Role.OPS).query("target", targetB).build();

        var response = api.call(event);

        assertThat(ok(response).path("entries")).hasSize(2);
        assertThat(response.getHeaders()).containsEntry("X-Request-Id", event.getRequestContext().getRequestId());
    }

    static Stream<Arguments> badQueries() {
        String longText = "x".repeat(257);
        return Stream.of(
                Arguments.of("limit not a number", Map.of("limit", "ten"), "limit"),
                Arguments.of("limit empty", Map.of("limit", ""), "limit"),
                Arguments.of("limit zero", Map.of("limit", "0"), "limit"),
                Arguments.of("limit negative", Map.of("limit", "-5"), "limit"),
                Arguments.of("limit above the maximum", Map.of("limit", "201"), "limit"),
                Arguments.of("limit far above the maximum", Map.of("limit", "99999999999999999999"), "limit"),
                Arguments.of("limit fractional", Map.of("limit", "2.5"), "limit"),
                Arguments.of("limit in exponent form", Map.of("limit", "1e2"), "limit"),
                Arguments.of("limit in hex", Map.of("limit", "0x10"), "limit"),
                Arguments.of("limit with a space", Map.of("limit", " 5"), "limit"),
                Arguments.of("before not a number", Map.of("before", "yesterday"), "before"),
                Arguments.of("before empty", Map.of("before", ""), "before"),
                Arguments.of("before zero", Map.of("before", "0"), "before"),
                Arguments.of("before negative", Map.of("before", "-3"), "before"),
                Arguments.of("before fractional", Map.of("before", "12.0"), "before"),
                Arguments.of("before overflowing a long", Map.of("before", "9223372036854775808"), "before"),
                Arguments.of("before as a timestamp", Map.of("before", "2026-11-23T09:30:00Z"), "before"),
                Arguments.of("target empty", Map.of("target", ""), "target"),
                Arguments.of("target with a space", Map.of("target", "flag:contribute round"), "target"),
                Arguments.of("target too long", Map.of("target", longText), "target"),
                Arguments.of("target with a control character", Map.of("target", "flag:\u0000"), "target"),
                Arguments.of("target not ASCII", Map.of("target", "flag:caf\u00e9"), "target"),
                Arguments.of("actor empty", Map.of("actor", ""), "actor"),
                Arguments.of("actor with a space", Map.of("actor", "alice smith"), "actor"),
                Arguments.of("actor too long", Map.of("actor", longText), "actor"),
                Arguments.of("unknown parameter", Map.of("page", "2"), "page"),
                Arguments.of("parameter in the wrong case", Map.of("Limit", "5"), "Limit"),
                Arguments.of("unknown parameter beside good ones", Map.of("target", "flag:x", "sort", "asc"), "sort"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void list_whenQueryIsBad_answers400NamingTheField(String name, Map<String, String> query, String field) {
        int before = api.auditItemCount();

        assertProblem(api.list(query), 400, field);

        assertThat(api.auditItemCount()).isEqualTo(before);
    }

    @Test
    void list_whenSeveralParametersAreBad_namesEveryOne() {
        var response = api.list(Map.of("limit", "0", "before", "x", "target", "", "extra", "1"));

        assertProblem(response, 400, null);
        assertThat(json(response).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("limit", "before", "target", "extra");
    }

    /** API Gateway (payload 2.0) joins the values of a repeated parameter with a comma. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"limit", "before", "target", "actor"})
    void list_whenParameterIsRepeated_answers400NamingIt(String name) {
        APIGatewayV2HTTPEvent event = HttpEvents.route(ListAuditAction.ROUTE).caller(AuditApi.READER, Role.FINANCE).build();
        String first = name.equals("limit") || name.equals("before") ? "5" : targetA;
        String second = name.equals("limit") || name.equals("before") ? "6" : targetB;
        event.setRawQueryString(name + "=" + first + "&" + name + "=" + second);
        event.setQueryStringParameters(Map.of(name, first + "," + second));

        assertProblem(api.call(event), 400, name);
    }

    @Test
    void list_withoutToken_answers401() {
        var response = api.call(HttpEvents.route(ListAuditAction.ROUTE).query("target", targetA).build());

        assertProblem(response, 401, null);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPPORT", "SERVICE", "REVIEWER"})
    void list_whenRoleMayNotReadTheAudit_answers403(Role role) {
        int before = api.auditItemCount();

        var response = api.call(HttpEvents.route(ListAuditAction.ROUTE).caller("mallory", role).query("target", targetA).build());

        assertProblem(response, 403, null);
        assertThat(api.auditItemCount()).isEqualTo(before);
    }

    @Test
    void list_whenCallerHasNoRoleAtAll_answers403() {
        assertProblem(api.call(HttpEvents.route(ListAuditAction.ROUTE).caller("nobody").build()), 403, null);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPER_ADMIN", "OPS", "FINANCE"})
    void list_whenRoleMayReadTheAudit_answers200(Role role) {
        var response = api.call(HttpEvents.route(ListAuditAction.ROUTE).caller("reader", role).query("target", targetB).build());

        assertThat(ids(ok(response))).containsExactlyElementsOf(writtenIdsNewestFirst(e -> e.target().equals(targetB)));
    }
}
