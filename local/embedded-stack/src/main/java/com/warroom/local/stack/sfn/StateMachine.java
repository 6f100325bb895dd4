package com.warroom.local.stack.sfn;

import com.warroom.topology.ApprovalWorkflowDef;
import java.time.Instant;

/** A registered workflow under its local ARN. */
record StateMachine(String arn, ApprovalWorkflowDef workflow, Instant creationDate) {

    String name() {
        return workflow.localName();
    }
}
