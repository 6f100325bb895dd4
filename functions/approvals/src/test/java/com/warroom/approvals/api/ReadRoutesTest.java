package com.warroom.approvals.api;

import static com.warroom.approvals.ApprovalFixtures.newRound;
import static com.warroom.approvals.ApprovalFixtures.person;
import static com.warroom.approvals.ApprovalFixtures.stdoutOf;
import static com.warroom.approvals.api.ApprovalsApi.assertProblem;
import static com.warroom.approvals.api.ApprovalsApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.workflow.WorkflowSteps;
import com.warroom.flags.Flag;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GET /v1/admin/approvals} and {@code GET /v1/admin/approvals/{id}}. */
@ExtendWith(EmbeddedStackExtension.class)
class ReadRoutesTest {

    private static ApprovalFixtures fixtures;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ApprovalFixtures(stack);
    }

    @Test
    void get_showsTheRequestAndWhoMayDecideIt_butNeverTheTaskToken() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-27T08:00:00Z"));
        ApprovalsApi api = new ApprovalsApi(fixtures.services(clock));
        ApprovalRequest request = fixtures.requestEnable(Flag.REFUND, newRound(), person("ops-alice", Role.OPS), clock);
        String token = new WorkflowSteps(fixtures.services(clock), fixtures.resources(clock)).startAndWait(request.id());

        for (Role reader : List.of(Role.SUPER_ADMIN, Role.OPS, Role.FINANCE)) {
            var response = api.get(request.id(), "reader", reader);
            assertThat(response.getBody()).doesNotContain(token);
            JsonNode view = ok(response);
            assertThat(view.path("id").asText()).isEqualTo(request.id());
            assertThat(view.path("action").asText()).isEqualTo("ENABLE_FUND_FLAG");
            assertThat(view.path("status").asText()).isEqualTo("PENDING");
            assertThat(view.path("payload").path("flag").asText()).isEqualTo("refund");
            assertThat(view.path("payload").path("enabled").asBoolean()).isTrue();
            assertThat(view.path("payloadHash").asText()).isEqualTo(request.payloadHash());
            assertThat(view.path("requestedBy").asText()).isEqualTo("ops-alice");
            assertThat(view.path("requestedByRoles").toString()).isEqualTo("[\"ops\"]");
            assertThat(view.path("expiresAt").asText()).isEqualTo("2026-11-28T08:00:00Z");
            assertThat(view.path("expired").asBoolean()).isFalse();
            assertThat(view.path("awaitingDecision").asBoolean()).isTrue();
            assertThat(view.path("approverRoles").toString()).isEqualTo("[\"ops\",\"super_admin\"]");
            assertThat(view.path("superAdminRequired").asBoolean()).isTrue();
            assertThat(view.has("taskToken")).isFalse();
            assertThat(view.path("version").asLong()).isEqualTo(3);
            assertThat(view.path("tampered").isBoolean()).as("one request is checked against its seal").isTrue();
            assertThat(view.path("tampered").asBoolean()).isFalse();
            assertThat(view.has("tamperedBecause")).isFalse();
        }
        clock.advance(Duration.ofDays(2));
        assertThat(ok(api.get(request.id(), "reader", Role.OPS)).path("expired").asBoolean()).isTrue();
    }

    @Test
    void list_pagesThroughOneStatusNewestFirst() {
        // requests of 2099 are newer than any other test's, so they lead the PENDING listing
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2099-01-01T00:00:00Z"));
        ApprovalsApi api = new ApprovalsApi(fixtures.services(clock));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            ids.add(fixtures.requestEnable(Flag.CONTRIBUTE, newRound(), person("ops-alice", Role.OPS), clock).id());
        }
        List<String> newestFirst = ids.reversed();

        JsonNode first = ok(api.list(Map.of("limit", "2"), "fin-carol", Role.FINANCE));
        assertThat(first.path("status").asText()).isEqualTo("PENDING");
        JsonNode second = ok(api.list(Map.of("limit", "2", "next", first.path("next").asText()), "fin-carol", Role.FINANCE));
        JsonNode third = ok(api.list(Map.of("status", "PENDING", "limit", "1", "next", second.path("next").asText()),
                "fin-carol", Role.FINANCE));
        List<String> listed = Stream.of(first, second, third)
                .flatMap(page -> page.path("approvals").valueStream().map(a -> a.path("id").asText())).toList();
        assertThat(listed).isEqualTo(newestFirst);
        assertThat(first.path("approvals").size()).isEqualTo(2);
        assertThat(first.path("approvals").get(0).has("taskToken")).isFalse();
        assertThat(first.path("approvals").get(0).has("tampered")).as("listings do not check seals").isFalse();
    }

    @Test
    void list_byStatus_showsOnlyThatStatus_andEndsWithoutNext() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-27T09:00:00Z"));
        ApprovalsApi api = new ApprovalsApi(fixtures.services(clock));
        WorkflowSteps steps = new WorkflowSteps(fixtures.services(clock), fixtures.resources(clock));
        ApprovalRequest request = fixtures.requestEnable(Flag.PAYOUT, newRound(), person("ops-alice", Role.OPS), clock);
        steps.startAndWait(request.id());
        ok(api.reject(request.id(), "Not until the payout audit ends", "root-bob", Role.SUPER_ADMIN));

        JsonNode rejected = ok(api.list(Map.of("status", "REJECTED", "limit", "100"), "ops-dan", Role.OPS));
        assertThat(rejected.path("approvals").valueStream().map(a -> a.path("status").asText())).containsOnly("REJECTED");
        assertThat(rejected.path("approvals").valueStream().map(a -> a.path("id").asText())).contains(request.id());
        assertThat(rejected.path("next").isNull()).isTrue();
        assertThat(ok(api.list(Map.of("status", "APPLIED"), "ops-dan", Role.OPS)).path("approvals").valueStream()
                .map(a -> a.path("id").asText())).doesNotContain(request.id());
    }

    static Stream<Arguments> badQueries() {
        String otherStatusCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Json.write(Map.of("status", "APPLIED", "id", "abc", "requestedAt", "2026-11-27T09:00:00Z")).getBytes(StandardCharsets.UTF_8));
        String badTimeCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Json.write(Map.of("status", "PENDING", "id", "abc", "requestedAt", "yesterday")).getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("status in lower case", Map.of("status", "pending"), "status"),
                Arguments.of("unknown status", Map.of("status", "OPEN"), "status"),
                Arguments.of("repeated status", Map.of("status", "PENDING,APPROVED"), "status"),
                Arguments.of("limit zero", Map.of("limit", "0"), "limit"),
                Arguments.of("limit over 100", Map.of("limit", "101"), "limit"),
                Arguments.of("limit not a number", Map.of("limit", "ten"), "limit"),
                Arguments.of("unknown parameter", Map.of("requestedBy", "ops-alice"), "requestedBy"),
                Arguments.of("cursor not base64", Map.of("next", "%%%"), "next"),
                Arguments.of("cursor not JSON", Map.of("next", "bm90IGpzb24"), "next"),
                Arguments.of("cursor of another status", Map.of("next", otherStatusCursor), "next"),
                Arguments.of("cursor with a bad time", Map.of("next", badTimeCursor), "next"),
                Arguments.of("cursor too long", Map.of("next", "A".repeat(600)), "next"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void list_whenQueryIsBad_answers400NamingTheParameter(String name, Map<String, String> query, String field) {
        ApprovalsApi api = new ApprovalsApi(fixtures.services(AdjustableClock.startingAt(Instant.parse("2026-11-27T10:00:00Z"))));
        assertProblem(api.list(query, "fin-carol", Role.FINANCE), 400, field);
    }

    @Test
    void get_refusesQueryParameters() {
        ApprovalsApi api = new ApprovalsApi(fixtures.services(AdjustableClock.startingAt(Instant.parse("2026-11-27T10:00:00Z"))));
        var event = ApprovalsApi.event(ApprovalsApi.GET, "some-id", null, "fin-carol", Role.FINANCE);
        event.setQueryStringParameters(Map.of("fields", "all"));
        assertProblem(api.call(event), 400, "fields");
    }

    @Test
    void list_whenOneRowIsCorrupt_answersTheOthersAndMarksItUnreadable() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-27T11:00:00Z"));
        ApprovalsApi api = new ApprovalsApi(fixtures.services(clock));
        ApprovalRequest good = fixtures.requestEnable(Flag.CONTRIBUTE, newRound(), person("ops-alice", Role.OPS), clock);
        ApprovalRequest corrupt = fixtures.requestEnable(Flag.REFUND, newRound(), person("ops-alice", Role.OPS), clock);
        fixtures.overwrite(fixtures.read(corrupt.id()).toBuilder().expiresAt("not-a-date").build());

        List<com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse> answer = new ArrayList<>();
        String printed = stdoutOf(() -> answer.add(api.list(Map.of("status", "PENDING", "limit", "100"), "ops-dan", Role.OPS)));

        JsonNode listed = ok(answer.get(0));
        JsonNode goodView = listed.path("approvals").valueStream().filter(a -> a.path("id").asText().equals(good.id())).findFirst().orElseThrow();
        assertThat(goodView.path("status").asText()).isEqualTo("PENDING");
        assertThat(goodView.has("unreadable")).isFalse();
        JsonNode corruptView = listed.path("approvals").valueStream().filter(a -> a.path("id").asText().equals(corrupt.id()))
                .findFirst().orElseThrow();
        assertThat(corruptView.path("unreadable").asBoolean()).isTrue();
        assertThat(corruptView.path("problem").asText()).contains("expiresAt").doesNotContain("Exception").doesNotContain("java.");
        assertThat(printed).contains("ApprovalRowUnreadable");
    }

    @Test
    void get_whenTheRowIsCorrupt_answers500ProblemNamingItWithoutInternals() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-27T11:00:00Z"));
        ApprovalsApi api = new ApprovalsApi(fixtures.services(clock));
        ApprovalRequest corrupt = fixtures.requestEnable(Flag.REFUND, newRound(), person("ops-alice", Role.OPS), clock);
        fixtures.overwrite(fixtures.read(corrupt.id()).toBuilder().expiresAt("not-a-date").build());

        List<com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse> answer = new ArrayList<>();
        String printed = stdoutOf(() -> answer.add(api.get(corrupt.id(), "ops-dan", Role.OPS)));

        JsonNode problem = assertProblem(answer.get(0), 500, null);
        assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/approval-unreadable");
        assertThat(problem.path("detail").asText()).contains(corrupt.id()).contains("expiresAt").doesNotContain("java.");
        assertThat(printed).contains("ApprovalRowUnreadable");
    }
}
