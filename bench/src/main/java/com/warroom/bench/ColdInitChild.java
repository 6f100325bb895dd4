package com.warroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.flags.api.FlagReadHandler;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Role;
import java.lang.management.ManagementFactory;

/**
 * The measured side of {@link ColdInit}: a fresh JVM that constructs the flag-read handler the way the
 * Lambda runtime does (no-arg constructor, settings from the environment) and answers its first
 * {@code GET /v1/system-flags}. It touches nothing else before the measured steps: JMX is read only at
 * the end, since loading it would itself cost tens of milliseconds.
 */
public final class ColdInitChild {

    static final String MARKER = "COLD-INIT-RESULT";

    private ColdInitChild() {
    }

    public static void main(String[] args) {
        long mainEpochMillis = System.currentTimeMillis();
        long mainNanos = System.nanoTime();

        FlagReadHandler handler = new FlagReadHandler();
        long constructedNanos = System.nanoTime();

        // In Lambda the runtime deserializes the event before calling the handler; here it is built, and timed apart.
        APIGatewayV2HTTPEvent event = listEvent();
        LocalLambdaContext context = LocalLambdaContext.of("flag-read", 1024, 10);
        long eventNanos = System.nanoTime();

        APIGatewayV2HTTPResponse first = handler.handleRequest(event, context);
        long answeredNanos = System.nanoTime();
        long cpuToFirstAnswer = CpuClock.processMillis();

        APIGatewayV2HTTPEvent secondEvent = listEvent();
        long secondStartNanos = System.nanoTime();
        APIGatewayV2HTTPResponse second = handler.handleRequest(secondEvent, LocalLambdaContext.of("flag-read", 1024, 10));
        long secondNanos = System.nanoTime() - secondStartNanos;

        long jvmStartEpochMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpuAtEnd = CpuClock.processMillis();
        System.out.println(MARKER
                + " jvmStartEpochMs=" + jvmStartEpochMillis
                + " mainEpochMs=" + mainEpochMillis
                + " constructNs=" + (constructedNanos - mainNanos)
                + " eventNs=" + (eventNanos - constructedNanos)
                + " firstNs=" + (answeredNanos - eventNanos)
                + " secondNs=" + secondNanos
                + " cpuFirstMs=" + cpuToFirstAnswer
                + " cpuEndMs=" + cpuAtEnd
                + " status=" + first.getStatusCode()
                + " secondStatus=" + second.getStatusCode()
                + " bodyLength=" + first.getBody().length()
                + " bodyHash=" + first.getBody().hashCode());
        System.out.flush();
        // Stop at once: whatever non-daemon threads the SDK or logging left behind are not part of the figure.
        System.exit(0);
    }

    private static APIGatewayV2HTTPEvent listEvent() {
        return HttpEvents.route(BenchStack.LIST_ROUTE).caller("bench-support", Role.SUPPORT).build();
    }
}
