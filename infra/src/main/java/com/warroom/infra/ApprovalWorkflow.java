package com.warroom.infra;

import static com.warroom.topology.ApprovalWorkflowDef.APPLY_ACTION;
import static com.warroom.topology.ApprovalWorkflowDef.DECIDED;
import static com.warroom.topology.ApprovalWorkflowDef.RECORD_OUTCOME;
import static com.warroom.topology.ApprovalWorkflowDef.RECORD_REQUEST;
import static com.warroom.topology.ApprovalWorkflowDef.WAIT_FOR_DECISION;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.ApprovalWorkflowDef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Errors;
import software.amazon.awscdk.services.stepfunctions.IntegrationPattern;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.Timeout;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/**
 * The two-person approval state machine of one {@link ApprovalWorkflowDef}: record the request, wait for a decision (a task
 * token handed to the await function, completed by the decision route or timed out), apply the action when approved,
 * record the outcome. Every step invokes its function's {@code live} alias; a failure or timeout of any step before
 * the outcome is caught into {@code RecordOutcome} with {@code $.error}, and the execution as a whole has a timeout
 * longer than every step can take, so no execution waits forever.
 */
public final class ApprovalWorkflow extends Construct implements WarroomWorkflow {

    /** Errors of the Lambda service itself (the function did not answer): worth another attempt, unlike a handler's own error. */
    static final List<String> LAMBDA_SERVICE_ERRORS = List.of("Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException",
            "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException");
    static final int MAX_RETRIES = 6;
    static final Duration FIRST_RETRY_INTERVAL = Duration.ofSeconds(2);
    static final int BACKOFF_RATE = 2;
    /** A step outlives its function by this, so a slow function fails with its own timeout error rather than the step's. */
    static final Duration STEP_TIMEOUT_MARGIN = Duration.ofMinutes(1);
    /** Where a caught error goes in the state that {@code RecordOutcome} receives. */
    static final String ERROR_PATH = "$.error";
    static final String DECISION_PATH = "$.decision";

    /** What a workflow is built from; the functions must include the workflow's four task functions. */
    public record Props(ApprovalWorkflowDef definition, String stateMachineName, Map<FunctionDef, WarroomFunction> functions,
            Duration decisionTimeout, RetentionDays logRetention) {
        public Props {
            functions = Map.copyOf(functions);
        }
    }

    private final ApprovalWorkflowDef definition;
    private final Map<FunctionDef, WarroomFunction> functions;
    private final Duration decisionTimeout;
    private final Duration executionTimeout;
    private final LogGroup logs;
    private final StateMachine stateMachine;

    public ApprovalWorkflow(Construct scope, String id, Props props) {
        super(scope, id);
        definition = props.definition();
        functions = props.functions();
        decisionTimeout = props.decisionTimeout();
        executionTimeout = executionTimeout(decisionTimeout, List.of(definition.record(), definition.apply(), definition.outcome()));

        // built back to front: each state names the one after it
        LambdaInvoke recordOutcome = step(RECORD_OUTCOME, definition.outcome(),
                "Records the outcome (approved and applied, rejected, expired or failed) with its audit entry; ends the execution");
        LambdaInvoke applyAction = catchingInto(step(APPLY_ACTION, definition.apply(),
                "Applies the approved action"), recordOutcome);
        applyAction.next(recordOutcome);
        Choice decided = Choice.Builder.create(this, DECIDED)
                .comment("Only an explicit " + ApprovalWorkflowDef.APPROVED + " applies the action; anything else is recorded as it is")
                .build()
                // IsPresent first: And stops at the first false, and a missing path would otherwise fail the execution
                .when(Condition.and(Condition.isPresent(DECISION_PATH), Condition.isString(DECISION_PATH),
                        Condition.stringEquals(DECISION_PATH, ApprovalWorkflowDef.APPROVED)), applyAction)
                .otherwise(recordOutcome);
        LambdaInvoke waitForDecision = catchingInto(waitForDecision(), recordOutcome);
        waitForDecision.next(decided);
        LambdaInvoke recordRequest = catchingInto(step(RECORD_REQUEST, definition.record(),
                "Records the request and tells the approvers"), recordOutcome);
        recordRequest.next(waitForDecision);

        logs = LogGroup.Builder.create(this, "Logs").retention(props.logRetention()).build();
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(props.stateMachineName())
                .stateMachineType(StateMachineType.STANDARD)
                .comment("Warroom " + definition.logicalName() + ": two-person approval; executions are named after the request")
                .definitionBody(DefinitionBody.fromChainable(recordRequest))
                .timeout(cdk(executionTimeout))
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();
    }

    @Override
    public ApprovalWorkflowDef definition() {
        return definition;
    }

    @Override
    public StateMachine stateMachine() {
        return stateMachine;
    }

    @Override
    public LogGroup logs() {
        return logs;
    }

    /** How long {@code WaitForDecision} waits before the request expires. */
    public Duration decisionTimeout() {
        return decisionTimeout;
    }

    /** The state machine's own timeout: the decision timeout plus whole hours covering the other steps' worst case. */
    public Duration executionTimeout() {
        return executionTimeout;
    }

    /** Every attempt of every other step timing out, with the waits between attempts, rounded up to whole hours. */
    static Duration executionTimeout(Duration decisionTimeout, List<FunctionDef> otherSteps) {
        Duration worstCase = otherSteps.stream()
                .map(step -> stepTimeout(step).multipliedBy(MAX_RETRIES + 1L).plus(retryWaits()))
                .reduce(Duration.ZERO, Duration::plus);
        long hours = Math.max(1, (worstCase.toSeconds() + 3599) / 3600);
        return decisionTimeout.plusHours(hours);
    }

    static Duration stepTimeout(FunctionDef function) {
        return Duration.ofSeconds(function.timeoutSeconds()).plus(STEP_TIMEOUT_MARGIN);
    }

    private static Duration retryWaits() {
        Duration total = Duration.ZERO;
        Duration wait = FIRST_RETRY_INTERVAL;
        for (int retry = 0; retry < MAX_RETRIES; retry++) {
            total = total.plus(wait);
            wait = wait.multipliedBy(BACKOFF_RATE);
        }
        return total;
    }

    /** A plain step: its function gets the state, and what the function returns becomes the state. */
    private LambdaInvoke step(String state, FunctionDef function, String comment) {
        LambdaInvoke step = LambdaInvoke.Builder.create(this, state)
                .comment(comment)
                .lambdaFunction(live(function))
                .outputPath("$.Payload")
                .taskTimeout(Timeout.duration(cdk(stepTimeout(function))))
                // the retry below instead of CDK's default, so that its numbers are the ones the execution timeout counts
                .retryOnServiceExceptions(false)
                .build();
        step.addRetry(RetryProps.builder()
                .errors(LAMBDA_SERVICE_ERRORS)
                .interval(cdk(FIRST_RETRY_INTERVAL))
                .maxAttempts(MAX_RETRIES)
                .backoffRate(BACKOFF_RATE)
                .build());
        return step;
    }

    /**
     * The callback step: the await function keeps the token; the decision route's SendTaskSuccess output
     * ({@code approvalId}, {@code decision}) becomes the state. Not retried: each attempt would mint another token.
     */
    private LambdaInvoke waitForDecision() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("approvalId", JsonPath.stringAt("$.approvalId"));
        payload.put("taskToken", JsonPath.getTaskToken());
        return LambdaInvoke.Builder.create(this, WAIT_FOR_DECISION)
                .comment("Waits for the decision route to complete the task token; expires after the decision timeout")
                .lambdaFunction(live(definition.awaitDecision()))
                .integrationPattern(IntegrationPattern.WAIT_FOR_TASK_TOKEN)
                .payload(TaskInput.fromObject(payload))
                .taskTimeout(Timeout.duration(cdk(decisionTimeout)))
                .retryOnServiceExceptions(false)
                .build();
    }

    private static LambdaInvoke catchingInto(LambdaInvoke step, LambdaInvoke recordOutcome) {
        step.addCatch(recordOutcome, CatchProps.builder().errors(List.of(Errors.ALL)).resultPath(ERROR_PATH).build());
        return step;
    }

    private Alias live(FunctionDef function) {
        WarroomFunction built = functions.get(function);
        if (built == null) {
            throw new IllegalArgumentException("task function " + function.name() + " has no function in the stack");
        }
        return built.live();
    }

    private static software.amazon.awscdk.Duration cdk(Duration duration) {
        return software.amazon.awscdk.Duration.seconds(duration.toSeconds());
    }
}
