package com.warroom.approvals.api;

import static com.warroom.approvals.ApprovalFixtures.newRound;
import static com.warroom.approvals.ApprovalFixtures.person;
import static com.warroom.approvals.api.ApprovalsApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.workflow.WorkflowSteps;
import com.warroom.flags.Flag;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input of every approval route: the problem that names it, and nothing written or sent. */
@ExtendWith(EmbeddedStackExtension.class)
class RouteInputTest {

    private static final String ROOT = "root-bob";
    private static ApprovalFixtures fixtures;
    private static ApprovalsApi api;
    private static ApprovalRequest request;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ApprovalFixtures(stack);
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-26T08:00:00Z"));
        api = new ApprovalsApi(fixtures.services(clock));
        request = fixtures.requestEnable(Flag.CONTRIBUTE, newRound(), person("ops-alice", Role.OPS), clock);
        new WorkflowSteps(fixtures.services(clock), fixtures.resources(clock)).startAndWait(request.id());
    }

    private void nothingChanges(Runnable call) {
        Map<String, Integer> before = fixtures.counts();
        ApprovalRequest stored = fixtures.read(request.id());
        call.run();
        assertThat(fixtures.counts()).isEqualTo(before);
        assertThat(fixtures.read(request.id())).isEqualTo(stored);
        assertThat(api.sender.sent()).isEmpty();
    }

    static Stream<Arguments> badApproveBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"comment\": \"ok\",", null),
                Arguments.of("not an object", "[\"approve\"]", null),
                Arguments.of("a bare string", "\"approve\"", null),
                Arguments.of("duplicate key", "{\"comment\":\"a comment\",\"comment\":\"another\"}", null),
                Arguments.of("trailing tokens", "{\"comment\":\"a comment\"} {}", null),
                Arguments.of("unknown field", "{\"comment\":\"fine\",\"decision\":\"APPROVED\"}", "decision"),
                Arguments.of("a reason instead of a comment", "{\"reason\":\"because it is fine\"}", "reason"),
                Arguments.of("comment of wrong type", "{\"comment\":42}", "comment"),
                Arguments.of("comment as object", "{\"comment\":{\"text\":\"hi\"}}", "comment"),
                Arguments.of("comment only spaces", "{\"comment\":\"   \"}", "comment"),
                Arguments.of("comment too long", "{\"comment\":\"" + "c".repeat(501) + "\"}", "comment"),
                Arguments.of("payloadHash of wrong type", "{\"payloadHash\":123}", "payloadHash"),
                Arguments.of("payloadHash too short", "{\"payloadHash\":\"abc123\"}", "payloadHash"),
                Arguments.of("payloadHash in capitals", "{\"payloadHash\":\"" + "A".repeat(64) + "\"}", "payloadHash"),
                Arguments.of("payloadHash not hex", "{\"payloadHash\":\"" + "g".repeat(64) + "\"}", "payloadHash"),
                Arguments.of("comment with a NUL", "{\"comment\":\"looks \\u0000 fine\"}", "comment"),
                Arguments.of("comment with a bidi override", "{\"comment\":\"looks \\u202e fine\"}", "comment"),
                Arguments.of("comment of zero-width characters", "{\"comment\":\"\\u200b\\u200d\\ufeff\"}", "comment"),
                Arguments.of("comment with a lone surrogate", "{\"comment\":\"looks \\ud800 fine\"}", "comment"),
                Arguments.of("100,000 nested [", "{\"comment\":" + "[".repeat(100_000), null),
                Arguments.of("a 1,001-digit number", "{\"comment\":" + "7".repeat(1001) + "}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badApproveBodies")
    void approve_whenBodyIsBad_answers400AndChangesNothing(String name, String body, String field) {
        nothingChanges(() -> assertProblem(api.approve(request.id(), body, ROOT, Role.SUPER_ADMIN), 400, field));
    }

    static Stream<Arguments> badRejectBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"reason\": ", null),
                Arguments.of("empty body", "", null),
                Arguments.of("not an object", "[1]", null),
                Arguments.of("reason missing", "{}", "reason"),
                Arguments.of("reason null", "{\"reason\":null}", "reason"),
                Arguments.of("reason too short", "{\"reason\":\"no way\"}", "reason"),
                Arguments.of("reason only spaces", "{\"reason\":\"              \"}", "reason"),
                Arguments.of("reason too long", "{\"reason\":\"" + "r".repeat(501) + "\"}", "reason"),
                Arguments.of("reason of wrong type", "{\"reason\":[\"a\",\"b\"]}", "reason"),
                Arguments.of("unknown field", "{\"reason\":\"a long enough reason\",\"comment\":\"x\"}", "comment"),
                Arguments.of("reason with an escape sequence", "{\"reason\":\"a long enough \\u001b[2J reason\"}", "reason"),
                Arguments.of("reason with a bidi isolate", "{\"reason\":\"a long enough \\u2066 reason\"}", "reason"),
                Arguments.of("reason of zero-width characters", "{\"reason\":\"" + "\\u200b".repeat(12) + "\"}", "reason"),
                Arguments.of("reason with a lone surrogate", "{\"reason\":\"a long enough \\udc00 reason\"}", "reason"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRejectBodies")
    void reject_whenBodyIsBad_answers400AndChangesNothing(String name, String body, String field) {
        nothingChanges(() -> assertProblem(api.call(ApprovalsApi.event(ApprovalsApi.REJECT, request.id(), body, ROOT,
                Role.SUPER_ADMIN)), 400, field));
    }

    @ParameterizedTest(name = "id \"{0}\"")
    @ValueSource(strings = {"", "has space", "../../etc/passwd", "id;drop", "ünïcode", "a/b",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void routesWithAnId_whenIdIsBad_answer400NamingIt(String id) {
        nothingChanges(() -> {
            assertProblem(api.get(id, ROOT, Role.SUPER_ADMIN), 400, "id");
            assertProblem(api.approve(id, ROOT, Role.SUPER_ADMIN), 400, "id");
            assertProblem(api.reject(id, "A perfectly long reason", ROOT, Role.SUPER_ADMIN), 400, "id");
        });
    }

    @Test
    void routesWithAnId_withoutThePathParameter_answer400() {
        nothingChanges(() -> {
            for (String route : List.of(ApprovalsApi.GET, ApprovalsApi.APPROVE, ApprovalsApi.REJECT)) {
                assertProblem(api.call(ApprovalsApi.event(route, null, "{\"reason\":\"a long enough reason\"}", ROOT,
                        Role.SUPER_ADMIN)), 400, "id");
            }
        });
    }

    @Test
    void decisionRoutes_refuseQueryParameters() {
        APIGatewayV2HTTPEvent event = ApprovalsApi.event(ApprovalsApi.APPROVE, request.id(), "{}", ROOT, Role.SUPER_ADMIN);
        event.setQueryStringParameters(Map.of("force", "true"));
        nothingChanges(() -> assertProblem(api.call(event), 400, "force"));
    }

    @Test
    void decisionRoutes_whenBodyOverOneMebibyte_answer413() {
        String huge = "{\"comment\":\"" + "x".repeat(1024 * 1024) + "\"}";
        nothingChanges(() -> {
            assertProblem(api.approve(request.id(), huge, ROOT, Role.SUPER_ADMIN), 413, null);
            assertProblem(api.call(ApprovalsApi.event(ApprovalsApi.REJECT, request.id(), huge.replace("comment", "reason"), ROOT,
                    Role.SUPER_ADMIN)), 413, null);
        });
    }

    @Test
    void everyRoute_withoutAToken_answers401() {
        nothingChanges(() -> {
            for (String route : List.of(ApprovalsApi.GET, ApprovalsApi.APPROVE, ApprovalsApi.REJECT)) {
                var response = api.call(ApprovalsApi.event(route, request.id(), "{\"reason\":\"a long enough reason\"}", null));
                assertProblem(response, 401, null);
                assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
            }
            assertProblem(api.list(Map.of(), null), 401, null);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SUPPORT", "REVIEWER", "SERVICE"})
    void everyRoute_forARoleOutsideTheRoute_answers403(Role role) {
        nothingChanges(() -> {
            assertProblem(api.get(request.id(), "someone", role), 403, null);
            assertProblem(api.approve(request.id(), "someone", role), 403, null);
            assertProblem(api.reject(request.id(), "A perfectly long reason", "someone", role), 403, null);
            assertProblem(api.list(Map.of(), "someone", role), 403, null);
        });
    }

    @Test
    void unknownRoute_answers404() {
        var event = ApprovalsApi.event("DELETE /v1/admin/approvals/{id}", request.id(), null, ROOT, Role.SUPER_ADMIN);
        nothingChanges(() -> assertProblem(api.call(event), 404, null));
    }
}
