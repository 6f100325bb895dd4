package com.warroom.infra;

import com.warroom.topology.EventBusDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.constructs.Construct;

/**
 * The EventBridge buses of the topology, each with its one rule: the bus's source and detail-types, delivered to the
 * bus's target queue (whose consumer takes them in, so retries and the dead-letter queue are the queue's). The queue's
 * policy lets EventBridge send for that rule only. An event EventBridge itself cannot deliver (the queue unreachable for
 * a day) lands in the same dead-letter queue, with EventBridge's own error attributes.
 */
public final class EventBuses extends Construct {

    // EventBridge's own defaults, written out: retry a failed delivery for up to a day before the dead-letter queue
    static final Duration MAX_EVENT_AGE = Duration.hours(24);
    static final int RETRY_ATTEMPTS = 185;

    /** A bus and the rule that feeds its queue. */
    public record Bus(EventBus bus, Rule rule) {
    }

    private final Map<EventBusDef, Bus> buses = new LinkedHashMap<>();

    public EventBuses(Construct scope, String id, List<EventBusDef> definitions, WorkQueues queues) {
        super(scope, id);
        for (EventBusDef definition : definitions) {
            String name = ConstructIds.pascal(definition.name());
            EventBus bus = EventBus.Builder.create(this, name).eventBusName(definition.name()).build();
            Rule rule = Rule.Builder.create(this, name + "ToQueue")
                    .eventBus(bus)
                    .description("The " + definition.source() + " events Warroom takes in, to queue " + definition.target().logicalName())
                    .eventPattern(EventPattern.builder()
                            .source(List.of(definition.source()))
                            .detailType(definition.detailTypes())
                            .build())
                    .targets(List.of(SqsQueue.Builder.create(queues.queue(definition.target()))
                            .deadLetterQueue(queues.deadLetterQueue(definition.target()))
                            .maxEventAge(MAX_EVENT_AGE)
                            .retryAttempts(RETRY_ATTEMPTS)
                            .build()))
                    .build();
            buses.put(definition, new Bus(bus, rule));
        }
    }

    /** The bus built for a definition. */
    public Bus bus(EventBusDef definition) {
        Bus bus = buses.get(definition);
        if (bus == null) {
            throw new IllegalArgumentException("bus " + definition.name() + " is not in the topology's eventBuses()");
        }
        return bus;
    }
}
