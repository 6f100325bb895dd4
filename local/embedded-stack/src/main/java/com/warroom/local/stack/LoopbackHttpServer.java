package com.warroom.local.stack;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The HTTP listener of the embedded stack's own emulators: bound to 127.0.0.1 only, served by daemon threads. */
public final class LoopbackHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackHttpServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Listens on the port (0 picks a free one); {@code name} prefixes the names of the serving threads. */
    public static LoopbackHttpServer start(int port, String name, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(EmbeddedStack.LOOPBACK), port), 0);
        ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name(name + "-http-", 0).factory());
        server.setExecutor(threads);
        server.createContext("/", handler);
        server.start();
        return new LoopbackHttpServer(server, threads);
    }

    public URI endpoint() {
        return URI.create("http://" + EmbeddedStack.LOOPBACK + ":" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
