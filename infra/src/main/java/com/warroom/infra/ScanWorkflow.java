package com.warroom.infra;

import static com.warroom.topology.ScanWorkflowDef.COMBINE;
import static com.warroom.topology.ScanWorkflowDef.PREPARE;
import static com.warroom.topology.ScanWorkflowDef.RECORD_FAILURE;
import static com.warroom.topology.ScanWorkflowDef.REPORT;
import static com.warroom.topology.ScanWorkflowDef.RUN_FAILED;
import static com.warroom.topology.ScanWorkflowDef.SCAN_SEGMENT;
import static com.warroom.topology.ScanWorkflowDef.SCAN_SEGMENTS;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.ScanWorkflowDef;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Errors;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;
import software.amazon.awscdk.services.stepfunctions.Timeout;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/**
 * The state machine of one {@link ScanWorkflowDef}: {@code Prepare} → {@code ScanSegments}, a Map over
 * {@code $.segments} running {@code ScanSegment} per item (at most {@code maxConcurrency} at once, each retried on any
 * error) → {@code Combine} → {@code Report}. A failure of any of those four is caught into {@code RecordFailure} with
 * {@code $.error}, and the execution then fails in {@code RunFailed}. Every task invokes its function's {@code live}
 * alias and becomes what the function returns.
 */
public final class ScanWorkflow extends Construct implements WarroomWorkflow {

    /** What a scan workflow is built from; the functions must include the workflow's five task functions. */
    public record Props(ScanWorkflowDef definition, String stateMachineName, Map<FunctionDef, WarroomFunction> functions,
            RetentionDays logRetention) {
        public Props {
            functions = Map.copyOf(functions);
        }
    }

    private final ScanWorkflowDef definition;
    private final Map<FunctionDef, WarroomFunction> functions;
    private final LogGroup logs;
    private final StateMachine stateMachine;

    public ScanWorkflow(Construct scope, String id, Props props) {
        super(scope, id);
        definition = props.definition();
        functions = props.functions();

        Fail runFailed = Fail.Builder.create(this, RUN_FAILED)
                .comment("The run failed; RecordFailure has recorded why")
                .error(ScanWorkflowDef.RUN_FAILED_ERROR)
                .cause(definition.runFailedCause())
                .build();
        LambdaInvoke recordFailure = step(RECORD_FAILURE, definition.recordFailure(),
                "Records the failed run with the error of the state that failed");
        recordFailure.next(runFailed);

        LambdaInvoke segment = task(SCAN_SEGMENT, definition.segment(),
                "Scans one segment, streaming its items and writing its partial aggregates");
        // any error, the Lambda service's included: a segment reads and writes only its own partial aggregates, so
        // another attempt is always safe
        segment.addRetry(RetryProps.builder()
                .errors(List.of(Errors.ALL))
                .maxAttempts(ScanWorkflowDef.SEGMENT_RETRIES)
                .interval(software.amazon.awscdk.Duration.seconds(ScanWorkflowDef.SEGMENT_RETRY_INTERVAL_SECONDS))
                .backoffRate(ScanWorkflowDef.SEGMENT_RETRY_BACKOFF_RATE)
                .build());
        software.amazon.awscdk.services.stepfunctions.Map scanSegments =
                software.amazon.awscdk.services.stepfunctions.Map.Builder.create(this, SCAN_SEGMENTS)
                        .comment("One ScanSegment per item of Prepare's segments; the results stay in the segments' own writes")
                        .itemsPath(ScanWorkflowDef.SEGMENTS_PATH)
                        .maxConcurrency(definition.maxConcurrency())
                        .resultPath(JsonPath.DISCARD)
                        .build();
        scanSegments.itemProcessor(segment);
        scanSegments.addCatch(recordFailure, catchAll());

        LambdaInvoke prepare = catching(step(PREPARE, definition.prepare(), "Lists the segments of the run"), recordFailure);
        LambdaInvoke combine = catching(step(COMBINE, definition.combine(),
                "Combines the segments' partial aggregates and compares them"), recordFailure);
        LambdaInvoke report = catching(step(REPORT, definition.report(), "Stores and sends the report; ends the run"), recordFailure);
        prepare.next(scanSegments).next(combine).next(report);

        logs = LogGroup.Builder.create(this, "Logs").retention(props.logRetention()).build();
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(props.stateMachineName())
                .stateMachineType(StateMachineType.STANDARD)
                .comment("Warroom " + definition.logicalName() + ": a scan in parallel segments; executions are named after the run")
                .definitionBody(DefinitionBody.fromChainable(prepare))
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();
    }

    @Override
    public ScanWorkflowDef definition() {
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

    /** A task: its function gets the state, and what the function returns becomes the state. */
    private LambdaInvoke task(String state, FunctionDef function, String comment) {
        return LambdaInvoke.Builder.create(this, state)
                .comment(comment)
                .lambdaFunction(live(function))
                .outputPath("$.Payload")
                .taskTimeout(Timeout.duration(cdk(ApprovalWorkflow.stepTimeout(function))))
                .retryOnServiceExceptions(false)
                .build();
    }

    /** A task retried, as the approval steps are, on the Lambda service's own failures (throttling, a lost answer) only. */
    private LambdaInvoke step(String state, FunctionDef function, String comment) {
        LambdaInvoke step = task(state, function, comment);
        step.addRetry(RetryProps.builder()
                .errors(ApprovalWorkflow.LAMBDA_SERVICE_ERRORS)
                .interval(cdk(ApprovalWorkflow.FIRST_RETRY_INTERVAL))
                .maxAttempts(ApprovalWorkflow.MAX_RETRIES)
                .backoffRate(ApprovalWorkflow.BACKOFF_RATE)
                .build());
        return step;
    }

    private static <T extends TaskStateBase> T catching(T step, LambdaInvoke recordFailure) {
        step.addCatch(recordFailure, catchAll());
        return step;
    }

    private static CatchProps catchAll() {
        return CatchProps.builder().errors(List.of(Errors.ALL)).resultPath(ApprovalWorkflow.ERROR_PATH).build();
    }

    private Alias live(FunctionDef function) {
        WarroomFunction built = functions.get(function);
        if (built == null) {
            throw new IllegalArgumentException("task function " + function.name() + " has no function in the stack");
        }
        return built.live();
    }

    private static software.amazon.awscdk.Duration cdk(java.time.Duration duration) {
        return software.amazon.awscdk.Duration.seconds(duration.toSeconds());
    }
}
