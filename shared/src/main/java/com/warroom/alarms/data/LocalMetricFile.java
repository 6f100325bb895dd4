package com.warroom.alarms.data;

import com.warroom.alarms.AlarmEvaluation;
import com.warroom.alarms.MetricData;
import com.warroom.alarms.Watched;
import com.warroom.observability.MetricPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local runner's metric file (one {@link MetricPoint} a line, every metric the functions emitted and the API's and
 * functions' own): what CloudWatch would answer, read on a laptop.
 */
public final class LocalMetricFile implements MetricData {

    private final Path file;

    public LocalMetricFile(Path file) {
        this.file = file;
    }

    @Override
    public Series values(Watched watched, Duration period, Instant from, Instant to) {
        List<Map.Entry<Instant, Double>> points = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                MetricPoint.parse(line).filter(point -> belongs(watched, point))
                        .ifPresent(point -> points.add(new AbstractMap.SimpleEntry<>(point.timestamp(), point.value())));
            }
        } catch (NoSuchFileException nothingEmittedYet) {
            // nothing emitted yet: every period is missing
        } catch (IOException e) {
            throw new UncheckedIOException("the local metric file " + file + " could not be read", e);
        }
        return new Series(AlarmEvaluation.aggregate(points, watched.statistic(), period, from, to), from);
    }

    static boolean belongs(Watched watched, MetricPoint point) {
        if (!point.namespace().equals(watched.namespace()) || !point.name().equals(watched.metricName()) || !watched.counts(point.value())) {
            return false;
        }
        return switch (watched) {
            case Watched.WarroomMetric metric -> metric.matches(point.dimensions());
            case Watched.ApiMetric api -> api.route().map(route -> route.equals(point.dimensions().get(Watched.ApiMetric.ROUTE))).orElse(true);
            // the runner names a function by its topology name, as AWS does by its physical one
            case Watched.LambdaMetric lambda -> lambda.function().map(f -> f.equals(point.dimensions().get(LAMBDA_FUNCTION)))
                    .orElse(true);
            case Watched.DeadLetters queue -> false;
        };
    }

    /** The dimension Lambda names a function's metrics by. */
    public static final String LAMBDA_FUNCTION = "FunctionName";
}
