package com.warroom.approvals.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.approvals.ActionRegistry;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.audit.AuditEntry;
import com.warroom.aws.Settings;
import com.warroom.flags.Flag;
import com.warroom.http.Caller;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.sfn.ExecutionView;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * PENDING requests as the kill-switch route leaves them when Step Functions could not be reached (recorded, no
 * workflow), keepers over them, and what the local Step Functions and the audit log then show.
 */
final class LostStarts {

    static final Caller ALICE = ApprovalFixtures.person("ops-alice", Role.OPS);
    static final Duration QUIET = Duration.ofSeconds(30);
    /** Older than the keeper's grace period. */
    static final Duration LOST_FOR = Duration.ofMinutes(10);

    final EmbeddedStack stack;
    final ApprovalFixtures fixtures;

    LostStarts(EmbeddedStack stack) {
        this.stack = stack;
        this.fixtures = new ApprovalFixtures(stack);
    }

    /** A request recorded {@code ago}, whose workflow never started. */
    ApprovalRequest recorded(Duration ago) {
        return fixtures.requestEnable(Flag.CONTRIBUTE, ApprovalFixtures.newRound(), ALICE,
                Clock.offset(Clock.systemUTC(), ago.negated()));
    }

    ApprovalKeeper keeper(SfnClient sfn, Clock clock) {
        return new ApprovalKeeper(fixtures.store, new ApprovalWorkflowStarter(sfn, Settings.require(Topology.APPROVAL.arnEnvVar())), clock);
    }

    String executionArn(String approvalId) {
        return stack.localStepFunctions().executionArn(Topology.APPROVAL, approvalId);
    }

    Optional<ExecutionView> execution(String approvalId) {
        return stack.localStepFunctions().execution(executionArn(approvalId));
    }

    ExecutionView quiet(String approvalId) throws Exception {
        return stack.localStepFunctions().awaitQuiet(executionArn(approvalId), QUIET);
    }

    /** Lets the workflows a run started (including other tests' leftovers) reach their wait, so nothing runs on behind the test. */
    void settle(KeeperRun run) throws Exception {
        for (String id : run.started()) {
            quiet(id);
        }
    }

    /** The executions of the approval state machine named {@code approvalId}, as ListExecutions shows them. */
    long executionsNamed(SfnClient sfn, String approvalId) {
        return sfn.listExecutionsPaginator(b -> b.stateMachineArn(Settings.require(Topology.APPROVAL.arnEnvVar())).maxResults(1000))
                .executions().stream().filter(e -> e.name().equals(approvalId)).count();
    }

    /** The {@code approval.recorded} entries of the request: one per workflow that took it on. */
    List<AuditEntry> recordedEntries(ApprovalRequest request) {
        return fixtures.history(ApprovalAudit.target(request, ActionRegistry.standard())).stream()
                .filter(e -> e.action().equals(ApprovalAudit.RECORDED) && e.after().contains(request.id()))
                .toList();
    }

    static void assertLeftAlone(KeeperRun run, String id) {
        assertThat(run.started()).doesNotContain(id);
        assertThat(run.alreadyStarted()).doesNotContain(id);
        assertThat(run.unavailable()).doesNotContain(id);
    }
}
