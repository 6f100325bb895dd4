package com.warroom.reconcile.run;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.lambda.Envelope;
import com.warroom.reconcile.check.Check;
import java.util.List;
import java.util.Map;

/**
 * Task ScanSegment (one per item of the Map state): input one segment {@code {"runId","day","table","segment",
 * "totalSegments"}}, output {@code {"runId","table","segment","items","key"}} ({@link SegmentScanner}).
 */
public final class SegmentHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final SegmentScanner scanner;
    private final List<Check> checks;

    public SegmentHandler() {
        this(new SegmentScanner(AwsClients.dynamoDb(), SegmentPlanner::tableName, Wiring.bucket()), ReconcileChecks.fromEnvironment());
    }

    public SegmentHandler(SegmentScanner scanner, List<Check> checks) {
        this.scanner = scanner;
        this.checks = List.copyOf(checks);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Envelope.rethrowing(context, Envelope.requestId(context, "local"), () -> scanner.scan(Segment.from(input), checks).toMap());
    }
}
