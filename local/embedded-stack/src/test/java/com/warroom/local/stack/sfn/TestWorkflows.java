package com.warroom.local.stack.sfn;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Trigger;
import com.warroom.topology.ApprovalWorkflowDef;
import com.warroom.topology.ScanWorkflowDef;
import java.time.Duration;

/** Workflows over the test task functions: the approval shape, and variants where one step throws; a scan. */
public final class TestWorkflows {

    public static final Duration DECISION_TIMEOUT = Duration.ofHours(24);

    public static final FunctionDef RECORD = function("t-record", RecordingStep.class.getName());
    public static final FunctionDef AWAIT = function("t-await", RecordingStep.class.getName());
    public static final FunctionDef APPLY = function("t-apply", RecordingStep.class.getName());
    public static final FunctionDef OUTCOME = function("t-outcome", RecordingStep.class.getName());
    public static final FunctionDef FAIL = function("t-fail", FailingStep.class.getName());
    public static final FunctionDef SELF_DECIDING_AWAIT = function("t-self-await", SelfDecidingAwait.class.getName());
    public static final FunctionDef MISSING = function("t-missing", "com.warroom.nowhere.MissingHandler");
    public static final FunctionDef BLOCKING = function("t-blocking", BlockingStep.class.getName());

    public static final ApprovalWorkflowDef APPROVAL = workflow("t-approval", RECORD, AWAIT, APPLY, OUTCOME);
    public static final ApprovalWorkflowDef FAILING_RECORD = workflow("t-failing-record", FAIL, AWAIT, APPLY, OUTCOME);
    public static final ApprovalWorkflowDef FAILING_APPLY = workflow("t-failing-apply", RECORD, AWAIT, FAIL, OUTCOME);
    public static final ApprovalWorkflowDef FAILING_OUTCOME = workflow("t-failing-outcome", RECORD, AWAIT, APPLY, FAIL);
    public static final ApprovalWorkflowDef MISSING_RECORD = workflow("t-missing-record", MISSING, AWAIT, APPLY, OUTCOME);
    public static final ApprovalWorkflowDef BLOCKING_RECORD = workflow("t-blocking-record", BLOCKING, AWAIT, APPLY, OUTCOME);
    public static final ApprovalWorkflowDef SELF_DECIDING = workflow("t-self-deciding", RECORD, SELF_DECIDING_AWAIT, APPLY, OUTCOME);

    public static final int SCAN_MAX_CONCURRENCY = 3;
    public static final FunctionDef SCAN_PREPARE = function("s-prepare", ScanSteps.Prepare.class.getName());
    public static final FunctionDef SCAN_SEGMENT = function("s-segment", ScanSteps.Segment.class.getName());
    public static final FunctionDef SCAN_COMBINE = function("s-combine", ScanSteps.Pass.class.getName());
    public static final FunctionDef SCAN_REPORT = function("s-report", ScanSteps.Pass.class.getName());
    public static final FunctionDef SCAN_FAILED = function("s-failed", ScanSteps.Pass.class.getName());
    /** A scan over {@link ScanSteps}, at most {@link #SCAN_MAX_CONCURRENCY} segments at once. */
    public static final ScanWorkflowDef SCAN = new ScanWorkflowDef("t-scan", "WARROOM_TEST_WORKFLOW_T_SCAN_ARN", SCAN_PREPARE,
            SCAN_SEGMENT, SCAN_COMBINE, SCAN_REPORT, SCAN_FAILED, SCAN_MAX_CONCURRENCY);

    private TestWorkflows() {
    }

    private static FunctionDef function(String name, String handlerClass) {
        return FunctionDef.builder(name).module("local/embedded-stack").handler(handlerClass).memoryMb(512).timeoutSeconds(30)
                .trigger(new Trigger.WorkflowTask("t-approval")).build();
    }

    private static ApprovalWorkflowDef workflow(String name, FunctionDef record, FunctionDef await, FunctionDef apply, FunctionDef outcome) {
        return new ApprovalWorkflowDef(name, "WARROOM_TEST_WORKFLOW_" + name.toUpperCase().replace('-', '_') + "_ARN",
                record, await, apply, outcome, DECISION_TIMEOUT);
    }
}
