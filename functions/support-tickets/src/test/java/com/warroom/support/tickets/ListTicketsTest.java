package com.warroom.support.tickets;

import static com.warroom.support.tickets.TicketWorld.assertProblem;
import static com.warroom.support.tickets.TicketWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queue: each filter, combinations, both directions of both sorts, cursor paging through every page, and bad
 * parameters, on six tickets filed a minute apart in a window of this class's own.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ListTicketsTest {

    private static TicketWorld world;
    private static final List<String> ids = new ArrayList<>();
    private static final List<Instant> filedAt = new ArrayList<>();
    private static String userA;
    private static String userB;
    private static String userC;
    private static String assigneeX;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new TicketWorld(stack);
        userA = TicketWorld.newUser();
        userB = TicketWorld.newUser();
        userC = TicketWorld.newUser();
        assigneeX = "staff-" + TicketWorld.newUser();
        file(TicketType.BUG, userA, "HIGH", assigneeX, true, TicketStatus.IN_PROGRESS);
        file(TicketType.QUESTION, userB, "LOW", null, false, TicketStatus.OPEN);
        file(TicketType.BUG, userA, "CRITICAL", null, false, TicketStatus.RESOLVED);
        file(TicketType.SUGGESTION, userC, "MEDIUM", assigneeX, false, TicketStatus.OPEN);
        file(TicketType.CRITICISM, userB, "HIGH", null, true, TicketStatus.OPEN);
        file(TicketType.BUG, userC, "LOW", "staff-other-" + userC, false, TicketStatus.OPEN);
    }

    private static void file(TicketType type, String user, String priority, String assignee, boolean followedUp, TicketStatus status) {
        world.clock.advance(Duration.ofMinutes(1));
        filedAt.add(world.clock.instant());
        String id = world.fileId(user, type);
        ids.add(id);
        if (!priority.equals("MEDIUM")) {
            ok(world.staff("POST /v1/support/tickets/{id}/priority", id, "{\"priority\":\"" + priority + "\"}"), 200);
        }
        if (assignee != null) {
            ok(world.staff("POST /v1/support/tickets/{id}/assign", id, "{\"assignee\":\"" + assignee + "\"}"), 200);
        }
        if (followedUp) {
            ok(world.staff("POST /v1/support/tickets/{id}/follow-up", id, "{\"followedUp\":true}"), 200);
        }
        world.moveTo(id, status);
    }

    /** The tickets, by number (1 is the first filed). */
    private static List<String> t(int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(n -> ids.get(n - 1)).toList();
    }

    private static Map<String, String> window(String... pairs) {
        Map<String, String> query = new HashMap<>(Map.of("from", world.start.toString(), "to", world.start.plus(Duration.ofHours(1)).toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], pairs[i + 1]);
        }
        return query;
    }

    private static List<String> listed(Map<String, String> query) {
        JsonNode page = ok(world.list(query), 200);
        assertThat(page.path("nextCursor").isNull()).as("one page holds them all").isTrue();
        return page.path("items").findValuesAsText("ticketId");
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(new String[] {}, new int[] {6, 5, 4, 3, 2, 1}),
                Arguments.of(new String[] {"sort", "createdAt"}, new int[] {1, 2, 3, 4, 5, 6}),
                Arguments.of(new String[] {"sort", "-createdAt"}, new int[] {6, 5, 4, 3, 2, 1}),
                Arguments.of(new String[] {"status", "IN_PROGRESS"}, new int[] {1}),
                Arguments.of(new String[] {"status", "OPEN"}, new int[] {6, 5, 4, 2}),
                Arguments.of(new String[] {"status", "CLOSED"}, new int[] {}),
                Arguments.of(new String[] {"type", "BUG"}, new int[] {6, 3, 1}),
                Arguments.of(new String[] {"type", "BUG", "sort", "createdAt"}, new int[] {1, 3, 6}),
                Arguments.of(new String[] {"priority", "HIGH"}, new int[] {5, 1}),
                Arguments.of(new String[] {"followedUp", "true"}, new int[] {5, 1}),
                Arguments.of(new String[] {"followedUp", "false"}, new int[] {6, 4, 3, 2}),
                Arguments.of(new String[] {"type", "BUG", "status", "OPEN"}, new int[] {6}),
                Arguments.of(new String[] {"status", "OPEN", "followedUp", "true"}, new int[] {5}),
                Arguments.of(new String[] {"priority", "LOW", "type", "QUESTION"}, new int[] {2}),
                Arguments.of(new String[] {"sort", "priority"}, new int[] {3, 5, 1, 4, 6, 2}),
                Arguments.of(new String[] {"sort", "-priority"}, new int[] {6, 2, 4, 5, 1, 3}),
                Arguments.of(new String[] {"sort", "priority", "type", "BUG"}, new int[] {3, 1, 6}),
                Arguments.of(new String[] {"sort", "-priority", "priority", "HIGH"}, new int[] {5, 1}),
                Arguments.of(new String[] {"sort", "priority", "followedUp", "true", "status", "OPEN"}, new int[] {5}));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void list_withFiltersAndSort_answersExactlyTheMatchingTicketsInOrder(String[] pairs, int[] expected) {
        assertThat(listed(window(pairs))).containsExactlyElementsOf(t(expected));
    }

    @Test
    void list_byUserOrAssignee_combinedWithOtherFilters() {
        assertThat(listed(window("userId", userA))).containsExactlyElementsOf(t(3, 1));
        assertThat(listed(window("userId", userB, "sort", "createdAt"))).containsExactlyElementsOf(t(2, 5));
        assertThat(listed(window("userId", userC, "priority", "LOW"))).containsExactlyElementsOf(t(6));
        assertThat(listed(window("assignee", assigneeX))).containsExactlyElementsOf(t(4, 1));
        assertThat(listed(window("assignee", assigneeX, "type", "BUG"))).containsExactlyElementsOf(t(1));
        assertThat(listed(window("assignee", assigneeX, "userId", userC))).containsExactlyElementsOf(t(4));
        assertThat(listed(window("userId", userA, "sort", "priority"))).containsExactlyElementsOf(t(3, 1));
    }

    @Test
    void list_fromAndTo_boundTheCreationTime_toExclusive() {
        Map<String, String> query = Map.of("from", filedAt.get(1).toString(), "to", filedAt.get(4).toString());
        assertThat(listed(query)).containsExactlyElementsOf(t(4, 3, 2));
        assertThat(listed(Map.of("from", filedAt.get(1).toString(), "to", filedAt.get(4).toString(), "sort", "priority")))
                .containsExactlyElementsOf(t(3, 4, 2));
    }

    static Stream<Arguments> pagings() {
        return Stream.of(
                Arguments.of(new String[] {"sort", "-createdAt"}, 2),
                Arguments.of(new String[] {"sort", "createdAt"}, 4),
                Arguments.of(new String[] {"sort", "priority"}, 1),
                Arguments.of(new String[] {"sort", "-priority"}, 2),
                Arguments.of(new String[] {"type", "BUG"}, 1),
                Arguments.of(new String[] {"followedUp", "false", "sort", "priority"}, 1));
    }

    @ParameterizedTest
    @MethodSource("pagings")
    void list_pagedByCursor_readsEveryTicketOnceInTheSameOrder(String[] pairs, int limit) {
        List<String> all = listed(window(pairs));
        List<String> paged = new ArrayList<>();
        Map<String, String> query = window(pairs);
        query.put("limit", Integer.toString(limit));
        for (int pages = 0; pages < 20; pages++) {
            JsonNode page = ok(world.list(query), 200);
            assertThat(page.path("items").size()).isLessThanOrEqualTo(limit);
            paged.addAll(page.path("items").findValuesAsText("ticketId"));
            if (page.path("nextCursor").isNull()) {
                break;
            }
            query.put("cursor", page.path("nextCursor").asText());
        }
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void list_withACursorOfAnotherListingOrNotMadeHere_isRefused() {
        Map<String, String> query = window("limit", "1");
        String cursor = ok(world.list(query), 200).path("nextCursor").asText();

        assertProblem(world.list(window("limit", "1", "type", "BUG", "cursor", cursor)), 400, "validation", "cursor");
        assertProblem(world.list(window("limit", "1", "sort", "createdAt", "cursor", cursor)), 400, "validation", "cursor");
        assertProblem(world.list(window("cursor", "bm90IGEgY3Vyc29y")), 400, "validation", "cursor");
        assertProblem(world.list(window("cursor", "%%%")), 400, "validation", "cursor");
        assertProblem(world.list(window("cursor", "x".repeat(2000))), 400, "validation", "cursor");
        assertThat(ok(world.list(window("limit", "1", "cursor", cursor)), 200).path("items").findValuesAsText("ticketId"))
                .containsExactlyElementsOf(t(5));
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("status", "DONE"), Arguments.of("status", "open"), Arguments.of("type", "FEATURE"),
                Arguments.of("priority", "URGENT"), Arguments.of("followedUp", "yes"), Arguments.of("limit", "0"),
                Arguments.of("limit", "101"), Arguments.of("limit", "ten"), Arguments.of("sort", "newest"),
                Arguments.of("sort", "+priority"), Arguments.of("from", "2026-12-01"), Arguments.of("to", "tomorrow"),
                Arguments.of("userId", "a b"), Arguments.of("assignee", "x".repeat(129)), Arguments.of("page", "2"));
    }

    @ParameterizedTest
    @MethodSource("badParameters")
    void list_withABadParameter_isRefusedNamingIt(String name, String value) {
        assertProblem(world.list(Map.of(name, value)), 400, "validation", name);
    }

    @Test
    void list_withFromNotBeforeTo_isRefused() {
        assertProblem(world.list(Map.of("from", world.start.toString(), "to", world.start.toString())), 400, "validation", "to");
    }
}
