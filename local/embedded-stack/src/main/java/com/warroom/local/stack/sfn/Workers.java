package com.warroom.local.stack.sfn;

import java.time.Clock;
import java.util.concurrent.Executor;

/** What a run needs from its runtime: the task functions, the task tokens, threads, time and the wait between retries. */
record Workers(LambdaInvoker lambda, TaskTokens tokens, Executor executor, Clock clock, RetryWait retryWait) {

    private static final String RUNTIME = "States.Runtime";

    /** Runs {@code steps} of an execution on a worker thread; a bug of this runtime fails the execution rather than hanging it. */
    void run(Execution execution, Runnable steps) {
        executor.execute(() -> {
            try {
                steps.run();
            } catch (RuntimeException bug) {
                execution.fail(RUNTIME, "the local Step Functions runtime failed: " + bug, clock.instant());
                throw bug;
            }
        });
    }

    /** Fails the execution with States.Runtime, which no States.ALL catches: the execution fails, as in AWS. */
    void failRuntime(Execution execution, String cause) {
        execution.fail(RUNTIME, cause, clock.instant());
    }
}
