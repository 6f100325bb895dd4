package com.warroom.local.stack.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** One execution being run as its workflow's kind of state machine does it. */
sealed interface ExecutionRun permits WorkflowRun, ScanRun {

    Execution execution();

    /** Runs the execution from its StartAt state with the execution input, on worker threads. */
    void start(JsonNode input);
}
