package com.warroom.infra;

import com.warroom.topology.QueueDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.Stats;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The SQS queues of the topology, each with its dead-letter queue and an alarm that goes off as soon as one message
 * lands there.
 */
public final class WorkQueues extends Construct {

    // the longest SQS allows: a message that failed maxReceiveCount times waits for a person to look at it
    private static final Duration DLQ_RETENTION = Duration.days(14);
    // SQS publishes its queue metrics every 5 minutes: a shorter period would only see gaps
    static final Duration DLQ_ALARM_PERIOD = Duration.minutes(5);

    private record WorkQueue(Queue queue, Queue deadLetters, Alarm deadLetterAlarm) {
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

    /** {@code <Stack>-<queue>-dlq-not-empty}: at least one message of the queue gave up and waits for a person. */
    public Alarm deadLetterAlarm(QueueDef definition) {
        return workQueue(definition).deadLetterAlarm();
    }

    static String deadLetterAlarmName(String stackName, QueueDef definition) {
        return stackName + "-" + definition.logicalName() + "-dlq-not-empty";
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
        return new WorkQueue(queue, deadLetters, deadLetterAlarm(id, definition, deadLetters));
    }

    private Alarm deadLetterAlarm(String id, QueueDef definition, Queue deadLetters) {
        return Alarm.Builder.create(this, id + "DlqNotEmpty")
                .alarmName(deadLetterAlarmName(Stack.of(this).getStackName(), definition))
                .alarmDescription(deadLetterAlarmDescription(definition, deadLetters))
                .metric(deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(DLQ_ALARM_PERIOD)
                        .statistic(Stats.MAXIMUM)
                        .build()))
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .threshold(1)
                .evaluationPeriods(1)
                // SQS stops publishing for a queue idle for six hours, and an idle dead-letter queue is an empty one
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    /** What the alarm means and what to do, with the dead-letter queue's URL and ARN resolved at deploy time. */
    private static String deadLetterAlarmDescription(QueueDef definition, Queue deadLetters) {
        return "Warroom " + definition.logicalName() + ": at least one message failed " + definition.maxReceiveCount()
                + " times in its consumer and now waits in the dead-letter queue " + deadLetters.getQueueName()
                + "; nothing retries it, and it expires " + DLQ_RETENTION.toDays() + " days after it was first sent. Read it (aws sqs receive-message --queue-url "
                + deadLetters.getQueueUrl() + " --attribute-names All --max-number-of-messages 10) and the consumer's"
                + " logs for the error. Once the cause is fixed, move the messages back to be processed again (aws sqs"
                + " start-message-move-task --source-arn " + deadLetters.getQueueArn() + "); delete only a message"
                + " whose effect you have applied or ruled out by hand.";
    }
}
