package com.warroom.alarms.data;

import com.warroom.alarms.AlarmEvaluation;
import com.warroom.alarms.MetricData;
import com.warroom.alarms.Watched;
import com.warroom.aws.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Dead-letter queues' depths as SQS says them now (GetQueueAttributes, on ElasticMQ locally): the same answer the
 * CloudWatch metric gives five minutes later. A depth has no history, so it speaks for the period in progress only.
 */
public final class QueueDepths {

    private final SqsClient sqs;

    public QueueDepths(SqsClient sqs) {
        this.sqs = sqs;
    }

    MetricData.Series depth(Watched.DeadLetters watched, Duration period, Instant to) {
        String url = Settings.require(watched.queue().dlqUrlEnvVar());
        String visible = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        Instant current = AlarmEvaluation.periodStart(to.minus(period), period);
        SortedMap<Instant, Double> values = new TreeMap<>();
        values.put(current, Double.parseDouble(visible));
        return new MetricData.Series(values, current);
    }
}
