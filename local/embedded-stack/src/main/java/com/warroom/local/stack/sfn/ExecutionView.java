package com.warroom.local.stack.sfn;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one execution, for tests and the local runner: where it is ({@code state} is the state it is in or
 * ended in), what it was given, and how it ended. {@code waitingTaskToken} is present while a task waits for
 * SendTaskSuccess / SendTaskFailure.
 */
public record ExecutionView(String executionArn, String stateMachineArn, String name, ExecutionStatus status, String state,
                            String input, Optional<String> output, Optional<String> error, Optional<String> cause,
                            Optional<String> waitingTaskToken, Instant startDate, Optional<Instant> stopDate) {

    public boolean ended() {
        return status != ExecutionStatus.RUNNING;
    }
}
