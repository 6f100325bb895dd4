package com.warroom.approvals.api;

import static com.warroom.approvals.ApprovalFixtures.newRound;
import static com.warroom.approvals.ApprovalFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.approvals.ActionRegistry;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.workflow.WorkflowSteps;
import com.warroom.audit.AuditEntry;
import com.warroom.flags.Flag;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many people approving and rejecting the same request at the same moment, on real threads: exactly one decision. */
@ExtendWith(EmbeddedStackExtension.class)
class ConcurrentDecisionTest {

    private static final int APPROVERS = 6;
    private static final int REJECTERS = 6;
    private static ApprovalFixtures fixtures;

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-25T08:00:00Z"));

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ApprovalFixtures(stack);
    }

    /** One person's call and what it answered. */
    private record Call(String sub, String decision, APIGatewayV2HTTPResponse response) {
    }

    @RepeatedTest(3)
    void approveRejectApprove_fromManyThreads_recordsExactlyOneDecision() throws Exception {
        ApprovalsApi api = new ApprovalsApi(fixtures.services(clock));
        WorkflowSteps steps = new WorkflowSteps(fixtures.services(clock), fixtures.resources(clock));
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, newRound(), person("root-req", Role.SUPER_ADMIN), clock);
        String token = steps.startAndWait(request.id());
        long versionBefore = fixtures.read(request.id()).version();

        List<Callable<Call>> calls = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < APPROVERS + REJECTERS; i++) {
            boolean approve = i % 2 == 0;
            String sub = (approve ? "approver-" : "rejecter-") + i;
            Role role = i % 3 == 0 ? Role.OPS : Role.SUPER_ADMIN;
            calls.add(() -> {
                go.await();
                APIGatewayV2HTTPResponse response = approve
                        ? api.approve(request.id(), sub, role)
                        : api.reject(request.id(), "Rejected by " + sub + " in the race", sub, role);
                return new Call(sub, approve ? "APPROVED" : "REJECTED", response);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        List<Call> answers = new ArrayList<>();
        try {
            List<Future<Call>> futures = calls.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<Call> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<Call> winners = answers.stream().filter(c -> c.response().getStatusCode() == 200).toList();
        assertThat(winners).as(answers.toString()).hasSize(1);
        assertThat(answers).filteredOn(c -> c.response().getStatusCode() != 200)
                .allSatisfy(c -> ApprovalsApi.assertProblemType(c.response(), 409, "approval-decided"));

        Call winner = winners.get(0);
        ApprovalRequest decided = fixtures.read(request.id());
        assertThat(decided.status()).isEqualTo(winner.decision());
        assertThat(decided.decidedBy()).isEqualTo(winner.sub());
        assertThat(decided.version()).isEqualTo(versionBefore + 1);
        assertThat(api.sender.sentFor(request.id())).singleElement().satisfies(sent -> {
            assertThat(sent.taskToken()).isEqualTo(token);
            assertThat(sent.decision().name()).isEqualTo(winner.decision());
        });
        List<AuditEntry> decisions = fixtures.history(ApprovalAudit.target(request, ActionRegistry.standard())).stream()
                .filter(e -> e.action().equals(ApprovalAudit.APPROVED) || e.action().equals(ApprovalAudit.REJECTED)).toList();
        assertThat(decisions).singleElement().satisfies(e -> assertThat(e.actorSub()).isEqualTo(winner.sub()));
        assertThat(fixtures.trail.verify().ok()).isTrue();

        assertThat(steps.finish(request.id(), winner.decision())).containsEntry("status",
                winner.decision().equals("APPROVED") ? "APPLIED" : "REJECTED");
        assertThat(answers).hasSize(APPROVERS + REJECTERS);
    }
}
