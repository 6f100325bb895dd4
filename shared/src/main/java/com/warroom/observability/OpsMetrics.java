package com.warroom.observability;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Counts operational events as CloudWatch metrics in EMF through Powertools. Flushed once per
 * invocation, and only when something was counted, so quiet invocations print nothing.
 */
public final class OpsMetrics {

    /** The namespace the CDK app gives every function; also used where nobody set one (the local runner). */
    public static final String NAMESPACE = "Warroom";

    private static final AtomicBoolean PENDING = new AtomicBoolean();
    // the CDK app sets it on every function; where nobody did (tests, the local runner), Warroom's namespace is used
    private static final boolean NAMESPACE_SET = System.getenv("POWERTOOLS_METRICS_NAMESPACE") != null;
    private static final Logger LOG = LoggerFactory.getLogger(OpsMetrics.class);

    private OpsMetrics() {
    }

    public static void count(String name) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        if (!NAMESPACE_SET) {
            metrics.setNamespace(NAMESPACE);
        }
        metrics.addMetric(name, 1, MetricUnit.COUNT);
        PENDING.set(true);
    }

    /**
     * A value with its own dimensions (such as {@code kind=payout} or {@code risk=HIGH}), written at once in its own EMF
     * document rather than with the invocation's counts, since one invocation may measure the same name for several
     * dimension values. A metric that cannot be written never fails the work it measured.
     */
    public static void measure(String name, double value, MetricUnit unit, Map<String, String> dimensions) {
        try {
            MetricsFactory.getMetricsInstance().flushMetrics(single -> {
                single.setNamespace(NAMESPACE_SET ? System.getenv("POWERTOOLS_METRICS_NAMESPACE") : NAMESPACE);
                if (!dimensions.isEmpty()) {
                    single.addDimension(DimensionSet.of(dimensions));
                }
                single.addMetric(name, value, unit);
            });
        } catch (RuntimeException e) {
            LOG.warn("metric {} could not be written", name, e);
        }
    }

    /** Writes what was counted. A metric that cannot be written never fails the work it counted. */
    public static void flush() {
        if (PENDING.getAndSet(false)) {
            try {
                MetricsFactory.getMetricsInstance().flush();
            } catch (RuntimeException e) {
                LOG.warn("metrics could not be flushed", e);
            }
        }
    }
}
