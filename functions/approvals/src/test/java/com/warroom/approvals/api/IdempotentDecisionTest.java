package com.warroom.approvals.api;

import static com.warroom.approvals.ApprovalFixtures.newRound;
import static com.warroom.approvals.ApprovalFixtures.person;
import static com.warroom.approvals.api.ApprovalsApi.assertProblemType;
import static com.warroom.approvals.api.ApprovalsApi.event;
import static com.warroom.approvals.api.ApprovalsApi.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.workflow.WorkflowSteps;
import com.warroom.flags.Flag;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A decision retried with its {@code Idempotency-Key}: decided and sent to the workflow once, answered the same. */
@ExtendWith(EmbeddedStackExtension.class)
class IdempotentDecisionTest {

    private static final String COMMENT = "{\"comment\":\"Checked the investigation notes\"}";
    private static ApprovalFixtures fixtures;

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-24T10:00:00Z"));
    private ApprovalsApi api;
    private WorkflowSteps steps;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ApprovalFixtures(stack);
    }

    @BeforeEach
    void wire() {
        api = new ApprovalsApi(fixtures.services(clock));
        steps = new WorkflowSteps(fixtures.services(clock), fixtures.resources(clock));
    }

    private ApprovalRequest waiting() {
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, newRound(), person("ops-alice", Role.OPS), clock);
        steps.startAndWait(request.id());
        return fixtures.read(request.id());
    }

    private APIGatewayV2HTTPResponse approve(String id, String key) {
        return api.call(withKey(event(ApprovalsApi.APPROVE, id, COMMENT, "root-bob", Role.SUPER_ADMIN), key));
    }

    @Test
    void approve_whenRetriedWithTheSameKey_replaysTheFirstAnswerAndDecidesOnce() {
        ApprovalRequest request = waiting();
        String key = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse first = approve(request.id(), key);
        Map<String, Integer> afterFirst = fixtures.counts();
        ApprovalRequest decided = fixtures.read(request.id());
        APIGatewayV2HTTPResponse retry = approve(request.id(), key);

        assertThat(ApprovalsApi.ok(first).path("status").asText()).isEqualTo("APPROVED");
        assertThat(retry.getStatusCode()).isEqualTo(200);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(api.sender.sentFor(request.id())).hasSize(1);
        assertThat(fixtures.counts()).isEqualTo(afterFirst);
        assertThat(fixtures.read(request.id())).isEqualTo(decided);
    }

    @Test
    void approve_whenTheKeyWasUsedForAnotherRequest_is422AndDecidesNothing() {
        ApprovalRequest first = waiting();
        ApprovalRequest second = waiting();
        String key = UUID.randomUUID().toString();
        assertThat(approve(first.id(), key).getStatusCode()).isEqualTo(200);
        Map<String, Integer> before = fixtures.counts();

        assertProblemType(approve(second.id(), key), 422, "idempotency-key-reused");

        assertThat(fixtures.counts()).isEqualTo(before);
        assertThat(fixtures.read(second.id())).isEqualTo(second);
        assertThat(api.sender.sentFor(second.id())).isEmpty();
    }

    @Test
    void approve_whenRepeatedWithAnotherKey_is409ButTheFirstKeyStillReplays200() {
        ApprovalRequest request = waiting();
        String key = UUID.randomUUID().toString();
        APIGatewayV2HTTPResponse first = approve(request.id(), key);
        assertThat(first.getStatusCode()).isEqualTo(200);
        Map<String, Integer> afterFirst = fixtures.counts();

        assertProblemType(approve(request.id(), UUID.randomUUID().toString()), 409, "approval-decided");
        assertProblemType(api.call(event(ApprovalsApi.APPROVE, request.id(), COMMENT, "root-bob", Role.SUPER_ADMIN)), 409,
                "approval-decided");
        APIGatewayV2HTTPResponse replay = approve(request.id(), key);

        assertThat(replay.getStatusCode()).as("a retry with the first key is a replay, not a second decision").isEqualTo(200);
        assertThat(replay.getBody()).isEqualTo(first.getBody());
        assertThat(fixtures.counts()).isEqualTo(afterFirst);
    }
}
