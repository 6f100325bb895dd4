package com.warroom.topology;

import java.time.Duration;
import java.util.List;

/**
 * The two-person approval workflow, as both Step Functions (in AWS) and the embedded stack (locally)
 * run it: record the request, wait for a decision (a task token the decision route completes, or a
 * timeout), apply the action when approved, record the outcome. Every path ends in {@code RecordOutcome}.
 *
 * <p>Each task function is a {@code RequestHandler<Map<String, Object>, Map<String, Object>>}. The
 * execution input is {@code {"approvalId"}}. {@code awaitDecision} gets {@code {"approvalId","taskToken"}}
 * and keeps the token; the decision route completes it with {@code {"approvalId","decision"}} where decision
 * is {@code APPROVED} or {@code REJECTED}. On a timeout or a failed apply, {@code RecordOutcome} gets the
 * state with {@code "error": {"Error", "Cause"}} added.
 */
public record ApprovalWorkflowDef(String logicalName, String arnEnvVar, FunctionDef record, FunctionDef awaitDecision,
                          FunctionDef apply, FunctionDef outcome, Duration decisionTimeout) implements WorkflowDef {

    public static final String RECORD_REQUEST = "RecordRequest";
    public static final String WAIT_FOR_DECISION = "WaitForDecision";
    public static final String DECIDED = "Decided";
    public static final String APPLY_ACTION = "ApplyAction";
    public static final String RECORD_OUTCOME = "RecordOutcome";
    /** The states in the order an approved request passes them. */
    public static final List<String> STATES = List.of(RECORD_REQUEST, WAIT_FOR_DECISION, DECIDED, APPLY_ACTION, RECORD_OUTCOME);

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    /** The task functions, in state order. */
    @Override
    public List<FunctionDef> functions() {
        return List.of(record, awaitDecision, apply, outcome);
    }
}
