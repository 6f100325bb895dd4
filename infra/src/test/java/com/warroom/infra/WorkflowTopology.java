package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.HttpRoute;
import com.warroom.topology.Idempotency;
import com.warroom.topology.Role;
import com.warroom.topology.ScanWorkflowDef;
import com.warroom.topology.TableAccess;
import com.warroom.topology.Topology;
import com.warroom.topology.ApprovalWorkflowDef;
import com.warroom.topology.Trigger;
import java.util.EnumSet;
import java.util.List;

/**
 * A wiring with a workflow of each kind: the approval workflow and its four task functions, the approval-notices topic,
 * the config table and the tables the apply step writes, a function that starts the workflow and one that completes its
 * tasks; and a stand-in scan workflow ({@link #SCAN}, shaped as the reconcile run) with its five task functions and a
 * function that starts it. Every function sits on the health module's jar: synthesis needs an asset, never its code.
 */
final class WorkflowTopology {

    static final String JAR_MODULE = "functions/health";

    static final ApprovalWorkflowDef APPROVAL = new ApprovalWorkflowDef(Topology.APPROVAL.logicalName(), Topology.APPROVAL.arnEnvVar(),
            onBuiltJar(Topology.APPROVAL.record()), onBuiltJar(Topology.APPROVAL.awaitDecision()),
            onBuiltJar(Topology.APPROVAL.apply()), onBuiltJar(Topology.APPROVAL.outcome()), Topology.APPROVAL.decisionTimeout());

    static final String SCAN_NAME = "scan";
    static final int SCAN_MAX_CONCURRENCY = 3;

    /** A scan workflow as the reconcile run is shaped: its task functions read the ledger and write nothing else. */
    static final ScanWorkflowDef SCAN = new ScanWorkflowDef(SCAN_NAME, "WARROOM_WORKFLOW_SCAN_ARN",
            scanTask("scan-prepare", "PrepareHandler"), scanTask("scan-segment", "SegmentHandler"),
            scanTask("scan-combine", "CombineHandler"), scanTask("scan-report", "ReportHandler"),
            scanTask("scan-failed", "RecordFailureHandler"), SCAN_MAX_CONCURRENCY);

    /** Starts a scan run (as the reconcile schedule and its rerun route will). */
    static final FunctionDef SCAN_STARTER = FunctionDef.builder("scan-start").module(JAR_MODULE).jar("health")
            .handler("com.warroom.scan.StartScanHandler").trigger(new Trigger.Invoked()).starts(SCAN_NAME).build();

    /** Starts an approval for a flag change (the flag-toggle jar exists). */
    static final FunctionDef STARTER = Topology.FLAG_ADMIN.toBuilder().starts(APPROVAL.logicalName()).build();

    /** The decision route: the only function that may complete the waiting task. */
    static final FunctionDef COMPLETER = onBuiltJar(Topology.APPROVALS_API).toBuilder()
            .routes(HttpRoute.post("/v1/approvals/{id}/decision", EnumSet.of(Role.OPS, Role.SUPER_ADMIN), Idempotency.OPTIONAL))
            .build();

    private static final Topology TOPOLOGY = Topology.builder()
            .tables(Topology.FLAGS, Topology.AUDIT, Topology.APPROVALS, Topology.CONFIG, Topology.IDEMPOTENCY, Topology.PAYOUTS,
                    Topology.LEDGER_BALANCES, Topology.LEDGER_ENTRIES, Topology.PAYMENT_REVIEWS, Topology.INCIDENTS)
            .queues(Topology.FLAG_CHANGES)
            .topics(Topology.APPROVAL_NOTICES)
            .keys(Topology.SEALS)
            .workflows(APPROVAL, SCAN)
            .functions(HealthOver.tablesAndQueues(List.of(Topology.FLAGS, Topology.AUDIT, Topology.APPROVALS, Topology.CONFIG, Topology.IDEMPOTENCY,
                                    Topology.PAYOUTS, Topology.LEDGER_BALANCES, Topology.LEDGER_ENTRIES, Topology.PAYMENT_REVIEWS,
                                    Topology.INCIDENTS),
                            List.of(Topology.FLAG_CHANGES)), STARTER, COMPLETER, APPROVAL.record(), APPROVAL.awaitDecision(), APPROVAL.apply(),
                    APPROVAL.outcome())
            .functions(SCAN_STARTER)
            .functions(SCAN.functions().toArray(FunctionDef[]::new))
            .build();

    private WorkflowTopology() {
    }

    static Topology topology() {
        return TOPOLOGY;
    }

    private static FunctionDef scanTask(String name, String handler) {
        return FunctionDef.builder(name).module(JAR_MODULE).jar("health").handler("com.warroom.scan." + handler).timeoutSeconds(300)
                .trigger(new Trigger.WorkflowTask(SCAN_NAME)).table(Topology.LEDGER_ENTRIES, TableAccess.READ).build();
    }

    private static FunctionDef onBuiltJar(FunctionDef function) {
        return function.toBuilder().module(JAR_MODULE).jar(JAR_MODULE.substring(JAR_MODULE.indexOf('/') + 1)).build();
    }
}
