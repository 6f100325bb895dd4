package com.warroom.reconcile.run;

/** Where a run stands: RUNNING until its report is stored (COMPLETED) or a step failed for good (FAILED). */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED
}
