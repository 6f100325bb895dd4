package com.warroom.local.stack;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * Powertools' metrics, recorded instead of printed as EMF, through its documented provider seam
 * ({@link MetricsFactory#setMetricsProvider}), for tests that assert what was counted. {@link #close} puts the EMF
 * provider back.
 */
public final class RecordedMetrics implements Metrics, AutoCloseable {

    /** One metric as the code counted it, and whether a flush has sent it since. */
    public record Point(String name, double value, MetricUnit unit, boolean flushed, Map<String, String> dimensions) {

        public Point {
            dimensions = Map.copyOf(dimensions);
        }

        public Point(String name, double value, MetricUnit unit, boolean flushed) {
            this(name, value, unit, flushed, Map.of());
        }
    }

    private final List<Point> pending = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private DimensionSet defaultDimensions = new DimensionSet();
    private Map<String, String> dimensions = Map.of();

    private RecordedMetrics() {
    }

    public static RecordedMetrics install() {
        RecordedMetrics metrics = new RecordedMetrics();
        MetricsFactory.setMetricsProvider(() -> metrics);
        return metrics;
    }

    /** Every metric counted so far, flushed or not, in order. */
    public synchronized List<Point> points() {
        List<Point> all = new ArrayList<>(points);
        all.addAll(pending);
        return all;
    }

    /** The names of the metrics counted so far, flushed or not, in order. */
    public synchronized List<String> names() {
        return points().stream().map(Point::name).toList();
    }

    /** How many times {@code name} was counted so far. */
    public synchronized long count(String name) {
        return points().stream().filter(p -> p.name().equals(name)).count();
    }

    public synchronized void clear() {
        points.clear();
        pending.clear();
    }

    @Override
    public void close() {
        MetricsFactory.setMetricsProvider(new EmfMetricsProvider());
    }

    @Override
    public synchronized void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
        pending.add(new Point(key, value, unit, false, dimensions));
    }

    @Override
    public synchronized void flush() {
        pending.forEach(p -> points.add(new Point(p.name(), p.value(), p.unit(), true, p.dimensions())));
        pending.clear();
    }

    @Override
    public synchronized void addDimension(DimensionSet dimensionSet) {
        Map<String, String> added = new LinkedHashMap<>(dimensions);
        dimensionSet.getDimensionKeys().forEach(key -> added.put(key, dimensionSet.getDimensionValue(key)));
        dimensions = Map.copyOf(added);
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
    public synchronized void flushMetrics(Consumer<Metrics> metricsConsumer) {
        Map<String, String> outer = dimensions;
        dimensions = Map.of();
        try {
            metricsConsumer.accept(this);
            flush();
        } finally {
            dimensions = outer;
        }
    }
}
