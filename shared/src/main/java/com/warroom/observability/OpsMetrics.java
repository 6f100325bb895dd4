package com.warroom.observability;

import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Counts operational events as CloudWatch metrics in EMF through Powertools. Flushed once per
 * invocation, and only when something was counted, so quiet invocations print nothing.
 */
public final class OpsMetrics {

    private static final AtomicBoolean PENDING = new AtomicBoolean();

    private OpsMetrics() {
    }

    public static void count(String name) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.addMetric(name, 1, MetricUnit.COUNT);
        PENDING.set(true);
    }

    public static void flush() {
        if (PENDING.getAndSet(false)) {
            MetricsFactory.getMetricsInstance().flush();
        }
    }
}
