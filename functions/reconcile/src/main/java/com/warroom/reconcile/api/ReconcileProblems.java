package com.warroom.reconcile.api;

import com.warroom.http.Problem;
import com.warroom.reconcile.findings.Finding;
import com.warroom.reconcile.run.ReconcileRun;

/** The reconcile routes' refusals, each a problem with its own type. */
final class ReconcileProblems {

    private ReconcileProblems() {
    }

    static Problem runInProgress(ReconcileRun running) {
        return Problem.of(409, "reconcile-run-in-progress", "A run of this day is in progress",
                        "run " + running.runId() + " of " + running.day() + " is RUNNING (started " + running.startedAt()
                                + "); start again once it has ended")
                .with("runId", running.runId());
    }

    static Problem workflowNotStarted(ReconcileRun run) {
        return Problem.of(503, "reconcile-workflow-unavailable", "The run could not be started",
                        "run " + run.runId() + " is FAILED: " + run.error().orElse("its workflow did not start") + "; the day is free, try again")
                .with("runId", run.runId());
    }

    static Problem runNotFound(String runId) {
        return Problem.notFound("no reconcile run " + runId);
    }

    static Problem reportNotReady(ReconcileRun run) {
        return Problem.of(409, "reconcile-report-not-ready", "The run has no report",
                "run " + run.runId() + " is " + run.status() + ": a report exists once it is COMPLETED").with("runId", run.runId());
    }

    static Problem findingNotFound(String findingId) {
        return Problem.notFound("no reconcile finding " + findingId);
    }

    static Problem notAcknowledgeable(Finding finding) {
        return Problem.of(409, "finding-not-open", "Only an OPEN finding can be acknowledged",
                        "finding " + finding.findingId() + " is " + finding.status()
                                + finding.acknowledgement().map(a -> " (ticket " + a.ticket() + ")").orElse(""))
                .with("findingStatus", finding.status().name());
    }
}
