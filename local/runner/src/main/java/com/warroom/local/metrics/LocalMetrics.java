package com.warroom.local.metrics;

import com.warroom.alarms.Watched;
import com.warroom.observability.MetricPoint;
import com.warroom.observability.OpsMetrics;
import com.warroom.slo.SloMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * The local stand-in for CloudWatch's metric store: every metric point the functions emit (through Powertools, still
 * printed as EMF too), every gateway request's {@code Count}, {@code 4xx}, {@code 5xx} and {@code Latency} per route, and every invocation's {@code Errors},
 * appended as JSON lines ({@link MetricPoint}) to a file in the data folder that the local alarm evaluation reads.
 */
public final class LocalMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMetrics.class);
    private static final ThreadLocal<String> INVOKED = new ThreadLocal<>();
    // the field Powertools' logging puts the invoked function's name in while it runs (PowertoolsLoggedFields)
    private static final String FUNCTION_NAME_FIELD = "function_name";
    private static volatile LocalMetrics installed;

    public static final String API_NAMESPACE = Watched.ApiMetric.NAMESPACE;
    /** The local gateway's stand-in for the HTTP API's id. */
    public static final String LOCAL_API_ID = "local";
    public static final String LAMBDA_NAMESPACE = "AWS/Lambda";

    private final Path file;
    private final Clock clock;
    private final Writer writer;

    private LocalMetrics(Path file, Clock clock) throws IOException {
        this.file = file;
        this.clock = clock;
        Files.createDirectories(file.getParent());
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Records from now on into {@code file}: installs the Powertools metrics provider that records and prints, and sets
     * {@link MetricPoint#FILE_SETTING} for the alarm evaluation. Closing puts Powertools' own provider back.
     */
    public static LocalMetrics install(Path file, Clock clock) throws IOException {
        LocalMetrics metrics = new LocalMetrics(file, clock);
        installed = metrics;
        MetricsFactory.setMetricsProvider(() -> new RecordingMetrics(new EmfMetricsProvider().getMetricsInstance()));
        System.setProperty(MetricPoint.FILE_SETTING, file.toString());
        return metrics;
    }

    public Path file() {
        return file;
    }

    /** Runs a function's invocation under its name (the Service dimension) and records its {@code Errors} (0 or 1). */
    public static <T> T invocation(String function, Supplier<T> invocation) {
        String outer = INVOKED.get();
        INVOKED.set(function);
        boolean failed = true;
        try {
            T result = invocation.get();
            failed = false;
            return result;
        } finally {
            restore(outer);
            record(LAMBDA_NAMESPACE, "Errors", Map.of("FunctionName", function), failed ? 1 : 0);
        }
    }

    /**
     * A gateway request's answer as API Gateway publishes it: {@code Count} (1), {@code 4xx} and {@code 5xx} (0 or 1)
     * and {@code Latency} in milliseconds, with the dimensions of a route's detailed metrics (ApiId, Stage, Route); a
     * request that matched no route has no Route.
     */
    public static void request(Optional<String> routeKey, int status, long latencyMillis) {
        Map<String, String> dimensions = new java.util.TreeMap<>(Map.of(Watched.ApiMetric.API_ID, LOCAL_API_ID,
                Watched.ApiMetric.STAGE, Watched.ApiMetric.DEFAULT_STAGE));
        routeKey.ifPresent(route -> dimensions.put(Watched.ApiMetric.ROUTE, route));
        record(API_NAMESPACE, SloMetrics.COUNT, dimensions, 1);
        record(API_NAMESPACE, SloMetrics.CLIENT_ERRORS, dimensions, status >= 400 && status < 500 ? 1 : 0);
        record(API_NAMESPACE, SloMetrics.SERVER_ERRORS, dimensions, status >= 500 ? 1 : 0);
        record(API_NAMESPACE, SloMetrics.LATENCY, dimensions, latencyMillis);
    }

    /**
     * The function whose invocation this thread runs, if any: the one the runner invoked, or else the one Powertools'
     * logging names for the invocation in progress (a workflow task, which the embedded Step Functions invokes).
     */
    static Optional<String> invokedFunction() {
        return Optional.ofNullable(INVOKED.get()).or(() -> Optional.ofNullable(MDC.get(FUNCTION_NAME_FIELD)));
    }

    static void record(String namespace, String name, Map<String, String> dimensions, double value) {
        LocalMetrics metrics = installed;
        if (metrics != null) {
            metrics.append(new MetricPoint(namespace == null ? OpsMetrics.NAMESPACE : namespace, name, dimensions, value,
                    metrics.clock.instant()));
        }
    }

    synchronized void append(MetricPoint point) {
        try {
            writer.write(point.toJsonLine());
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            // a metric that cannot be written never fails the work it measured
            LOG.warn("metric {} could not be written to {}", point.name(), file, e);
        }
    }

    private static void restore(String outer) {
        if (outer == null) {
            INVOKED.remove();
        } else {
            INVOKED.set(outer);
        }
    }

    @Override
    public synchronized void close() {
        if (installed == this) {
            installed = null;
            MetricsFactory.setMetricsProvider(new EmfMetricsProvider());
            System.clearProperty(MetricPoint.FILE_SETTING);
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
