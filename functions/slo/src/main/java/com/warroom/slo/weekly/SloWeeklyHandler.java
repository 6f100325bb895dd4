package com.warroom.slo.weekly;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.lambda.Envelope;
import com.warroom.lambda.Priming;
import com.warroom.slo.Wiring;
import com.warroom.slo.report.SloReporter;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mondays at 08:00 Asia/Jakarta (EventBridge Scheduler, input {@code {}}): the report of the seven days before, stored
 * once per week (a second run finds the first one's) and told to the war room.
 */
public final class SloWeeklyHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final SloReporter reporter;

    public SloWeeklyHandler() {
        this(Wiring.reporter(Clock.systemUTC()));
    }

    public SloWeeklyHandler(SloReporter reporter) {
        this.reporter = reporter;
        // reads only: the latest report's marker, through the client and bucket the weekly run uses
        Priming.register(Topology.SLO_WEEKLY.name(), reporter::latest);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Envelope.rethrowing(context, Envelope.requestId(context, "local"), () -> {
            SloReporter.Outcome outcome = reporter.weekly();
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("reportId", outcome.report().path("reportId").asText());
            output.put("created", outcome.created());
            return output;
        });
    }
}
