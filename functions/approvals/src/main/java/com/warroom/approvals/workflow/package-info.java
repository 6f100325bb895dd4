/**
 * The four task functions of the two-person approval workflow (see {@link com.warroom.topology.ApprovalWorkflowDef}).
 *
 * <p>The state machine they expect, with no path that can wait forever:
 * <pre>
 * RecordRequest   Lambda RecordRequestHandler  {approvalId}            Retry transient Lambda errors; Catch States.ALL → RecordOutcome (ResultPath $.error)
 * WaitForDecision Lambda AwaitDecisionHandler  {approvalId, taskToken: $$.Task.Token}
 *                 .waitForTaskToken, TimeoutSeconds = decisionTimeout (24 h by default)
 *                 Catch States.ALL (States.Timeout included) → RecordOutcome (ResultPath $.error)
 *                 the decision route completes it with {approvalId, decision}
 * Decided         Choice: $.decision == "APPROVED" → ApplyAction; otherwise → RecordOutcome
 * ApplyAction     Lambda ApplyApprovalHandler  {approvalId, decision}  Retry transient Lambda errors; Catch States.ALL → RecordOutcome (ResultPath $.error)
 * RecordOutcome   Lambda RecordOutcomeHandler  the state, with error when caught; Retry with backoff, then the execution fails
 * </pre>
 * Every Lambda task also has a TimeoutSeconds of its function's timeout. Each step re-reads the request and
 * is idempotent, so retries are safe; the table, not the state's input, is what the steps trust. The
 * execution is named after the approval id, so one request runs once.
 */
package com.warroom.approvals.workflow;
