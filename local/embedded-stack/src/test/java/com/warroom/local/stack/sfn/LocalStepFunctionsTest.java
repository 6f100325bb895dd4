package com.warroom.local.stack.sfn;

import static com.warroom.local.stack.sfn.TestWorkflows.APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.topology.ApprovalWorkflowDef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The local Step Functions through the real SfnClient: the approval workflow's paths, its errors, its races. */
class LocalStepFunctionsTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration QUIET_WITHIN = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ApprovalWorkflowDef> WORKFLOWS = List.of(APPROVAL, TestWorkflows.FAILING_RECORD, TestWorkflows.FAILING_APPLY,
            TestWorkflows.FAILING_OUTCOME, TestWorkflows.MISSING_RECORD, TestWorkflows.SELF_DECIDING, TestWorkflows.BLOCKING_RECORD);

    private AdjustableClock clock;
    private LocalStepFunctions stepFunctions;
    private SfnClient sfn;

    @BeforeEach
    void start() throws Exception {
        clock = AdjustableClock.startingAt(START);
        stepFunctions = LocalStepFunctions.start(0, "us-east-1", clock);
        WORKFLOWS.forEach(stepFunctions::register);
        sfn = SfnClient.builder().endpointOverride(stepFunctions.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        SelfDecidingAwait.sfn = sfn;
    }

    @AfterEach
    void stop() {
        sfn.close();
        stepFunctions.close();
    }

    @Test
    void startExecution_whenApproved_runsRecordWaitApplyOutcomeInOrderEachWithThePreviousOutput() throws Exception {
        String id = approvalId();
        String arn = start(APPROVAL, id);

        ExecutionView waiting = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);
        assertThat(waiting.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(waiting.state()).isEqualTo(ApprovalWorkflowDef.WAIT_FOR_DECISION);
        String token = waiting.waitingTaskToken().orElseThrow();
        assertThat(StepCalls.last(id, "t-record").input()).isEqualTo(Map.of("approvalId", id));
        assertThat(StepCalls.last(id, "t-await").input()).isEqualTo(Map.of("approvalId", id, "taskToken", token));
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-await");

        sfn.sendTaskSuccess(b -> b.taskToken(token).output(decision(id, ApprovalWorkflowDef.APPROVED)));
        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-await", "t-apply", "t-outcome");
        assertThat(StepCalls.last(id, "t-apply").input()).isEqualTo(Map.of("approvalId", id, "decision", "APPROVED"));
        assertThat(StepCalls.last(id, "t-outcome").input())
                .isEqualTo(Map.of("approvalId", id, "decision", "APPROVED", "t-apply", true));
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(described.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(described.name()).isEqualTo(id);
        assertThat(described.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:warroom-t-approval");
        assertThat(described.input()).isEqualTo("{\"approvalId\":\"" + id + "\"}");
        assertThat(map(described.output())).isEqualTo(Map.of("approvalId", id, "decision", "APPROVED", "t-apply", true, "t-outcome", true));
        assertThat(described.startDate()).isEqualTo(START);
        assertThat(described.stopDate()).isEqualTo(START);
    }

    @Test
    void startExecution_answersTheLocalExecutionArnAndStartDate() {
        String id = approvalId();

        var started = sfn.startExecution(b -> b.stateMachineArn(stepFunctions.stateMachineArn(APPROVAL)).name(id).input(input(id)));

        assertThat(started.executionArn()).isEqualTo("arn:aws:states:us-east-1:000000000000:execution:warroom-t-approval:" + id)
                .isEqualTo(stepFunctions.executionArn(APPROVAL, id));
        assertThat(started.startDate()).isEqualTo(START);
    }

    @Test
    void sendTaskSuccess_whenRejected_skipsApplyAction() throws Exception {
        String id = approvalId();
        String arn = start(APPROVAL, id);
        String token = tokenOnceWaiting(arn);

        sfn.sendTaskSuccess(b -> b.taskToken(token).output(decision(id, ApprovalWorkflowDef.REJECTED)));

        assertThat(stepFunctions.awaitQuiet(arn, QUIET_WITHIN).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-await", "t-outcome");
        assertThat(StepCalls.last(id, "t-outcome").input()).isEqualTo(Map.of("approvalId", id, "decision", "REJECTED"));
    }

    @Test
    void sendTaskFailure_goesToRecordOutcomeWithTheRecordedStateAndTheError() throws Exception {
        String id = approvalId();
        String arn = start(APPROVAL, id);
        String token = tokenOnceWaiting(arn);

        sfn.sendTaskFailure(b -> b.taskToken(token).error("Withdrawn").cause("the requester withdrew it"));

        assertThat(stepFunctions.awaitQuiet(arn, QUIET_WITHIN).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-await", "t-outcome");
        assertThat(StepCalls.last(id, "t-outcome").input()).isEqualTo(Map.of("approvalId", id, "t-record", true,
                "error", Map.of("Error", "Withdrawn", "Cause", "the requester withdrew it")));
    }

    @Test
    void fireDueTimeouts_whenTheClockPassesTheDecisionTimeout_goesToRecordOutcomeWithStatesTimeout() throws Exception {
        String id = approvalId();
        String arn = start(APPROVAL, id);
        String token = tokenOnceWaiting(arn);

        clock.advance(TestWorkflows.DECISION_TIMEOUT.minusSeconds(1));
        assertThat(stepFunctions.fireDueTimeouts()).isZero();
        assertThat(stepFunctions.waitingTaskToken(arn)).contains(token);

        clock.advance(Duration.ofSeconds(1));
        assertThat(stepFunctions.fireDueTimeouts()).isEqualTo(1);
        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.stopDate()).contains(START.plus(TestWorkflows.DECISION_TIMEOUT));
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-await", "t-outcome");
        Map<String, Object> outcomeInput = StepCalls.last(id, "t-outcome").input();
        assertThat(outcomeInput).containsEntry("approvalId", id).containsEntry("t-record", true);
        assertThat(outcomeInput.get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("Error", "States.Timeout");
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output(decision(id, ApprovalWorkflowDef.APPROVED))))
                .isInstanceOf(TaskTimedOutException.class);
        assertThat(stepFunctions.fireDueTimeouts()).isZero();
    }

    @Test
    void applyAction_whenApplyThrows_goesToRecordOutcomeWithTheDecisionAndTheLambdaError() throws Exception {
        String id = approvalId();
        String arn = start(TestWorkflows.FAILING_APPLY, id);
        String token = tokenOnceWaiting(arn);

        sfn.sendTaskSuccess(b -> b.taskToken(token).output(decision(id, ApprovalWorkflowDef.APPROVED)));

        assertThat(stepFunctions.awaitQuiet(arn, QUIET_WITHIN).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-await", "t-fail", "t-outcome");
        Map<String, Object> outcomeInput = StepCalls.last(id, "t-outcome").input();
        assertThat(outcomeInput).containsEntry("approvalId", id).containsEntry("decision", "APPROVED").doesNotContainKey("t-fail");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) outcomeInput.get("error");
        assertThat(error).containsEntry("Error", "java.lang.IllegalStateException");
        JsonNode cause = JSON.readTree((String) error.get("Cause"));
        assertThat(cause.get("errorMessage").asText()).isEqualTo("t-fail failed for " + id);
        assertThat(cause.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(cause.get("stackTrace").get(0).asText()).startsWith(FailingStep.class.getName() + ".handleRequest");
    }

    @Test
    void recordRequest_whenRecordThrows_goesToRecordOutcomeWithTheExecutionInputAndTheError() throws Exception {
        String id = approvalId();
        String arn = start(TestWorkflows.FAILING_RECORD, id);

        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-fail", "t-outcome");
        assertThat(StepCalls.last(id, "t-outcome").input()).containsOnlyKeys("approvalId", "error");
    }

    @Test
    void recordRequest_whenTheHandlerClassIsMissing_goesToRecordOutcomeWithClassNotFound() throws Exception {
        String id = approvalId();
        String arn = start(TestWorkflows.MISSING_RECORD, id);

        stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-outcome");
        assertThat(StepCalls.last(id, "t-outcome").input().get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("Error", "java.lang.ClassNotFoundException");
    }

    @Test
    void recordOutcome_whenOutcomeThrows_failsTheExecutionWithTheLambdaError() throws Exception {
        String id = approvalId();
        String arn = start(TestWorkflows.FAILING_OUTCOME, id);
        String token = tokenOnceWaiting(arn);

        sfn.sendTaskSuccess(b -> b.taskToken(token).output(decision(id, ApprovalWorkflowDef.REJECTED)));

        assertThat(stepFunctions.awaitQuiet(arn, QUIET_WITHIN).status()).isEqualTo(ExecutionStatus.FAILED);
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(described.statusAsString()).isEqualTo("FAILED");
        assertThat(described.error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(described.cause()).contains("t-fail failed for " + id);
        assertThat(described.output()).isNull();
    }

    @Test
    void decided_whenTheDecisionIsMissingOrNotAString_recordsTheOutcomeWithoutApplying() throws Exception {
        String missing = approvalId();
        String missingArn = start(APPROVAL, missing);
        String missingToken = tokenOnceWaiting(missingArn);
        String number = approvalId();
        String numberArn = start(APPROVAL, number);
        String numberToken = tokenOnceWaiting(numberArn);

        sfn.sendTaskSuccess(b -> b.taskToken(missingToken).output("{\"approvalId\":\"" + missing + "\"}"));
        sfn.sendTaskSuccess(b -> b.taskToken(numberToken).output("{\"approvalId\":\"" + number + "\",\"decision\":1}"));

        assertThat(stepFunctions.awaitQuiet(missingArn, QUIET_WITHIN).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(stepFunctions.awaitQuiet(numberArn, QUIET_WITHIN).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepCalls.functionsCalledFor(missing)).containsExactly("t-record", "t-await", "t-outcome");
        assertThat(StepCalls.functionsCalledFor(number)).containsExactly("t-record", "t-await", "t-outcome");
    }

    @Test
    void waitForDecision_whenTheStateHasNoApprovalId_failsTheExecutionWithStatesRuntime() throws Exception {
        String arn = sfn.startExecution(b -> b.stateMachineArn(stepFunctions.stateMachineArn(APPROVAL)).name(approvalId())
                .input("{\"request\":\"no id\"}")).executionArn();

        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.error()).contains("States.Runtime");
        assertThat(ended.cause().orElseThrow()).contains("$.approvalId");
    }

    @Test
    void sendTaskSuccess_whileTheAwaitInvocationStillRuns_isAcceptedAndTheExecutionGoesOn() throws Exception {
        String id = approvalId();
        String arn = start(TestWorkflows.SELF_DECIDING, id);

        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-self-await", "t-apply", "t-outcome");
    }

    @Test
    void startExecution_whenTheNameIsTaken_isIdempotentForTheSameInputWhileOpenAndRefusedOtherwise() throws Exception {
        String id = approvalId();
        String arn = start(APPROVAL, id);
        String token = tokenOnceWaiting(arn);

        assertThat(start(APPROVAL, id)).isEqualTo(arn);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(stepFunctions.stateMachineArn(APPROVAL)).name(id)
                .input("{\"approvalId\":\"" + id + "\",\"again\":true}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        assertThat(stepFunctions.waitingTaskToken(arn)).contains(token);

        sfn.sendTaskSuccess(b -> b.taskToken(token).output(decision(id, ApprovalWorkflowDef.REJECTED)));
        stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThatThrownBy(() -> start(APPROVAL, id)).isInstanceOf(ExecutionAlreadyExistsException.class);
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-await", "t-outcome");
    }

    @Test
    void sendTaskSuccess_whenTheTokenIsUnknownMalformedOrSpent_throwsTheSdksTypedException() throws Exception {
        String neverIssued = "AQ" + "A".repeat(86);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(neverIssued).output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("not-a-token").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> sfn.sendTaskFailure(b -> b.taskToken("not-a-token").error("E")))
                .isInstanceOf(InvalidTokenException.class);

        String id = approvalId();
        String arn = start(APPROVAL, id);
        String token = tokenOnceWaiting(arn);
        sfn.sendTaskSuccess(b -> b.taskToken(token).output(decision(id, ApprovalWorkflowDef.REJECTED)));

        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output(decision(id, ApprovalWorkflowDef.APPROVED))))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> sfn.sendTaskFailure(b -> b.taskToken(token).error("Late")))
                .isInstanceOf(TaskTimedOutException.class);
        stepFunctions.awaitQuiet(arn, QUIET_WITHIN);
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-await", "t-outcome");
    }

    @Test
    void sendTaskSuccess_whenManyThreadsRaceOnOneToken_exactlyOneWins() throws Exception {
        String id = approvalId();
        String arn = start(APPROVAL, id);
        String token = tokenOnceWaiting(arn);
        int racers = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        List<Future<Boolean>> answers = new ArrayList<>();
        try {
            for (int racer = 0; racer < racers; racer++) {
                String output = "{\"approvalId\":\"" + id + "\",\"decision\":\"APPROVED\",\"by\":" + racer + "}";
                answers.add(threads.submit(() -> {
                    go.await();
                    try {
                        sfn.sendTaskSuccess(b -> b.taskToken(token).output(output));
                        return true;
                    } catch (TaskTimedOutException spent) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int wins = 0;
            for (Future<Boolean> answer : answers) {
                wins += answer.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }

        assertThat(stepFunctions.awaitQuiet(arn, QUIET_WITHIN).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-await", "t-apply", "t-outcome");
        assertThat(StepCalls.last(id, "t-apply").input()).containsKey("by");
    }

    @Test
    void api_whenAskedForWhatDoesNotExistOrIsInvalid_answersTheSdksTypedExceptions() throws Exception {
        String unknownMachine = "arn:aws:states:us-east-1:000000000000:stateMachine:warroom-nothing";
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(unknownMachine).name("x").input("{}")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(stepFunctions.executionArn(APPROVAL, "nobody"))))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(stepFunctions.stateMachineArn(APPROVAL))
                .name("has space").input("{}")))
                .isInstanceOf(InvalidNameException.class);

        String id = approvalId();
        String token = tokenOnceWaiting(start(APPROVAL, id));
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{not json")))
                .isInstanceOf(InvalidOutputException.class);
        assertThat(stepFunctions.waitingTaskToken(stepFunctions.executionArn(APPROVAL, id))).contains(token);
    }

    @Test
    void listExecutions_filtersByStatusNewestFirst() throws Exception {
        String ended = approvalId();
        String endedArn = start(APPROVAL, ended);
        String token = tokenOnceWaiting(endedArn);
        sfn.sendTaskSuccess(b -> b.taskToken(token).output(decision(ended, ApprovalWorkflowDef.REJECTED)));
        stepFunctions.awaitQuiet(endedArn, QUIET_WITHIN);
        clock.advance(Duration.ofMinutes(1));
        String waiting = approvalId();
        String waitingArn = start(APPROVAL, waiting);
        tokenOnceWaiting(waitingArn);

        List<String> all = sfn.listExecutions(b -> b.stateMachineArn(stepFunctions.stateMachineArn(APPROVAL))).executions().stream()
                .map(ExecutionListItem::executionArn).toList();
        List<ExecutionListItem> running = sfn.listExecutions(b -> b.stateMachineArn(stepFunctions.stateMachineArn(APPROVAL))
                .statusFilter("RUNNING")).executions();

        assertThat(all).containsExactly(waitingArn, endedArn);
        assertThat(running).extracting(ExecutionListItem::executionArn).containsExactly(waitingArn);
        assertThat(sfn.describeExecution(b -> b.executionArn(waitingArn)).output()).isNull();
    }

    @Test
    void awaitQuiet_whenAStepIsStillRunning_throwsTimeoutExceptionAndReturnsOnceItWaits() throws Exception {
        BlockingStep.gate = new CountDownLatch(1);
        String id = approvalId();
        String arn = start(TestWorkflows.BLOCKING_RECORD, id);
        try {
            assertThatThrownBy(() -> stepFunctions.awaitQuiet(arn, Duration.ofMillis(50))).isInstanceOf(TimeoutException.class);
            assertThat(stepFunctions.waitingTaskToken(arn)).isEmpty();
        } finally {
            BlockingStep.gate.countDown();
        }

        assertThat(stepFunctions.awaitQuiet(arn, QUIET_WITHIN).waitingTaskToken()).isPresent();
        assertThatThrownBy(() -> stepFunctions.awaitQuiet(stepFunctions.executionArn(APPROVAL, "nobody"), QUIET_WITHIN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String start(ApprovalWorkflowDef workflow, String id) {
        return sfn.startExecution(b -> b.stateMachineArn(stepFunctions.stateMachineArn(workflow)).name(id).input(input(id)))
                .executionArn();
    }

    private String tokenOnceWaiting(String executionArn) throws InterruptedException, TimeoutException {
        ExecutionView view = stepFunctions.awaitQuiet(executionArn, QUIET_WITHIN);
        assertThat(view.state()).isEqualTo(ApprovalWorkflowDef.WAIT_FOR_DECISION);
        return view.waitingTaskToken().orElseThrow();
    }

    private static String approvalId() {
        return "apr-" + UUID.randomUUID();
    }

    private static String input(String id) {
        return "{\"approvalId\":\"" + id + "\"}";
    }

    private static String decision(String id, String decision) {
        return "{\"approvalId\":\"" + id + "\",\"decision\":\"" + decision + "\"}";
    }

    private static Map<String, Object> map(String json) throws Exception {
        return JSON.readValue(json, new TypeReference<>() {
        });
    }
}
