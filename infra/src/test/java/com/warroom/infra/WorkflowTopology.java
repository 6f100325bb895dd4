package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.HttpRoute;
import com.warroom.topology.Idempotency;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import com.warroom.topology.ApprovalWorkflowDef;
import java.util.EnumSet;
import java.util.List;

/**
 * A wiring with everything {@link Topology#warroom()} will hold once the approval workflow is registered: the approval
 * workflow and its four task functions, the approval-notices topic, the config table and the tables the apply step writes, a function that starts the
 * workflow and one that completes its tasks. The approvals module has no jar yet, so its functions are moved onto the
 * health module's jar: synthesis needs an asset, never its code.
 */
final class WorkflowTopology {

    static final String JAR_MODULE = "functions/health";

    static final ApprovalWorkflowDef APPROVAL = new ApprovalWorkflowDef(Topology.APPROVAL.logicalName(), Topology.APPROVAL.arnEnvVar(),
            onBuiltJar(Topology.APPROVAL.record()), onBuiltJar(Topology.APPROVAL.awaitDecision()),
            onBuiltJar(Topology.APPROVAL.apply()), onBuiltJar(Topology.APPROVAL.outcome()), Topology.APPROVAL.decisionTimeout());

    /** Starts an approval for a flag change (the flag-toggle jar exists). */
    static final FunctionDef STARTER = Topology.FLAG_ADMIN.toBuilder().starts(APPROVAL.logicalName()).build();

    /** The decision route: the only function that may complete the waiting task. */
    static final FunctionDef COMPLETER = onBuiltJar(Topology.APPROVALS_API).toBuilder()
            .routes(HttpRoute.post("/v1/approvals/{id}/decision", EnumSet.of(Role.OPS, Role.SUPER_ADMIN), Idempotency.OPTIONAL))
            .build();

    private static final Topology TOPOLOGY = Topology.builder()
            .tables(Topology.FLAGS, Topology.AUDIT, Topology.APPROVALS, Topology.CONFIG, Topology.IDEMPOTENCY, Topology.PAYOUTS,
                    Topology.LEDGER_BALANCES, Topology.LEDGER_ENTRIES)
            .queues(Topology.FLAG_CHANGES)
            .topics(Topology.APPROVAL_NOTICES)
            .keys(Topology.SEALS)
            .workflows(APPROVAL)
            .functions(HealthOver.tablesAndQueues(List.of(Topology.FLAGS, Topology.AUDIT, Topology.APPROVALS, Topology.CONFIG, Topology.IDEMPOTENCY,
                                    Topology.PAYOUTS, Topology.LEDGER_BALANCES, Topology.LEDGER_ENTRIES),
                            List.of(Topology.FLAG_CHANGES)), STARTER, COMPLETER, APPROVAL.record(), APPROVAL.awaitDecision(), APPROVAL.apply(),
                    APPROVAL.outcome())
            .build();

    private WorkflowTopology() {
    }

    static Topology topology() {
        return TOPOLOGY;
    }

    private static FunctionDef onBuiltJar(FunctionDef function) {
        return function.toBuilder().module(JAR_MODULE).jar(JAR_MODULE.substring(JAR_MODULE.indexOf('/') + 1)).build();
    }
}
