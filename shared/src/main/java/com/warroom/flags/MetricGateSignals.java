package com.warroom.flags;

import com.warroom.observability.OpsMetrics;

/** Reports a degraded {@link FlagGate} as CloudWatch metrics. */
public final class MetricGateSignals implements FlagGate.Signals {

    public static final String STALE_SERVED = "FlagGateStaleServed";
    public static final String FAILED_CLOSED = "FlagGateFailedClosed";
    public static final String FAILED_OPEN = "FlagGateFailedOpen";
    public static final String TAMPERED = "FlagStateTampered";

    @Override
    public void staleServed() {
        OpsMetrics.count(STALE_SERVED);
    }

    @Override
    public void failedClosed() {
        OpsMetrics.count(FAILED_CLOSED);
    }

    @Override
    public void failedOpen() {
        OpsMetrics.count(FAILED_OPEN);
    }

    @Override
    public void tampered() {
        OpsMetrics.count(TAMPERED);
    }
}
