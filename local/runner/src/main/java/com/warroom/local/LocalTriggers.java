package com.warroom.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.local.gateway.LambdaFunctions;
import com.warroom.local.lambda.FailureLog;
import com.warroom.local.lambda.LocalFunction;
import com.warroom.local.queue.QueueEndpoint;
import com.warroom.local.queue.QueuePoller;
import com.warroom.local.schedule.LocalScheduler;
import com.warroom.local.schedule.ScheduledFunction;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.HandlerClass;
import com.warroom.topology.EventBusDef;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What starts each function on this machine, as the CDK app wires it in AWS: routes behind the local gateway, a poller
 * per queue consumer, the local scheduler for schedules; workflow tasks are the local Step Functions'; event buses have
 * no local realization (their HTTP route feeds their queue). Every trigger
 * kind is realized in one switch, so a new kind cannot be forgotten here.
 */
public final class LocalTriggers implements AutoCloseable {

    private static final Duration SCHEDULE_CHECK = Duration.ofSeconds(1);

    private final LambdaFunctions routes;
    private final List<QueuePoller> pollers;
    private final LocalScheduler scheduler;

    private LocalTriggers(LambdaFunctions routes, List<QueuePoller> pollers, LocalScheduler scheduler) {
        this.routes = routes;
        this.pollers = List.copyOf(pollers);
        this.scheduler = scheduler;
    }

    /**
     * Creates every handler through its public no-arg constructor, as Lambda does, so the settings must already point
     * at the stack; nothing is received or fired until {@link #start}.
     */
    public static LocalTriggers realize(Topology topology, EmbeddedStack stack, FailureLog failures) {
        Map<FunctionDef, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes = new LinkedHashMap<>();
        List<QueuePoller> pollers = new ArrayList<>();
        List<ScheduledFunction> schedules = new ArrayList<>();
        Map<String, String> settings = stack.settings(topology);
        for (FunctionDef function : topology.functions()) {
            HandlerClass handler = HandlerClass.load(function);
            switch (function.trigger()) {
                case Trigger.Http http -> routes.put(function, handler.instantiate(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
                case Trigger.QueueConsumer consumer -> {
                    String url = Objects.requireNonNull(settings.get(consumer.queue().urlEnvVar()), consumer.queue().urlEnvVar());
                    pollers.add(new QueuePoller(new LocalFunction<>(function, handler.instantiate(SQSEvent.class, SQSBatchResponse.class)),
                            consumer, new QueuePoller.QueueConnection(stack.sqs(), QueueEndpoint.of(stack.sqs(), url, stack.region()), failures)));
                }
                case Trigger.Schedule schedule ->
                        schedules.add(new ScheduledFunction(new LocalFunction<>(function, handler.instantiateForJsonObjects()), schedule));
                // the local Step Functions runs it, in the workflow the stack registered when it provisioned the topology
                case Trigger.WorkflowTask task -> { }
                // only a person or a deploy step invokes it; the runner's first start seeds the config itself (LocalConfigSeed)
                case Trigger.Invoked invoked -> { }
            }
        }
        for (EventBusDef bus : topology.eventBuses()) {
            // No EventBridge on this machine, so no bus and no rule: a bus's events reach its target queue (whose poller is
            // above) only through an HTTP route that puts the message EventBridge would deliver, such as the platform's
            // POST /v1/platform/events. A bus without such a route could not be fed here, so the runner refuses it.
            boolean fedOverHttp = topology.functions().stream()
                    .anyMatch(f -> f.trigger() instanceof Trigger.Http && f.sendsTo().contains(bus.target()));
            if (!fedOverHttp) {
                throw new IllegalStateException("event bus " + bus.name() + " has no local realization: no HTTP route sends to its queue "
                        + bus.target().logicalName());
            }
        }
        return new LocalTriggers(LambdaFunctions.of(routes), pollers, new LocalScheduler(schedules, stack.clock(), failures));
    }

    /** Starts the pollers and the scheduler (the gateway is started by whoever binds its address). */
    public LocalTriggers start() {
        pollers.forEach(QueuePoller::start);
        scheduler.checkingEvery(SCHEDULE_CHECK);
        return this;
    }

    /** The HTTP functions, for the local gateway. */
    public LambdaFunctions routes() {
        return routes;
    }

    public List<QueuePoller> pollers() {
        return pollers;
    }

    public LocalScheduler scheduler() {
        return scheduler;
    }

    /** Stops firing schedules and receiving messages; batches and runs in flight finish first. */
    @Override
    public void close() {
        try {
            scheduler.close();
        } finally {
            pollers.forEach(QueuePoller::stopReceiving);
            pollers.forEach(QueuePoller::close);
        }
    }
}
