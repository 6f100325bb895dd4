package com.warroom.approvals.keeper;

import java.util.List;

/**
 * A keeper run could not start some workflows (Step Functions unreachable or refusing): the invocation fails so that
 * Lambda's retry of the scheduled invocation runs the keeper again, and the failure shows as an error and as
 * {@code InvocationFailed}.
 */
public final class WorkflowsNotStartedException extends RuntimeException {

    private final KeeperRun run;

    public WorkflowsNotStartedException(KeeperRun run) {
        super("the approval workflow could not be started for " + run.unavailable().size() + " request(s): " + run.unavailable());
        this.run = run;
    }

    public KeeperRun run() {
        return run;
    }
}
