package com.warroom.local.stack.sfn;

/** The statuses DescribeExecution reports (the local runtime never times out or aborts a whole execution). */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED
}
