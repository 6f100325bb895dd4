package com.warroom.local.gateway;

import com.warroom.local.auth.TokenVerifier;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.UriCompliance.Violation;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for API Gateway's HTTP API: a Jetty server on a loopback address that routes the topology's
 * routes to their functions in this JVM, throttles the routes that have their own throttle, and answers every request
 * it cannot parse with a problem too.
 */
public final class LocalGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalGateway.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(1);
    // at a stop, a kept-alive connection with no request on it is closed after this instead of after the whole grace
    private static final Duration IDLE_AT_STOP = Duration.ofMillis(100);

    private final Server server;
    private final ExecutorService virtualThreads;
    private final URI url;

    private LocalGateway(Server server, ExecutorService virtualThreads, URI url) {
        this.server = server;
        this.virtualThreads = virtualThreads;
        this.url = url;
    }

    /** Binds {@code address} (port 0 picks a free one) and starts answering. */
    public static LocalGateway start(InetSocketAddress address, Topology topology, LambdaFunctions functions,
                                     TokenVerifier verifier) throws IOException {
        return start(address, topology, functions, verifier, GatewayLimits.DEFAULT);
    }

    public static LocalGateway start(InetSocketAddress address, Topology topology, LambdaFunctions functions,
                                     TokenVerifier verifier, GatewayLimits limits) throws IOException {
        return start(address, topology, functions, verifier, limits, ConsoleSite.none());
    }

    /** Also serves the ops console under {@code /console/} (see {@link ConsoleSite}). */
    public static LocalGateway start(InetSocketAddress address, Topology topology, LambdaFunctions functions,
                                     TokenVerifier verifier, GatewayLimits limits, ConsoleSite console) throws IOException {
        return start(address, topology, functions, verifier, limits, console, Ticker.SYSTEM);
    }

    /** With the route throttles' time from {@code ticker}: tests move it by hand instead of waiting. */
    static LocalGateway start(InetSocketAddress address, Topology topology, LambdaFunctions functions,
                              TokenVerifier verifier, GatewayLimits limits, ConsoleSite console, Ticker ticker) throws IOException {
        // Jetty's own threads select and parse; each request runs on a virtual thread, since it may wait in the queue
        ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("local-gateway");
        threads.setVirtualThreadsExecutor(virtualThreads);
        Server server = new Server(threads);
        HttpConfiguration http = configuration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        // past the accept queue, the operating system refuses a burst of connections before any code of ours sees them
        connector.setAcceptQueueSize(limits.backlog());
        connector.setShutdownIdleTimeout(IDLE_AT_STOP.toMillis());
        server.addConnector(connector);
        server.setHandler(new Handler.Sequence(console, new GatewayExchange(
                new GatewayDispatcher(new RouteTable(topology.routes()), new RouteThrottles(topology.routes(), ticker), functions, verifier),
                new RequestQueue(limits), Clock.systemUTC())));
        server.setErrorHandler(new RefusedRequests(http.getRequestHeaderSize()));
        server.setStopTimeout(STOP_GRACE.toMillis());
        try {
            server.start();
        } catch (Exception e) {
            new LocalGateway(server, virtualThreads, null).close();
            throw e instanceof IOException io ? io : new IOException("the local gateway did not start on " + address, e);
        }
        return new LocalGateway(server, virtualThreads, URI.create("http://" + address.getHostString() + ":" + connector.getLocalPort()));
    }

    /**
     * HTTP/1.1 as RFC 9110 and RFC 3986 define it, except that the gateway routes on the raw path itself, never on
     * Jetty's decoded one: a path Jetty would call ambiguous once decoded ({@code %2F}, {@code %2e%2e}, {@code ;},
     * {@code //}) is a raw path like any other to {@link RouteTable}, and a path variable that is not UTF-8 once decoded
     * is answered by {@link PercentDecoding}. A {@code %} not followed by two hex digits in the path, or a control
     * character anywhere in the target, cannot be parsed at all: {@link RefusedRequests} answers those. Jetty leaves the
     * query as it came, so a bad escape there reaches the gateway, whose problem names the query string.
     */
    private static HttpConfiguration configuration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        http.setUriCompliance(UriCompliance.RFC3986.with("GATEWAY", Violation.AMBIGUOUS_PATH_SEGMENT, Violation.AMBIGUOUS_EMPTY_SEGMENT,
                Violation.AMBIGUOUS_PATH_SEPARATOR, Violation.AMBIGUOUS_PATH_PARAMETER, Violation.AMBIGUOUS_PATH_ENCODING,
                Violation.BAD_UTF8_ENCODING, Violation.TRUNCATED_UTF8_ENCODING));
        return http;
    }

    public URI url() {
        return url;
    }

    /** Stops accepting, gives requests in flight a moment to finish, then stops. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // what did not stop within the grace is ended below
            LOG.warn("the local gateway did not stop cleanly: {}", e.getMessage());
        } finally {
            virtualThreads.shutdownNow();
        }
    }
}
