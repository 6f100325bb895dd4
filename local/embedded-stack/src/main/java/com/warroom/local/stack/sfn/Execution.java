package com.warroom.local.stack.sfn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * One execution's state, guarded by its monitor: the state it is in, the task it waits on, how it ended.
 * {@link WorkflowRun} moves it along; API calls and timeouts complete its waiting task, and exactly one of
 * them can.
 */
final class Execution {

    /** What completing the waiting task means for the caller. */
    enum Completion {
        /** Not this execution's waiting task, or already completed: the token is spent. */
        REFUSED,
        /** Accepted while the task's invocation still runs; the invoking thread carries on. */
        INVOKER_CONTINUES,
        /** Accepted; the caller must carry the run on. */
        CALLER_CONTINUES
    }

    private final String arn;
    private final String name;
    private final String stateMachineArn;
    private final String input;
    private final Instant startDate;

    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private String state = "";
    private final List<String> entered = new ArrayList<>();
    private WaitingTask waiting;
    private Instant stopDate;
    private String output;
    private String error;
    private String cause;

    Execution(String arn, String name, String stateMachineArn, String input, Instant startDate) {
        this.arn = arn;
        this.name = name;
        this.stateMachineArn = stateMachineArn;
        this.input = input;
        this.startDate = startDate;
    }

    String arn() {
        return arn;
    }

    String input() {
        return input;
    }

    Instant startDate() {
        return startDate;
    }

    synchronized boolean open() {
        return status == ExecutionStatus.RUNNING;
    }

    synchronized void enter(String stateName) {
        state = stateName;
        entered.add(stateName);
        waiting = null;
        notifyAll();
    }

    synchronized void awaitTask(String token, Instant deadline) {
        waiting = new WaitingTask(token, deadline);
    }

    /**
     * The waiting task's own invocation returned. Answers what to continue with now: the completion that came
     * first, or the invocation's failure; empty when the task now waits for its token.
     */
    synchronized Optional<TaskResult> invocationReturned(TaskResult invocation) {
        waiting.invocationDone = true;
        if (waiting.completion == null && invocation instanceof TaskResult.Failed) {
            waiting.completion = invocation;
        }
        notifyAll();
        return Optional.ofNullable(waiting.completion);
    }

    synchronized Completion complete(String token, TaskResult result) {
        if (waiting == null || !waiting.token.equals(token) || waiting.completion != null) {
            return Completion.REFUSED;
        }
        waiting.completion = result;
        notifyAll();
        return waiting.invocationDone ? Completion.CALLER_CONTINUES : Completion.INVOKER_CONTINUES;
    }

    /** The token of the waiting task when its timeout is due at {@code now}. */
    synchronized Optional<String> timedOutToken(Instant now) {
        boolean due = waiting != null && waiting.completion == null && !now.isBefore(waiting.deadline);
        return due ? Optional.of(waiting.token) : Optional.empty();
    }

    synchronized void succeed(String result, Instant at) {
        end(ExecutionStatus.SUCCEEDED, at);
        output = result;
    }

    synchronized void fail(String errorName, String errorCause, Instant at) {
        end(ExecutionStatus.FAILED, at);
        error = errorName;
        cause = errorCause;
    }

    private void end(ExecutionStatus ended, Instant at) {
        status = ended;
        stopDate = at;
        waiting = null;
        notifyAll();
    }

    /** Every state the execution entered so far, in the order it entered them (a state entered twice is listed twice). */
    synchronized List<String> statesEntered() {
        return List.copyOf(entered);
    }

    synchronized ExecutionView view() {
        Optional<String> token = waiting == null || waiting.completion != null ? Optional.empty() : Optional.of(waiting.token);
        return new ExecutionView(arn, stateMachineArn, name, status, state, input, Optional.ofNullable(output),
                Optional.ofNullable(error), Optional.ofNullable(cause), token, startDate, Optional.ofNullable(stopDate));
    }

    /** Waits until the execution has ended or waits for a task token with nothing else left to run. */
    synchronized ExecutionView awaitQuiet(Duration within) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!quiet()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("execution " + arn + " still busy in state " + state + " after " + within);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return view();
    }

    private boolean quiet() {
        return status != ExecutionStatus.RUNNING || (waiting != null && waiting.invocationDone && waiting.completion == null);
    }

    private static final class WaitingTask {
        private final String token;
        private final Instant deadline;
        private boolean invocationDone;
        private TaskResult completion;

        private WaitingTask(String token, Instant deadline) {
            this.token = token;
            this.deadline = deadline;
        }
    }
}
