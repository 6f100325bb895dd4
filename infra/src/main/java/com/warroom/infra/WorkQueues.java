package com.warroom.infra;

import com.warroom.topology.QueueDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The SQS queues of the topology, each with its dead-letter queue (whose alarm is {@link WarroomAlarms}', from the
 * catalogue).
 */
public final class WorkQueues extends Construct {

    // the longest SQS allows: a message that failed maxReceiveCount times waits for a person to look at it
    private static final Duration DLQ_RETENTION = Duration.days(14);

    private record WorkQueue(Queue queue, Queue deadLetters) {
    }

    private final Map<QueueDef, WorkQueue> queues = new LinkedHashMap<>();

    public WorkQueues(Construct scope, String id, List<QueueDef> definitions) {
        super(scope, id);
        definitions.forEach(definition -> queues.put(definition, build(definition)));
    }

    /** The queue built for a definition; a function naming a queue outside the topology is a wiring error. */
    public Queue queue(QueueDef definition) {
        return workQueue(definition).queue();
    }

    /** Where a message of the queue goes after {@link QueueDef#maxReceiveCount()} failed receives. */
    public Queue deadLetterQueue(QueueDef definition) {
        return workQueue(definition).deadLetters();
    }

    private WorkQueue workQueue(QueueDef definition) {
        WorkQueue queue = queues.get(definition);
        if (queue == null) {
            throw new IllegalArgumentException("queue " + definition.logicalName() + " is not in the topology's queues()");
        }
        return queue;
    }

    private WorkQueue build(QueueDef definition) {
        String id = ConstructIds.pascal(definition.logicalName());
        Queue deadLetters = Queue.Builder.create(this, id + "Dlq")
                .retentionPeriod(DLQ_RETENTION)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Queue queue = Queue.Builder.create(this, id)
                .visibilityTimeout(Duration.seconds(definition.visibilityTimeoutSeconds()))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(definition.maxReceiveCount())
                        .build())
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        return new WorkQueue(queue, deadLetters);
    }

}
