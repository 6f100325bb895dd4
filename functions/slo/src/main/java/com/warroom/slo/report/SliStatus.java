package com.warroom.slo.report;

/** Where an SLI stands against its objective in a report's window. */
public enum SliStatus {
    /** At or above the objective with at least a quarter of the error budget left. */
    MET,
    /** At or above the objective, but less than a quarter of the error budget left. */
    AT_RISK,
    /** Below the objective: the error budget is spent. */
    BREACHED,
    /** Nothing was counted in the window. */
    NO_DATA
}
