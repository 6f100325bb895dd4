package com.warroom.topology;

import java.util.List;

/**
 * A run that scans tables in parallel segments, as both Step Functions (in AWS) and the embedded stack (locally) run it:
 * {@code Prepare} → {@code ScanSegments} (a Map state over {@code $.segments}, each item one {@code ScanSegment} task,
 * at most {@code maxConcurrency} at a time) → {@code Combine} → {@code Report}. More data means more segments, not a
 * longer Lambda.
 *
 * <p>Each task function is a {@code RequestHandler<Map<String, Object>, Map<String, Object>>} whose output replaces the
 * state. The execution input is {@code {"runId","day"}} (the execution is named after the run). {@code prepare} answers
 * the input with {@code "segments": [ {...}, ... ]}; {@code segment} gets one item of that list and is retried on any
 * error (2 more attempts, 2 s then 4 s apart); the Map's result is discarded, so {@code combine} gets what
 * {@code prepare} answered; {@code report} gets what {@code combine} answered and ends the execution. A failure of
 * Prepare, ScanSegments (a segment that failed every attempt), Combine or Report is caught into {@code RecordFailure},
 * which gets the failed state's input with {@code "error": {"Error", "Cause"}} added; the execution then fails in
 * {@code RunFailed}.
 */
public record ScanWorkflowDef(String logicalName, String arnEnvVar, FunctionDef prepare, FunctionDef segment,
                              FunctionDef combine, FunctionDef report, FunctionDef recordFailure, int maxConcurrency)
        implements WorkflowDef {

    public static final String PREPARE = "Prepare";
    public static final String SCAN_SEGMENTS = "ScanSegments";
    /** The one state of the Map's item processor. */
    public static final String SCAN_SEGMENT = "ScanSegment";
    public static final String COMBINE = "Combine";
    public static final String REPORT = "Report";
    public static final String RECORD_FAILURE = "RecordFailure";
    public static final String RUN_FAILED = "RunFailed";
    /** The top-level states in the order a successful run passes them. */
    public static final List<String> STATES = List.of(PREPARE, SCAN_SEGMENTS, COMBINE, REPORT);

    /** The error of an execution that ended in {@code RunFailed}. */
    public static final String RUN_FAILED_ERROR = "RunFailed";

    /** Where the Map finds its items in Prepare's output. */
    public static final String SEGMENTS_PATH = "$.segments";
    /** Attempts of a segment after its first: the contract's MaxAttempts. */
    public static final int SEGMENT_RETRIES = 2;
    public static final int SEGMENT_RETRY_INTERVAL_SECONDS = 2;
    public static final int SEGMENT_RETRY_BACKOFF_RATE = 2;

    public ScanWorkflowDef {
        if (maxConcurrency < 1) {
            // Step Functions reads 0 as "no limit": a scan that may open every segment at once is never what is meant
            throw new IllegalArgumentException(logicalName + ": maxConcurrency must be at least 1, not " + maxConcurrency);
        }
    }

    /** The cause of an execution that ended in {@code RunFailed}. */
    public String runFailedCause() {
        return "The " + logicalName + " run failed; RecordFailure got the error of the state that failed in $.error";
    }

    @Override
    public List<FunctionDef> functions() {
        return List.of(prepare, segment, combine, report, recordFailure);
    }
}
