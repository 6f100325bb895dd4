package com.warroom.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for the WhatsApp Cloud API that refuses every message as the real one refuses a number outside a
 * test number's allow-list (HTTP 400, error 131030): the sender marks such a notification FAILED at once, which is how
 * the outbox page gets failed items to requeue. Orders with an email address go by email and never reach it.
 */
final class RefusingWhatsApp implements AutoCloseable {

    /** The phone-number id the base URL names, as the Cloud API's URLs do. */
    private static final String BASE_PATH = "/v21.0/100000000000001";
    private static final String REFUSAL = "{\"error\":{\"message\":\"(#131030) Recipient phone number not in allowed list\","
            + "\"type\":\"OAuthException\",\"code\":131030,\"error_data\":{\"messaging_product\":\"whatsapp\","
            + "\"details\":\"Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.\"},"
            + "\"fbtrace_id\":\"AbCdEfGhIjKlMnOpQrStUv\"}}";

    private final HttpServer server;
    private final AtomicInteger refused = new AtomicInteger();

    private RefusingWhatsApp(HttpServer server) {
        this.server = server;
    }

    static RefusingWhatsApp start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RefusingWhatsApp standIn = new RefusingWhatsApp(server);
        server.createContext(BASE_PATH + "/messages", exchange -> {
            exchange.getRequestBody().readAllBytes();
            standIn.refused.incrementAndGet();
            byte[] body = REFUSAL.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return standIn;
    }

    /** What WARROOM_WHATSAPP_BASE_URL is set to. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH);
    }

    /** How many messages it refused. */
    int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
