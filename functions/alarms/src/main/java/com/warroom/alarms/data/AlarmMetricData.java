package com.warroom.alarms.data;

import com.warroom.alarms.MetricData;
import com.warroom.alarms.Watched;
import java.time.Duration;
import java.time.Instant;

/** Metric values from the metric store (CloudWatch, or the local file), queue depths from SQS. */
public final class AlarmMetricData implements MetricData {

    private final MetricData metrics;
    private final QueueDepths queues;

    public AlarmMetricData(MetricData metrics, QueueDepths queues) {
        this.metrics = metrics;
        this.queues = queues;
    }

    @Override
    public Series values(Watched watched, Duration period, Instant from, Instant to) {
        return watched instanceof Watched.DeadLetters deadLetters ? queues.depth(deadLetters, period, to)
                : metrics.values(watched, period, from, to);
    }
}
