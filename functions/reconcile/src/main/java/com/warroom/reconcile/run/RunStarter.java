package com.warroom.reconcile.run;

import com.warroom.observability.OpsMetrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a run of today (Asia/Jakarta), as the daily schedule and the route do: records it RUNNING with its day's lock,
 * then starts its workflow. A workflow that does not start leaves nothing running: the run is marked FAILED with why,
 * and the day is free again at once.
 */
public final class RunStarter {

    public static final String FAILED_METRIC = "ReconcileRunFailed";
    private static final Logger LOG = LoggerFactory.getLogger(RunStarter.class);

    private final RunStore runs;
    private final ReconcileWorkflow workflow;
    private final Clock clock;

    public RunStarter(RunStore runs, ReconcileWorkflow workflow, Clock clock) {
        this.runs = runs;
        this.workflow = workflow;
        this.clock = clock;
    }

    public sealed interface Outcome {
        record Started(ReconcileRun run, String executionArn) implements Outcome {
        }

        record InProgress(ReconcileRun running) implements Outcome {
        }

        /** The run was recorded but its workflow could not start: it is FAILED now, and the day free. */
        record NotStarted(ReconcileRun run) implements Outcome {
        }
    }

    public Outcome start(String trigger) {
        ReconcileRun run = ReconcileRun.starting(ReconcileDay.today(clock), trigger, clock.instant());
        return switch (runs.start(run)) {
            case RunStore.Start.InProgress busy -> new Outcome.InProgress(busy.running());
            case RunStore.Start.Started started -> {
                ReconcileWorkflow.Started execution = workflow.start(run.runId(), run.day());
                if (execution.executionArn().isPresent()) {
                    LOG.info("reconcile run {} of {} started by {}: {}", run.runId(), run.day(), trigger, execution.executionArn().get());
                    yield new Outcome.Started(run, execution.executionArn().get());
                }
                String why = "the workflow could not be started: " + execution.whyNot().orElse("unknown");
                LOG.error("reconcile run {}: {}", run.runId(), why);
                runs.fail(run.runId(), why, clock.instant());
                OpsMetrics.count(FAILED_METRIC);
                yield new Outcome.NotStarted(runs.find(run.runId()).orElseThrow());
            }
        };
    }
}
