package com.warroom.flags;

import com.warroom.observability.OpsMetrics;

/** Reports a degraded {@link FlagGate} as CloudWatch metrics, which the flag-state alarms watch. */
public final class MetricGateSignals implements FlagGate.Signals {

    public static final String STALE_SERVED = "FlagGateStaleServed";
    public static final String FAILED_CLOSED = "FlagGateFailedClosed";

    @Override
    public void staleServed() {
        OpsMetrics.count(STALE_SERVED);
    }

    @Override
    public void failedClosed() {
        OpsMetrics.count(FAILED_CLOSED);
    }
}
