package com.warroom.local.stack.sfn;

import com.warroom.topology.WorkflowDef;
import java.time.Instant;

/** A registered workflow under its local ARN. */
record StateMachine(String arn, WorkflowDef workflow, Instant creationDate) {

    String name() {
        return workflow.localName();
    }
}
