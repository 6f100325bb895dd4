package com.warroom.local.stack.sfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.local.stack.LoopbackHttpServer;
import com.warroom.topology.ApprovalWorkflowDef;
import com.warroom.topology.ScanWorkflowDef;
import com.warroom.topology.WorkflowDef;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local Step Functions for Warroom's workflows: speaks the Step Functions JSON protocol on 127.0.0.1 so that the
 * real {@code SfnClient} reaches it through {@code AWS_ENDPOINT_URL_SFN}, and runs each registered workflow as its
 * state machine does in AWS, invoking the task functions in-process: an {@link ApprovalWorkflowDef} with its task
 * token and decision timeout, a {@link ScanWorkflowDef} with its Map state over the segments (items in parallel on
 * real threads, at most its MaxConcurrency at once, each retried as its Retry says).
 *
 * <p>Operations: StartExecution, SendTaskSuccess, SendTaskFailure, DescribeExecution, ListExecutions,
 * ListStateMachines. Executions run on worker threads; tests wait for them with {@link #awaitQuiet} and move
 * time with the clock given to {@link #start} and {@link #fireDueTimeouts}.
 */
public final class LocalStepFunctions implements AutoCloseable {

    private final StateMachines machines;
    private final LoopbackHttpServer server;
    private final ScheduledExecutorService timeoutCheck;

    private LocalStepFunctions(StateMachines machines, LoopbackHttpServer server) {
        this.machines = machines;
        this.server = server;
        this.timeoutCheck = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("local-sfn-timeouts").factory());
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0 picks a free one). ARNs carry {@code region}; start dates, stop dates and
     * task deadlines come from {@code clock}. Handler classes load through this thread's context class loader.
     */
    public static LocalStepFunctions start(int port, String region, Clock clock) throws IOException {
        return start(port, region, clock, RetryWait.REAL);
    }

    /** As {@link #start(int, String, Clock)}, waiting between a task's attempts with {@code retryWait} (tests: not at all). */
    public static LocalStepFunctions start(int port, String region, Clock clock, RetryWait retryWait) throws IOException {
        ClassLoader handlers = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(LocalStepFunctions.class.getClassLoader());
        var machines = new StateMachines(region, clock, handlers, retryWait);
        try {
            return new LocalStepFunctions(machines, LoopbackHttpServer.start(port, "local-sfn", new SfnHttpHandler(new SfnOperations(machines))));
        } catch (IOException | RuntimeException e) {
            machines.close();
            throw e;
        }
    }

    /** Fires due timeouts in the background, every {@code period}, at the clock's current time (the local runner: every second). */
    public LocalStepFunctions checkingTimeoutsEvery(Duration period) {
        timeoutCheck.scheduleAtFixedRate(this::fireDueTimeoutsQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Makes the workflow startable; answers its state machine ARN. Registering again changes nothing. */
    public String register(WorkflowDef workflow) {
        return machines.register(workflow);
    }

    /** {@code arn:aws:states:<region>:000000000000:stateMachine:<localName>} */
    public String stateMachineArn(WorkflowDef workflow) {
        return machines.stateMachineArn(workflow);
    }

    /** {@code arn:aws:states:<region>:000000000000:execution:<localName>:<executionName>} */
    public String executionArn(WorkflowDef workflow, String executionName) {
        return machines.executionArn(workflow.localName(), executionName);
    }

    /**
     * Local only: runs the rest of an execution whose decision was taken before a restart lost it, from the Decided
     * choice with {@code {"approvalId", "decision"}} as the decision route sends it; answers the execution ARN. An
     * execution of that name that is still open is left alone (and answered); one that ended is ExecutionAlreadyExists.
     */
    public String startAfterDecision(ApprovalWorkflowDef workflow, String approvalId, String decision) {
        ObjectNode decided = StatesJson.MAPPER.createObjectNode();
        decided.put("approvalId", approvalId);
        decided.put("decision", decision);
        return machines.startAfterDecision(stateMachineArn(workflow), approvalId, StatesJson.write(decided)).arn();
    }

    /**
     * Loses every execution and task token as a restart of the runner does (they live only in memory), for tests
     * of what a restart leaves behind; the state machines stay registered.
     */
    public void forgetExecutions() {
        machines.forgetExecutions();
    }

    public Optional<ExecutionView> execution(String executionArn) {
        return machines.find(executionArn).map(Execution::view);
    }

    /**
     * The states the execution entered so far, in order: task states, the {@code Decided} choice, a Map state and each
     * of its iterations' states (once per item, in item order; not again for a retry) alike, as the state machine's
     * execution history lists their {@code StateEntered} events. Empty when there is no such execution.
     */
    public List<String> statesEntered(String executionArn) {
        return machines.find(executionArn).map(Execution::statesEntered).orElse(List.of());
    }

    /**
     * Waits until the execution has ended, or waits for a task token with its task's invocation returned (nothing
     * runs until SendTaskSuccess, SendTaskFailure or the timeout).
     *
     * @throws IllegalArgumentException when there is no such execution
     * @throws TimeoutException when it is still busy after {@code within}
     */
    public ExecutionView awaitQuiet(String executionArn, Duration within) throws InterruptedException, TimeoutException {
        Execution execution = machines.find(executionArn)
                .orElseThrow(() -> new IllegalArgumentException("no execution " + executionArn));
        return execution.awaitQuiet(within);
    }

    /** The token of the task the execution waits on, while it waits. */
    public Optional<String> waitingTaskToken(String executionArn) {
        return execution(executionArn).flatMap(ExecutionView::waitingTaskToken);
    }

    /** Times out, with {@code States.Timeout}, every waiting task whose deadline has passed at the clock's current time; answers how many. */
    public int fireDueTimeouts() {
        return machines.fireDueTimeouts();
    }

    // a failed round must not cancel the later ones
    private void fireDueTimeoutsQuietly() {
        try {
            machines.fireDueTimeouts();
        } catch (RuntimeException e) {
            System.getLogger(LocalStepFunctions.class.getName()).log(System.Logger.Level.WARNING, "timeout check failed", e);
        }
    }

    @Override
    public void close() {
        timeoutCheck.shutdownNow();
        server.close();
        machines.close();
    }
}
