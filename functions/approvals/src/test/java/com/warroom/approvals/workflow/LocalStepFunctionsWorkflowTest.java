package com.warroom.approvals.workflow;

import static com.warroom.approvals.ApprovalFixtures.newRound;
import static com.warroom.approvals.ApprovalFixtures.person;
import static com.warroom.approvals.api.ApprovalsApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.approvals.SystemProperties;
import com.warroom.approvals.api.ApprovalsApi;
import com.warroom.approvals.api.ApprovalsApiHandler;
import com.warroom.aws.AwsClients;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.sfn.ExecutionStatus;
import com.warroom.local.stack.sfn.ExecutionView;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The approval workflow run by the embedded stack's local Step Functions, which invokes the four task
 * handlers as Lambda would (no-arg constructors) and waits on the real task token; the decision goes
 * through the approvals API handler's real SendTaskSuccess. The workflow and its topic are registered
 * here because the topology does not list them yet.
 */
@ExtendWith(EmbeddedStackExtension.class)
class LocalStepFunctionsWorkflowTest {

    private static final Caller ALICE = person("ops-alice", Role.OPS);
    private static final Duration QUIET = Duration.ofSeconds(30);
    private static final SystemProperties PROPERTIES = new SystemProperties();

    private static EmbeddedStack stack;
    private static ApprovalFixtures fixtures;
    private static SfnClient sfn;
    private static ApprovalWorkflowStarter starter;
    private final Clock clock = Clock.systemUTC();

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
        fixtures = new ApprovalFixtures(embedded);
        PROPERTIES.set(Topology.APPROVAL.arnEnvVar(), embedded.localStepFunctions().register(Topology.APPROVAL))
                .set(Topology.APPROVAL_NOTICES.arnEnvVar(), embedded.localSns().register(Topology.APPROVAL_NOTICES));
        sfn = AwsClients.sfn();
        starter = ApprovalWorkflowStarter.fromSettings(sfn);
    }

    @AfterAll
    static void stop() {
        sfn.close();
        PROPERTIES.restore();
    }

    private String executionArn(String approvalId) {
        return stack.localStepFunctions().executionArn(Topology.APPROVAL, approvalId);
    }

    private ExecutionView quiet(String approvalId) throws Exception {
        return stack.localStepFunctions().awaitQuiet(executionArn(approvalId), QUIET);
    }

    /** Records a request, starts its workflow and waits until it waits for a decision. */
    private ApprovalRequest waitingRequest(FlagScope scope) throws Exception {
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, scope, ALICE, clock);
        assertThat(starter.start(request.id()))
                .isEqualTo(new ApprovalWorkflowStarter.Start.Started(executionArn(request.id())));
        ExecutionView waiting = quiet(request.id());
        assertThat(waiting.state()).isEqualTo("WaitForDecision");
        assertThat(waiting.waitingTaskToken()).isPresent();
        assertThat(fixtures.read(request.id()).taskToken()).isEqualTo(waiting.waitingTaskToken().get());
        return request;
    }

    private static APIGatewayV2HTTPResponse decide(String route, String id, String body, String sub, Role role) {
        return new ApprovalsApiHandler().handleRequest(ApprovalsApi.event(route, id, body, sub, role),
                LocalLambdaContext.of("approvals-api", 1024, 15));
    }

    @Test
    void approval_runsTheStateMachineToApplied() throws Exception {
        FlagScope scope = newRound();
        ApprovalRequest request = waitingRequest(scope);
        assertThat(starter.start(request.id())).as("starting again while it runs is the same execution")
                .isEqualTo(new ApprovalWorkflowStarter.Start.Started(executionArn(request.id())));
        assertThat(stack.localSns().published(Topology.APPROVAL_NOTICES))
                .anySatisfy(message -> assertThat(message.message()).contains(request.id()).doesNotContain("taskToken"));

        ok(decide(ApprovalsApi.APPROVE, request.id(), "{\"comment\":\"Checked it\"}", "root-bob", Role.SUPER_ADMIN));
        ExecutionView ended = quiet(request.id());

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.mapper().convertValue(Json.readTree(ended.output().orElseThrow()), Map.class))
                .isEqualTo(Map.of("approvalId", request.id(), "status", "APPLIED"));
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, scope).enabled()).isTrue();
        assertThat(fixtures.read(request.id()).closedAt()).isNotNull();
        assertThat(starter.start(request.id())).as("a request runs once").isEqualTo(new ApprovalWorkflowStarter.Start.AlreadyStarted());
        // the request is closed: even its approver's repeat is a second decision
        ApprovalsApi.assertProblemType(decide(ApprovalsApi.APPROVE, request.id(), "{}", "root-bob", Role.SUPER_ADMIN), 409,
                "approval-decided");
    }

    @Test
    void rejection_runsTheStateMachineToRejected() throws Exception {
        FlagScope scope = newRound();
        ApprovalRequest request = waitingRequest(scope);
        ok(decide(ApprovalsApi.REJECT, request.id(), "{\"reason\":\"Wait for the incident review\"}", "ops-dan", Role.OPS));
        ExecutionView ended = quiet(request.id());
        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output().orElseThrow()).contains("\"status\":\"REJECTED\"");
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, scope).enabled()).isFalse();
    }

    @Test
    void taskTokenSentByHand_cannotApplyAPendingRequest() throws Exception {
        FlagScope scope = newRound();
        ApprovalRequest request = waitingRequest(scope);
        String token = stack.localStepFunctions().waitingTaskToken(executionArn(request.id())).orElseThrow();

        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approvalId\":\"" + request.id() + "\",\"decision\":\"APPROVED\"}"));
        ExecutionView ended = quiet(request.id());

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output().orElseThrow()).contains("\"status\":\"FAILED\"");
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, scope).enabled()).isFalse();
        assertThat(fixtures.read(request.id()).outcome()).contains("status is PENDING, not APPROVED");
    }

    @Test
    void waitWithoutDecision_timesOutToExpired() throws Exception {
        FlagScope scope = newRound();
        ApprovalRequest request = waitingRequest(scope);

        stack.clock().advance(Topology.APPROVAL.decisionTimeout().plusSeconds(1));
        stack.localStepFunctions().fireDueTimeouts();
        ExecutionView ended = quiet(request.id());

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output().orElseThrow()).contains("\"status\":\"EXPIRED\"");
        ApprovalRequest expired = fixtures.read(request.id());
        assertThat(expired.outcome()).isEqualTo("no decision before the wait timed out");
        assertThat(expired.taskToken()).isNull();
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, scope).enabled()).isFalse();
    }
}
