package com.warroom.topology;

import java.util.List;

/**
 * A Step Functions workflow of the topology: its logical name (what functions name in {@code starts} and
 * {@link Trigger.WorkflowTask}), the environment variable that carries its state machine ARN, and its task functions.
 * Closed over the kinds the CDK app and the local runtime both know how to run, so that each switches exhaustively.
 */
public sealed interface WorkflowDef permits ApprovalWorkflowDef, ScanWorkflowDef {

    String logicalName();

    String arnEnvVar();

    /** The task functions, in state order. */
    List<FunctionDef> functions();

    /** The state machine's name locally: {@code warroom-<logicalName>}. */
    default String localName() {
        return "warroom-" + logicalName();
    }
}
