package com.warroom.local.stack.sfn;

import static com.warroom.topology.ApprovalWorkflowDef.APPLY_ACTION;
import static com.warroom.topology.ApprovalWorkflowDef.DECIDED;
import static com.warroom.topology.ApprovalWorkflowDef.RECORD_OUTCOME;
import static com.warroom.topology.ApprovalWorkflowDef.RECORD_REQUEST;
import static com.warroom.topology.ApprovalWorkflowDef.WAIT_FOR_DECISION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.topology.ApprovalWorkflowDef;

/**
 * Runs one execution of a {@link ApprovalWorkflowDef} the way its Step Functions state machine (infra's
 * {@code ApprovalWorkflow}) does: RecordRequest → WaitForDecision (invoke with a task token, then wait for the token
 * or the timeout) → Decided → ApplyAction when {@code $.decision} is the string APPROVED → RecordOutcome.
 * A failure of RecordRequest, WaitForDecision or ApplyAction is caught into RecordOutcome with the failed step's
 * input plus {@code "error": {"Error","Cause"}} ({@code ResultPath: $.error}); a task's output replaces the state
 * ({@code OutputPath: $.Payload}); a failure of RecordOutcome fails the execution. Steps run on worker threads; a
 * decision resumes the run on one.
 */
final class WorkflowRun implements ExecutionRun {

    private static final String TIMEOUT = "States.Timeout";

    private final Execution execution;
    private final ApprovalWorkflowDef workflow;
    private final Workers workers;
    private volatile JsonNode decisionInput;

    WorkflowRun(Execution execution, ApprovalWorkflowDef workflow, Workers workers) {
        this.execution = execution;
        this.workflow = workflow;
        this.workers = workers;
    }

    @Override
    public Execution execution() {
        return execution;
    }

    @Override
    public void start(JsonNode input) {
        resume(() -> recordRequest(input));
    }

    /** Continues from the Decided choice, as an execution whose wait a decision completed with {@code decided}. */
    void startAfterDecision(JsonNode decided) {
        resume(() -> decided(decided));
    }

    /** Completes the waiting task with this token: false when the token is not (or no longer) the one it waits on. */
    boolean complete(String token, TaskResult result) {
        return switch (execution.complete(token, result)) {
            case REFUSED -> false;
            case INVOKER_CONTINUES -> true;
            case CALLER_CONTINUES -> {
                resume(() -> afterDecision(result));
                yield true;
            }
        };
    }

    /** Times the waiting task out when its deadline has passed at the runtime clock's current time. */
    boolean fireTimeoutIfDue() {
        return execution.timedOutToken(workers.clock().instant())
                .map(token -> complete(token, new TaskResult.Failed(TIMEOUT,
                        "The task did not complete within its timeout of " + workflow.decisionTimeout().toSeconds() + " seconds")))
                .orElse(false);
    }

    private void resume(Runnable steps) {
        workers.run(execution, steps);
    }

    private void recordRequest(JsonNode input) {
        execution.enter(RECORD_REQUEST);
        switch (workers.lambda().invoke(workflow.record(), input)) {
            case TaskResult.Succeeded succeeded -> waitForDecision(succeeded.output());
            case TaskResult.Failed failed -> caught(input, failed);
        }
    }

    private void waitForDecision(JsonNode state) {
        execution.enter(WAIT_FOR_DECISION);
        JsonNode approvalId = state.isObject() ? state.get("approvalId") : null;
        if (approvalId == null) {
            failRuntime("An error occurred while executing the state '" + WAIT_FOR_DECISION + "'. The JSONPath '$.approvalId'"
                    + " specified for the field 'approvalId.$' could not be found in the input '" + StatesJson.write(state) + "'");
            return;
        }
        decisionInput = state;
        String token = workers.tokens().issue(this);
        execution.awaitTask(token, workers.clock().instant().plus(workflow.decisionTimeout()));
        ObjectNode payload = StatesJson.MAPPER.createObjectNode();
        payload.set("approvalId", approvalId);
        payload.put("taskToken", token);
        TaskResult invocation = workers.lambda().invoke(workflow.awaitDecision(), payload);
        execution.invocationReturned(invocation).ifPresent(this::afterDecision);
    }

    private void afterDecision(TaskResult decision) {
        switch (decision) {
            case TaskResult.Succeeded succeeded -> decided(succeeded.output());
            case TaskResult.Failed failed -> caught(decisionInput, failed);
        }
    }

    // as the CDK definition's Choice: IsPresent, IsString and StringEquals APPROVED, otherwise RecordOutcome
    private void decided(JsonNode state) {
        execution.enter(DECIDED);
        JsonNode decision = state.isObject() ? state.get("decision") : null;
        if (decision != null && decision.isTextual() && ApprovalWorkflowDef.APPROVED.equals(decision.textValue())) {
            applyAction(state);
        } else {
            recordOutcome(state);
        }
    }

    private void applyAction(JsonNode state) {
        execution.enter(APPLY_ACTION);
        switch (workers.lambda().invoke(workflow.apply(), state)) {
            case TaskResult.Succeeded succeeded -> recordOutcome(succeeded.output());
            case TaskResult.Failed failed -> caught(state, failed);
        }
    }

    private void caught(JsonNode state, TaskResult.Failed failure) {
        StatesJson.withError(state, failure).ifPresentOrElse(this::recordOutcome, () -> failRuntime(StatesJson.noObjectForError(state)));
    }

    private void recordOutcome(JsonNode state) {
        execution.enter(RECORD_OUTCOME);
        switch (workers.lambda().invoke(workflow.outcome(), state)) {
            case TaskResult.Succeeded succeeded -> execution.succeed(StatesJson.write(succeeded.output()), workers.clock().instant());
            case TaskResult.Failed failed -> execution.fail(failed.error(), failed.cause(), workers.clock().instant());
        }
    }

    // States.Runtime is not caught by States.ALL: the execution fails, as in AWS
    private void failRuntime(String cause) {
        workers.failRuntime(execution, cause);
    }
}
