package com.warroom.topology;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * What starts a function. The CDK app and the local runner each switch over every kind, so a new kind cannot be
 * realized in one place and forgotten in the other.
 */
public sealed interface Trigger {

    /** API Gateway routes (payload format 2.0). */
    record Http(List<HttpRoute> routes) implements Trigger {
        public Http {
            routes = List.copyOf(routes);
            if (routes.isEmpty()) {
                throw new IllegalArgumentException("an HTTP function has at least one route");
            }
        }
    }

    /**
     * An SQS consumer: up to {@code batchSize} messages per call, gathered for up to {@code batchingWindow}. Partial
     * batch failures are always on: the handler answers {@code SQSBatchResponse} naming the messages that failed, and
     * only those come back (after the queue's visibility timeout), until the queue's max receive count moves them to
     * the dead-letter queue.
     */
    record QueueConsumer(QueueDef queue, int batchSize, Duration batchingWindow) implements Trigger {
        public QueueConsumer {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("batch size " + batchSize + " is not 1 to 10000");
            }
            if (batchSize > 10 && batchingWindow.isZero()) {
                throw new IllegalArgumentException("a batch size over 10 needs a batching window (an SQS event source rule)");
            }
            if (batchingWindow.isNegative() || batchingWindow.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("batching window " + batchingWindow + " is not 0 to 5 minutes");
            }
        }
    }

    /**
     * An EventBridge Scheduler schedule: {@code cron(...)} or {@code rate(...)} evaluated in {@code zone}, delivering
     * {@code payload} (a JSON object) as the event.
     */
    record Schedule(ScheduleExpression expression, ZoneId zone, String payload) implements Trigger {
        public Schedule {
            if (!payload.strip().startsWith("{")) {
                throw new IllegalArgumentException("a schedule's payload is a JSON object: " + payload);
            }
        }

        public static Schedule of(String expression, String zone) {
            return new Schedule(ScheduleExpression.parse(expression), ZoneId.of(zone), "{}");
        }
    }

    /** A task state of a workflow (by the workflow's logical name). */
    record WorkflowTask(String workflow) implements Trigger {
    }

    /** Nothing starts it but a person or a deploy step ({@code aws lambda invoke}): one-off jobs such as the config seed. */
    record Invoked() implements Trigger {
    }
}
