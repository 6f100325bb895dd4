package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Trigger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.EventSourceMapping;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * What starts each function in AWS, from its {@link Trigger}, in one exhaustive switch: a new kind of trigger does not
 * compile until it is realized here (and in the local runner). Every trigger calls the function's {@code live} alias.
 */
public final class FunctionTriggers extends Construct {

    /**
     * What Lambda's SQS poller calls with the consumer's role (the SQS actions of AWS's AWSLambdaSQSQueueExecutionRole):
     * a failed message goes back by its visibility timeout, so the poller needs no ChangeMessageVisibility.
     */
    static final List<String> CONSUME_ACTIONS = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");

    /** What the triggers are built from: the stack's functions (in topology order) and queues. */
    public record Props(Map<FunctionDef, WarroomFunction> functions, WorkQueues queues) {
        public Props {
            // a copy that keeps the topology's order, so the template does not churn between synths
            functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        }
    }

    private final WorkQueues queues;
    private final Map<FunctionDef, EventSourceMapping> consumers = new LinkedHashMap<>();
    private final Map<FunctionDef, FunctionSchedule> schedules = new LinkedHashMap<>();

    public FunctionTriggers(Construct scope, String id, Props props) {
        super(scope, id);
        queues = props.queues();
        props.functions().forEach((definition, function) -> {
            switch (definition.trigger()) {
                // WarroomHttpApi routes each of the topology's routes() to the live alias
                case Trigger.Http http -> { }
                case Trigger.QueueConsumer consumer -> consumers.put(definition, consume(definition, function, consumer));
                case Trigger.Schedule schedule -> schedules.put(definition, schedule(definition, function, schedule));
                // ApprovalWorkflow's state machine invokes the live alias as one of its task states
                case Trigger.WorkflowTask task -> { }
                // a person or a deploy step invokes the live alias (aws lambda invoke)
                case Trigger.Invoked invoked -> { }
            }
        });
    }

    /** The SQS event source of each queue consumer, in topology order. */
    public Map<FunctionDef, EventSourceMapping> consumers() {
        return Collections.unmodifiableMap(consumers);
    }

    /** The schedule of each scheduled function, in topology order. */
    public Map<FunctionDef, FunctionSchedule> schedules() {
        return Collections.unmodifiableMap(schedules);
    }

    private FunctionSchedule schedule(FunctionDef definition, WarroomFunction function, Trigger.Schedule schedule) {
        return new FunctionSchedule(this, ConstructIds.pascal(definition.name()) + "Schedule",
                new FunctionSchedule.Props(WarroomFunction.name(Stack.of(this), definition), function.live(), schedule));
    }

    /**
     * Lambda polls the queue and calls the alias with up to batchSize messages; the handler names the ones that failed
     * (SQSBatchResponse) and only those come back, until the queue's redrive moves them to its dead-letter queue.
     */
    private EventSourceMapping consume(FunctionDef definition, WarroomFunction function, Trigger.QueueConsumer consumer) {
        IQueue queue = queues.queue(consumer.queue());
        function.allow(PolicyStatement.Builder.create()
                .actions(CONSUME_ACTIONS)
                .resources(List.of(queue.getQueueArn()))
                .build());
        return EventSourceMapping.Builder.create(this, ConstructIds.pascal(definition.name()) + "Consumer")
                .target(function.live())
                .eventSourceArn(queue.getQueueArn())
                .batchSize(consumer.batchSize())
                .maxBatchingWindow(Duration.seconds(consumer.batchingWindow().toSeconds()))
                .reportBatchItemFailures(true)
                .build();
    }
}
