package com.warroom.reconcile.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.lambda.Envelope;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.observability.OpsNotices;
import com.warroom.reconcile.run.StepInput;
import com.warroom.reconcile.run.Wiring;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task Report (ends the execution): input the Combine output, output {@code {"runId","day","status","findings","byRisk",
 * "report"}} ({@link Reporter}).
 */
public final class ReportHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Reporter reporter;

    public ReportHandler() {
        this(new Reporter(Wiring.runs(AwsClients.dynamoDb()), Wiring.bucket(), OpsNotices.fromSettings(AwsClients.sns()), Clock.systemUTC()));
    }

    public ReportHandler(Reporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Envelope.rethrowing(context, Envelope.requestId(context, "local"), () -> {
            ReconcileRun run = reporter.report(StepInput.runId(input));
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("runId", run.runId());
            output.put("day", run.day().toString());
            output.put("status", run.status().name());
            output.put("findings", run.counts().map(c -> c.total()).orElse(0));
            Map<String, Object> byRisk = new LinkedHashMap<>();
            run.counts().ifPresent(c -> c.byRisk().forEach((risk, n) -> byRisk.put(risk.name(), n)));
            output.put("byRisk", byRisk);
            output.put("report", RunView.reportPath(run.runId()));
            return output;
        });
    }
}
