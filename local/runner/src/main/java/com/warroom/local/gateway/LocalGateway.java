package com.warroom.local.gateway;

import com.sun.net.httpserver.HttpServer;
import com.warroom.local.auth.TokenVerifier;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stand-in for API Gateway's HTTP API: a JDK HTTP server on a loopback address that routes the
 * topology's routes to their functions in this JVM.
 */
public final class LocalGateway implements AutoCloseable {

    private static final int STOP_GRACE_SECONDS = 1;

    private final HttpServer server;
    private final ExecutorService executor;

    private LocalGateway(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code address} (port 0 picks a free one) and starts answering. */
    public static LocalGateway start(InetSocketAddress address, Topology topology, LambdaFunctions functions,
                                     TokenVerifier verifier) throws IOException {
        return start(address, topology, functions, verifier, GatewayLimits.DEFAULT);
    }

    public static LocalGateway start(InetSocketAddress address, Topology topology, LambdaFunctions functions,
                                     TokenVerifier verifier, GatewayLimits limits) throws IOException {
        // the JDK's default backlog (50) let a burst of connections be refused before any code of ours saw them
        JdkRefusals.log();
        HttpServer server = HttpServer.create(address, limits.backlog());
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new GatewayExchange(
                new GatewayDispatcher(new RouteTable(topology.routes()), functions, verifier), new RequestQueue(limits), Clock.systemUTC()));
        server.start();
        return new LocalGateway(server, executor);
    }

    public URI url() {
        InetSocketAddress bound = server.getAddress();
        return URI.create("http://" + bound.getHostString() + ":" + bound.getPort());
    }

    /** Stops accepting, gives requests in flight a moment to finish, then stops. */
    @Override
    public void close() {
        server.stop(STOP_GRACE_SECONDS);
        executor.shutdownNow();
    }
}
