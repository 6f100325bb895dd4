package com.warroom.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/** Powertools' metrics recorded instead of printed, through its provider seam; {@link #close} puts EMF back. */
public final class RecordedMetrics implements Metrics, AutoCloseable {

    private final List<String> names = new ArrayList<>();
    private DimensionSet defaultDimensions = new DimensionSet();

    public static RecordedMetrics install() {
        RecordedMetrics metrics = new RecordedMetrics();
        MetricsFactory.setMetricsProvider(() -> metrics);
        return metrics;
    }

    /** The names of the metrics counted so far, in order. */
    public synchronized List<String> names() {
        return List.copyOf(names);
    }

    public synchronized long count(String name) {
        return names.stream().filter(name::equals).count();
    }

    @Override
    public void close() {
        MetricsFactory.setMetricsProvider(new EmfMetricsProvider());
    }

    @Override
    public synchronized void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
        names.add(key);
    }

    @Override
    public void flush() {
    }

    @Override
    public void addDimension(DimensionSet dimensionSet) {
    }

    @Override
    public void setTimestamp(Instant timestamp) {
    }

    @Override
    public void addMetadata(String key, Object value) {
    }

    @Override
    public void setDefaultDimensions(DimensionSet dimensionSet) {
        defaultDimensions = dimensionSet;
    }

    @Override
    public DimensionSet getDefaultDimensions() {
        return defaultDimensions;
    }

    @Override
    public void setNamespace(String namespace) {
    }

    @Override
    public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {
    }

    @Override
    public void clearDefaultDimensions() {
        defaultDimensions = new DimensionSet();
    }

    @Override
    public void captureColdStartMetric(Context context, DimensionSet dimensions) {
    }

    @Override
    public void captureColdStartMetric(DimensionSet dimensions) {
    }

    @Override
    public void flushMetrics(Consumer<Metrics> metricsConsumer) {
        metricsConsumer.accept(this);
    }
}
