package com.warroom.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopologyWorkflowsTest {

    private static final FunctionDef PREPARE = task("scan-prepare");
    private static final FunctionDef SEGMENT = task("scan-segment");
    private static final FunctionDef COMBINE = task("scan-combine");
    private static final FunctionDef REPORT = task("scan-report");
    private static final FunctionDef FAILED = task("scan-failed");
    private static final ScanWorkflowDef SCAN = new ScanWorkflowDef("scan", "WARROOM_WORKFLOW_SCAN_ARN", PREPARE, SEGMENT, COMBINE,
            REPORT, FAILED, 4);

    @Test
    void workflow_whenAScanAndTheApprovalAreRegistered_answersEachByItsLogicalName() {
        Topology topology = withScan();

        assertThat(topology.workflows()).containsExactly(Topology.APPROVAL, SCAN);
        assertThat(topology.workflow("scan")).contains(SCAN);
        assertThat(topology.workflow("approval")).contains(Topology.APPROVAL);
        assertThat(SCAN.functions()).containsExactly(PREPARE, SEGMENT, COMBINE, REPORT, FAILED);
        assertThat(SCAN.localName()).isEqualTo("warroom-scan");
        assertThat(Topology.APPROVAL.localName()).isEqualTo("warroom-approval");
    }

    @Test
    void build_whenAFunctionStartsTheScan_acceptsIt() {
        FunctionDef starter = task("scan-start").toBuilder().trigger(new Trigger.Invoked()).starts("scan").build();

        assertThat(withScan(starter).functions()).contains(starter);
    }

    @Test
    void build_whenAFunctionWouldCompleteTasksOfAScan_refusesSinceNoScanStateWaitsForAToken() {
        FunctionDef completer = task("scan-complete").toBuilder().trigger(new Trigger.Invoked()).completesTasksOf("scan").build();

        assertThatThrownBy(() -> withScan(completer))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scan-complete").hasMessageContaining("scan workflow");
    }

    @Test
    void build_whenATaskOfTheScanIsMissing_refuses() {
        assertThatThrownBy(() -> Topology.builder().workflows(SCAN).functions(SEGMENT, COMBINE, REPORT, FAILED).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scan-prepare");
    }

    @Test
    void scanWorkflowDef_whenMaxConcurrencyIsBelowOne_refusesSinceStepFunctionsReadsZeroAsNoLimit() {
        assertThatThrownBy(() -> new ScanWorkflowDef("scan", "X", PREPARE, SEGMENT, COMBINE, REPORT, FAILED, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxConcurrency");
    }

    private static Topology withScan(FunctionDef... others) {
        Topology.Builder builder = Topology.builder()
                .tables(Topology.FLAGS, Topology.AUDIT, Topology.APPROVALS, Topology.IDEMPOTENCY, Topology.CONFIG, Topology.PAYOUTS,
                        Topology.LEDGER_BALANCES, Topology.LEDGER_ENTRIES, Topology.PAYMENT_REVIEWS)
                .queues(Topology.FLAG_CHANGES).topics(Topology.APPROVAL_NOTICES).keys(Topology.SEALS)
                .workflows(Topology.APPROVAL, SCAN)
                .functions(Topology.APPROVAL_RECORD, Topology.APPROVAL_AWAIT, Topology.APPROVAL_APPLY, Topology.APPROVAL_OUTCOME);
        return builder.functions(others).functions(PREPARE, SEGMENT, COMBINE, REPORT, FAILED).build();
    }

    private static FunctionDef task(String name) {
        return FunctionDef.builder(name).module("functions/scan").handler("com.warroom.scan.Task")
                .trigger(new Trigger.WorkflowTask("scan")).build();
    }
}
