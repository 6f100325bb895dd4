package com.warroom.reconcile.run;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.lambda.Envelope;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task Combine: input the Prepare output, output {@code {"runId","day","findings","new","reopened","resolved","byRisk"}}
 * — counts only, since it is the workflow's state; the findings themselves are in the reports bucket ({@link Combiner}).
 */
public final class CombineHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Combiner combiner;

    public CombineHandler() {
        this(new Combiner(ReconcileChecks.fromEnvironment(), Wiring.bucket(), Wiring.runs(AwsClients.dynamoDb()),
                Wiring.findings(AwsClients.dynamoDb()), Clock.systemUTC()));
    }

    public CombineHandler(Combiner combiner) {
        this.combiner = combiner;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Envelope.rethrowing(context, Envelope.requestId(context, "local"), () -> {
            String runId = StepInput.runId(input);
            String day = StepInput.day(input).toString();
            Combiner.Combined combined = combiner.combine(runId, StepInput.segments(input));
            RunCounts counts = combined.counts();
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("runId", runId);
            output.put("day", day);
            output.put("findings", counts.total());
            output.put("new", counts.opened());
            output.put("reopened", counts.reopened());
            output.put("resolved", counts.resolved());
            Map<String, Object> byRisk = new LinkedHashMap<>();
            counts.byRisk().forEach((risk, n) -> byRisk.put(risk.name(), n));
            output.put("byRisk", byRisk);
            return output;
        });
    }
}
