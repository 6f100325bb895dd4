package com.warroom.reconcile.run;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.lambda.Envelope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily at 00:30 Asia/Jakarta (EventBridge Scheduler, input {@code {}}): starts today's run as the route does. A run of
 * the day in progress is logged and left alone; a workflow that would not start fails the invocation, so that the
 * scheduler tries again (the failed run freed the day).
 */
public final class ScheduleHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleHandler.class);

    private final RunStarter starter;

    public ScheduleHandler() {
        this(Wiring.starter(AwsClients.dynamoDb()));
    }

    public ScheduleHandler(RunStarter starter) {
        this.starter = starter;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Envelope.rethrowing(context, Envelope.requestId(context, "local"), () -> {
            Map<String, Object> output = new LinkedHashMap<>();
            switch (starter.start(ReconcileRun.SCHEDULE_TRIGGER)) {
                case RunStarter.Outcome.Started started -> {
                    output.put("started", started.run().runId());
                    output.put("day", started.run().day().toString());
                }
                case RunStarter.Outcome.InProgress busy -> {
                    LOG.info("reconcile run {} of {} is in progress: the schedule starts nothing", busy.running().runId(), busy.running().day());
                    output.put("inProgress", busy.running().runId());
                    output.put("day", busy.running().day().toString());
                }
                case RunStarter.Outcome.NotStarted failed ->
                        throw new IllegalStateException("reconcile run " + failed.run().runId() + " " + failed.run().error().orElse("did not start"));
            }
            return output;
        });
    }
}
