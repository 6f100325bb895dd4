package com.warroom.infra;

import com.warroom.topology.WorkflowDef;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.StateMachine;

/** The state machine built for one workflow of the topology, whatever its kind. */
public sealed interface WarroomWorkflow permits ApprovalWorkflow, ScanWorkflow {

    WorkflowDef definition();

    StateMachine stateMachine();

    /** Where the state machine logs every state's input and output. */
    LogGroup logs();
}
