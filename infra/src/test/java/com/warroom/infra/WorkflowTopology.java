package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Role;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import com.warroom.topology.WorkflowDef;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A wiring with everything {@link Topology#warroom()} will hold once the approval workflow is registered: the approval
 * workflow and its four task functions, the approval-notices topic, the config table, a function that starts the
 * workflow and one that completes its tasks. The approvals module has no jar yet, so its functions are moved onto the
 * health module's jar: synthesis needs an asset, never its code.
 */
final class WorkflowTopology {

    static final String JAR_MODULE = "functions/health";

    static final WorkflowDef APPROVAL = new WorkflowDef(Topology.APPROVAL.logicalName(), Topology.APPROVAL.arnEnvVar(),
            onBuiltJar(Topology.APPROVAL.record()), onBuiltJar(Topology.APPROVAL.awaitDecision()),
            onBuiltJar(Topology.APPROVAL.apply()), onBuiltJar(Topology.APPROVAL.outcome()), Topology.APPROVAL.decisionTimeout());

    /** Starts an approval for a flag change (the flag-toggle jar exists). */
    static final FunctionDef STARTER = Topology.FLAG_ADMIN.starting(APPROVAL.logicalName());

    /** The decision route: the only function that may complete the waiting task. */
    static final FunctionDef COMPLETER = onBuiltJar(Topology.APPROVALS_API);

    private static final Topology TOPOLOGY = Topology.of(
            List.of(Topology.FLAGS, Topology.AUDIT, Topology.APPROVALS, Topology.CONFIG),
            List.of(Topology.FLAG_CHANGES),
            List.of(Topology.APPROVAL_NOTICES),
            List.of(APPROVAL),
            List.of(
                    new RouteDef("GET", "/v1/health", Topology.HEALTH, Set.of()),
                    new RouteDef("POST", "/v1/admin/system-flags/set", STARTER, EnumSet.of(Role.OPS, Role.SUPER_ADMIN)),
                    new RouteDef("POST", "/v1/approvals/{id}/decision", COMPLETER, EnumSet.of(Role.OPS, Role.SUPER_ADMIN))));

    private WorkflowTopology() {
    }

    static Topology topology() {
        return TOPOLOGY;
    }

    private static FunctionDef onBuiltJar(FunctionDef function) {
        return new FunctionDef(function.name(), JAR_MODULE, function.handlerClass(), function.memoryMb(), function.timeoutSeconds(),
                function.tables(), function.sendsTo(), function.describesQueues(), function.publishesTo(),
                function.startsWorkflows(), function.completesWorkflowTasks());
    }
}
