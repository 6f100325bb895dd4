package com.warroom.local.stack.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.topology.ApprovalWorkflowDef;
import com.warroom.topology.ScanWorkflowDef;
import com.warroom.topology.WorkflowDef;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/** The local Step Functions runtime: registered state machines, their executions and waiting tasks. */
final class StateMachines implements AutoCloseable {

    static final String ACCOUNT = "000000000000";
    private static final int MAX_NAME_LENGTH = 80;
    // AWS refuses whitespace, brackets, wildcards, these specials and control characters in execution names
    private static final Pattern INVALID_NAME = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");

    private final String region;
    private final Clock clock;
    private final ExecutorService executor;
    private final Workers workers;
    private final ConcurrentMap<String, StateMachine> machines = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ExecutionRun> runs = new ConcurrentHashMap<>();

    StateMachines(String region, Clock clock, ClassLoader handlers, RetryWait retryWait) {
        this.region = region;
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("local-sfn-worker-", 0).factory());
        this.workers = new Workers(new LambdaInvoker(handlers), new TaskTokens(), executor, clock, retryWait);
    }

    String register(WorkflowDef workflow) {
        String arn = stateMachineArn(workflow);
        machines.putIfAbsent(arn, new StateMachine(arn, workflow, clock.instant()));
        return arn;
    }

    String stateMachineArn(WorkflowDef workflow) {
        return "arn:aws:states:" + region + ":" + ACCOUNT + ":stateMachine:" + workflow.localName();
    }

    String executionArn(String stateMachineName, String executionName) {
        return "arn:aws:states:" + region + ":" + ACCOUNT + ":execution:" + stateMachineName + ":" + executionName;
    }

    Collection<StateMachine> stateMachines() {
        return List.copyOf(machines.values());
    }

    /**
     * Starts an execution, or answers the open one of the same name and input (AWS treats that call as a retry);
     * ExecutionAlreadyExists for the same name with another input, or once that execution has ended.
     */
    Execution start(String stateMachineArn, Optional<String> requestedName, String input) {
        return begin(stateMachineArn, requestedName, input, ExecutionRun::start);
    }

    /**
     * Local only: an execution that enters at the Decided choice with {@code decided} (what the decision route sent
     * when it completed the wait), for a decision taken before a restart lost the execution that waited for it.
     * AWS keeps executions across restarts and has no such call. Same naming rules and answers as {@link #start}.
     */
    Execution startAfterDecision(String stateMachineArn, String name, String decided) {
        if (!(stateMachine(stateMachineArn).workflow() instanceof ApprovalWorkflowDef)) {
            throw new IllegalArgumentException(stateMachineArn + " is no approval workflow: it takes no decision");
        }
        return begin(stateMachineArn, Optional.of(name), decided, (run, decision) -> {
            switch (run) {
                case WorkflowRun approval -> approval.startAfterDecision(decision);
                case ScanRun scan -> throw new IllegalStateException("a scan run for the approval workflow " + stateMachineArn);
            }
        });
    }

    private Execution begin(String stateMachineArn, Optional<String> requestedName, String input, BiConsumer<ExecutionRun, JsonNode> first) {
        StateMachine machine = stateMachine(stateMachineArn);
        String name = requestedName.orElseGet(() -> UUID.randomUUID().toString());
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || INVALID_NAME.matcher(name).find()) {
            throw new SfnError("InvalidName", "Invalid Name: '" + name + "'");
        }
        JsonNode document = StatesJson.parse(input)
                .orElseThrow(() -> new SfnError("InvalidExecutionInput", "Invalid State Machine Execution Input: 'not valid JSON'"));
        String arn = executionArn(machine.name(), name);
        var execution = new Execution(arn, name, machine.arn(), input, clock.instant());
        ExecutionRun fresh = switch (machine.workflow()) {
            case ApprovalWorkflowDef approval -> new WorkflowRun(execution, approval, workers);
            case ScanWorkflowDef scan -> new ScanRun(execution, scan, workers);
        };
        ExecutionRun existing = runs.putIfAbsent(arn, fresh);
        if (existing == null) {
            first.accept(fresh, document);
            return execution;
        }
        if (existing.execution().open() && existing.execution().input().equals(input)) {
            return existing.execution();
        }
        throw new SfnError("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
    }

    void sendTaskSuccess(String token, String output) {
        JsonNode document = StatesJson.parse(output)
                .orElseThrow(() -> new SfnError("InvalidOutput", "Invalid Output: 'not valid JSON'"));
        complete(token, new TaskResult.Succeeded(document));
    }

    void sendTaskFailure(String token, Optional<String> error, Optional<String> cause) {
        complete(token, new TaskResult.Failed(error.orElse(null), cause.orElse(null)));
    }

    private void complete(String token, TaskResult result) {
        if (!workers.tokens().owner(token).complete(token, result)) {
            throw new SfnError("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
    }

    Execution execution(String executionArn) {
        requireArn(executionArn);
        ExecutionRun run = runs.get(executionArn);
        if (run == null) {
            throw new SfnError("ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
        }
        return run.execution();
    }

    Optional<Execution> find(String executionArn) {
        return Optional.ofNullable(runs.get(executionArn)).map(ExecutionRun::execution);
    }

    /** The state machine's executions, newest first. */
    List<ExecutionView> executions(String stateMachineArn) {
        String machine = stateMachine(stateMachineArn).arn();
        return runs.values().stream().map(run -> run.execution().view())
                .filter(view -> view.stateMachineArn().equals(machine))
                .sorted(Comparator.comparing(ExecutionView::startDate).reversed().thenComparing(ExecutionView::name))
                .toList();
    }

    /** What a restart loses: every execution and every task token, which this runtime keeps only in memory. */
    void forgetExecutions() {
        runs.clear();
        workers.tokens().forgetAll();
    }

    /** Times out every waiting task whose deadline has passed at the clock's current time; answers how many. */
    int fireDueTimeouts() {
        int fired = 0;
        for (ExecutionRun run : runs.values()) {
            boolean timedOut = switch (run) {
                case WorkflowRun approval -> approval.fireTimeoutIfDue();
                // no state of a scan waits with a deadline of its own
                case ScanRun scan -> false;
            };
            if (timedOut) {
                fired++;
            }
        }
        return fired;
    }

    private StateMachine stateMachine(String arn) {
        requireArn(arn);
        StateMachine machine = machines.get(arn);
        if (machine == null) {
            throw new SfnError("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    private static void requireArn(String arn) {
        if (!arn.startsWith("arn:")) {
            throw new SfnError("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
