package com.warroom.approvals.workflow;

import com.warroom.lambda.Envelope;

/**
 * A workflow step refuses to act on the request as the table shows it. Thrown out of the task, so the
 * state machine's Catch takes the execution to RecordOutcome, which records the request FAILED with
 * this message.
 */
public final class StepRefusedException extends RuntimeException implements Envelope.ExpectedFailure {

    public StepRefusedException(String message) {
        super(message);
    }
}
