package com.warroom.reconcile.run;

import com.warroom.observability.OpsNotices;
import com.warroom.observability.OpsMetrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RecordFailure step: a step failed for good, so the run is FAILED with the error and its day is free again (one
 * transaction), counted and told to the war room. A run that already ended is left as it is.
 */
public final class FailureRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(FailureRecorder.class);

    private final RunStore runs;
    private final OpsNotices notices;
    private final Clock clock;

    public FailureRecorder(RunStore runs, OpsNotices notices, Clock clock) {
        this.runs = runs;
        this.notices = notices;
        this.clock = clock;
    }

    /** True when this call marked the run FAILED. */
    public boolean record(String runId, String error) {
        if (!runs.fail(runId, error, clock.instant())) {
            LOG.warn("reconcile run {} was not RUNNING: its failure ({}) is not recorded again", runId, error);
            return false;
        }
        OpsMetrics.count(RunStarter.FAILED_METRIC);
        ReconcileRun run = runs.find(runId).orElseThrow();
        LOG.error("reconcile run {} of {} FAILED: {}", runId, run.day(), error);
        notices.publish("Warroom reconcile " + run.day() + ": run FAILED",
                "Reconcile run " + runId + " of " + run.day() + " (started by " + run.trigger() + ") FAILED: "
                        + run.error().orElse(error) + "\nThe day is free: start it again with POST /v1/admin/reconcile/runs.");
        return true;
    }
}
