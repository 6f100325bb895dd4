package com.warroom.reconcile.run;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.lambda.Envelope;
import com.warroom.reconcile.check.Check;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task Prepare: input {@code {"runId","day"}} (the execution's), output {@code {"runId","day","segments":[{"runId","day",
 * "table","segment","totalSegments"}]}}, the segments of every table the checks scan ({@link SegmentPlanner}).
 */
public final class PrepareHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final RunStore runs;
    private final SegmentPlanner planner;
    private final List<Check> checks;

    public PrepareHandler() {
        this(Wiring.runs(AwsClients.dynamoDb()), SegmentPlanner.fromSettings(AwsClients.dynamoDb()), ReconcileChecks.fromEnvironment());
    }

    public PrepareHandler(RunStore runs, SegmentPlanner planner, List<Check> checks) {
        this.runs = runs;
        this.planner = planner;
        this.checks = List.copyOf(checks);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Envelope.rethrowing(context, Envelope.requestId(context, "local"), () -> {
            String runId = StepInput.runId(input);
            LocalDate day = StepInput.day(input);
            ReconcileRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
            if (run.status() != RunStatus.RUNNING || !run.day().equals(day)) {
                throw new IllegalStateException("run " + runId + " is " + run.status() + " of " + run.day() + ": not to be prepared");
            }
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("runId", runId);
            output.put("day", day.toString());
            output.put("segments", planner.plan(runId, day, checks).stream().map(Segment::toMap).toList());
            return output;
        });
    }
}
