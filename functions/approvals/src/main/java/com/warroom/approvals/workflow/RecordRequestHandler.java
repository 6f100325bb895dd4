package com.warroom.approvals.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.topology.Topology;
import java.util.Map;

/** Task RecordRequest: input {@code {"approvalId"}}, output {@code {"approvalId"}}. */
public final class RecordRequestHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final RequestRecorder recorder;

    public RecordRequestHandler() {
        this(StepWiring.recorder());
        WorkflowStep.primeWith(Topology.APPROVAL_RECORD, origin -> recorder.record(WorkflowStep.PRIMING_ID, origin));
    }

    RecordRequestHandler(RequestRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return WorkflowStep.run(context, input, origin -> {
            String id = StepInput.approvalId(input);
            recorder.record(id, origin);
            return Map.of("approvalId", id);
        });
    }
}
