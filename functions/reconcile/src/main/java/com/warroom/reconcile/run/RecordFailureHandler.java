package com.warroom.reconcile.run;

import com.warroom.observability.OpsNotices;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.lambda.Envelope;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task RecordFailure: input the failed state's input with {@code "error":{"Error","Cause"}}, output
 * {@code {"runId","recorded"}} ({@link FailureRecorder}); the state machine then ends in RunFailed.
 */
public final class RecordFailureHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final FailureRecorder recorder;

    public RecordFailureHandler() {
        this(new FailureRecorder(Wiring.runs(AwsClients.dynamoDb()), OpsNotices.fromSettings(AwsClients.sns()), Clock.systemUTC()));
    }

    public RecordFailureHandler(FailureRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Envelope.rethrowing(context, Envelope.requestId(context, "local"), () -> {
            String runId = StepInput.runId(input);
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("runId", runId);
            output.put("recorded", recorder.record(runId, error(input.get("error"))));
            return output;
        });
    }

    static String error(Object error) {
        if (error instanceof Map<?, ?> map) {
            Object name = map.get("Error");
            Object cause = map.get("Cause");
            return (name == null ? "Error" : name) + (cause == null ? "" : ": " + cause);
        }
        return "the workflow failed without saying why";
    }
}
