package com.warroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payouts.callback.CustodyCallbackHandler;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The custody callback route in the measured JVM: a loopback listener that hands each callback the simulator POSTs to
 * the real {@link CustodyCallbackHandler} as the payload-2.0 event API Gateway would (headers lower-cased), and answers
 * with what the handler answered. Its AWS calls are counted under {@link #TAG}.
 */
final class CustodyCallbackReceiver implements AutoCloseable {

    static final String TAG = "callback-route";
    static final String ROUTE = Topology.CUSTODY_CALLBACK.routes().getFirst().method() + " "
            + Topology.CUSTODY_CALLBACK.routes().getFirst().path();

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong handledNanos = new AtomicLong();
    private volatile long lastHandledNanos;

    private CustodyCallbackReceiver(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static CustodyCallbackReceiver start(int port, CustodyCallbackHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService threads = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("callback-route-", 0).factory());
        CustodyCallbackReceiver receiver = new CustodyCallbackReceiver(server, threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                TaggedSdkCalls.tag(TAG);
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                APIGatewayV2HTTPEvent event = HttpEvents.route(ROUTE).body(body).build();
                for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                    event = HttpEvents.withHeader(event, header.getKey(), header.getValue().getFirst());
                }
                long begin = System.nanoTime();
                APIGatewayV2HTTPResponse answer = handler.handleRequest(event,
                        LocalLambdaContext.of(Topology.CUSTODY_CALLBACK.name(), 512, Topology.CUSTODY_CALLBACK.timeoutSeconds()));
                long end = System.nanoTime();
                receiver.handledNanos.addAndGet(end - begin);
                receiver.received.incrementAndGet();
                if (answer.getStatusCode() != 200) {
                    receiver.refused.incrementAndGet();
                }
                receiver.lastHandledNanos = end;
                byte[] bytes = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            }
        });
        server.setExecutor(threads);
        server.start();
        return receiver;
    }

    long received() {
        return received.get();
    }

    long refused() {
        return refused.get();
    }

    long handledNanos() {
        return handledNanos.get();
    }

    long lastHandledNanos() {
        return lastHandledNanos;
    }

    void reset() {
        received.set(0);
        refused.set(0);
        handledNanos.set(0);
        lastHandledNanos = 0;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
