package com.warroom.bench;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * Powertools' EMF metrics as the functions print them, through its provider seam ({@link MetricsFactory#setMetricsProvider}),
 * also counted by name as they are added, with the time each count was last reached: how the bench learns, at the
 * moment it happens, that the worker confirmed a payout ({@code PayoutConfirmed}). Synchronized, since the bench's
 * "instances" are threads of one JVM sharing Powertools' single metrics instance (a Lambda instance has one thread).
 */
final class CountedMetrics implements Metrics {

    private final Metrics emf;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> lastNanos = new ConcurrentHashMap<>();

    private CountedMetrics(Metrics emf) {
        this.emf = emf;
    }

    static CountedMetrics install() {
        CountedMetrics metrics = new CountedMetrics(new EmfMetricsProvider().getMetricsInstance());
        MetricsFactory.setMetricsProvider(() -> metrics);
        return metrics;
    }

    long count(String name) {
        AtomicLong count = counts.get(name);
        return count == null ? 0 : count.get();
    }

    /** {@code System.nanoTime()} when {@code name} was last counted; 0 if never since the last reset. */
    long lastNanos(String name) {
        return lastNanos.getOrDefault(name, 0L);
    }

    Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((name, count) -> snapshot.put(name, count.get()));
        return snapshot;
    }

    void reset() {
        counts.clear();
        lastNanos.clear();
    }

    @Override
    public synchronized void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
        emf.addMetric(key, value, unit, resolution);
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        lastNanos.put(key, System.nanoTime());
    }

    @Override
    public synchronized void addDimension(DimensionSet dimensionSet) {
        emf.addDimension(dimensionSet);
    }

    @Override
    public synchronized void setTimestamp(Instant timestamp) {
        emf.setTimestamp(timestamp);
    }

    @Override
    public synchronized void addMetadata(String key, Object value) {
        emf.addMetadata(key, value);
    }

    @Override
    public synchronized void setDefaultDimensions(DimensionSet dimensionSet) {
        emf.setDefaultDimensions(dimensionSet);
    }

    @Override
    public synchronized DimensionSet getDefaultDimensions() {
        return emf.getDefaultDimensions();
    }

    @Override
    public synchronized void setNamespace(String namespace) {
        emf.setNamespace(namespace);
    }

    @Override
    public synchronized void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {
        emf.setRaiseOnEmptyMetrics(raiseOnEmptyMetrics);
    }

    @Override
    public synchronized void clearDefaultDimensions() {
        emf.clearDefaultDimensions();
    }

    @Override
    public synchronized void flush() {
        emf.flush();
    }

    @Override
    public synchronized void captureColdStartMetric(Context context, DimensionSet dimensions) {
        emf.captureColdStartMetric(context, dimensions);
    }

    @Override
    public synchronized void captureColdStartMetric(DimensionSet dimensions) {
        emf.captureColdStartMetric(dimensions);
    }

    @Override
    public synchronized void flushMetrics(Consumer<Metrics> metricsConsumer) {
        emf.flushMetrics(metricsConsumer);
    }
}
