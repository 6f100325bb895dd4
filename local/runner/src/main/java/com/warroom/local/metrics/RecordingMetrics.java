package com.warroom.local.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.warroom.observability.OpsMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools' metrics as the runner sees them: each call goes on to the EMF metrics (which print as in Lambda), and
 * what is flushed is also appended to the local metric file, with the invoked function's name as {@code Service}, as
 * Powertools names it in AWS.
 */
final class RecordingMetrics implements Metrics {

    private record Pending(String name, double value, Map<String, String> dimensions) {
    }

    private final Metrics emf;
    private final List<Pending> pending = new ArrayList<>();
    private Map<String, String> dimensions = Map.of();
    private String namespace = OpsMetrics.NAMESPACE;

    RecordingMetrics(Metrics emf) {
        this.emf = emf;
    }

    @Override
    public synchronized void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
        emf.addMetric(key, value, unit, resolution);
        Map<String, String> labels = new LinkedHashMap<>(dimensions);
        LocalMetrics.invokedFunction().ifPresent(function -> labels.putIfAbsent("Service", function));
        pending.add(new Pending(key, value, labels));
    }

    @Override
    public synchronized void addDimension(DimensionSet dimensionSet) {
        emf.addDimension(dimensionSet);
        Map<String, String> added = new LinkedHashMap<>(dimensions);
        dimensionSet.getDimensionKeys().forEach(key -> added.put(key, dimensionSet.getDimensionValue(key)));
        dimensions = Map.copyOf(added);
    }

    @Override
    public synchronized void flush() {
        emf.flush();
        writePending();
        // the EMF logger drops the dimensions added for what it flushed
        dimensions = Map.of();
    }

    private void writePending() {
        pending.forEach(p -> LocalMetrics.record(namespace, p.name(), p.dimensions(), p.value()));
        pending.clear();
    }

    @Override
    public void flushMetrics(Consumer<Metrics> metricsConsumer) {
        emf.flushMetrics(single -> {
            RecordingMetrics recording = new RecordingMetrics(single);
            recording.namespace = namespace;
            metricsConsumer.accept(recording);
            recording.writePending();
        });
    }

    @Override
    public void setTimestamp(Instant timestamp) {
        emf.setTimestamp(timestamp);
    }

    @Override
    public void addMetadata(String key, Object value) {
        emf.addMetadata(key, value);
    }

    @Override
    public void setDefaultDimensions(DimensionSet dimensionSet) {
        emf.setDefaultDimensions(dimensionSet);
    }

    @Override
    public DimensionSet getDefaultDimensions() {
        return emf.getDefaultDimensions();
    }

    @Override
    public synchronized void setNamespace(String namespace) {
        emf.setNamespace(namespace);
        this.namespace = namespace;
    }

    @Override
    public void setRaiseOnEmptyMetrics(boolean raiseOnEmptyMetrics) {
        emf.setRaiseOnEmptyMetrics(raiseOnEmptyMetrics);
    }

    @Override
    public void clearDefaultDimensions() {
        emf.clearDefaultDimensions();
    }

    @Override
    public void captureColdStartMetric(Context context, DimensionSet dimensions) {
        emf.captureColdStartMetric(context, dimensions);
    }

    @Override
    public void captureColdStartMetric(DimensionSet dimensions) {
        emf.captureColdStartMetric(dimensions);
    }
}
