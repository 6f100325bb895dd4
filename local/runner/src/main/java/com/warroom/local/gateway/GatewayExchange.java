package com.warroom.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.warroom.http.ApiRouter;
import com.warroom.http.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts the JDK HTTP server to the gateway: takes a request through the bounded queue (503 with
 * {@code Retry-After} past it), reads it with a bounded body, lets the dispatcher answer it, and writes the answer
 * with API Gateway's request id header.
 */
final class GatewayExchange implements HttpHandler {

    private static final int MAX_BODY_BYTES = ApiRouter.MAX_BODY_BYTES;
    private static final int REQUEST_ID_BYTES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(GatewayExchange.class);

    private final GatewayDispatcher dispatcher;
    private final RequestQueue queue;
    private final Clock clock;

    GatewayExchange(GatewayDispatcher dispatcher, RequestQueue queue, Clock clock) {
        this.dispatcher = dispatcher;
        this.queue = queue;
        this.clock = clock;
    }

    private sealed interface BodyRead {
        record Received(byte[] bytes) implements BodyRead {
        }

        record TooLarge() implements BodyRead {
        }

        record BadLength(String declared) implements BodyRead {
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String requestId = newRequestId();
            GatewayResponse response;
            try {
                response = queue.run(() -> answer(exchange, requestId), GatewayExchange::unavailable);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                response = unavailable();
            }
            write(exchange, response.withHeader("Apigw-Requestid", requestId));
        } finally {
            exchange.close();
        }
    }

    private static GatewayResponse unavailable() {
        return GatewayResponse.problem(Problem.unavailable("the local gateway is at capacity; retry shortly")).withHeader("Retry-After", "1");
    }

    // a failure anywhere in the gateway is still an answer, never a dropped connection
    private GatewayResponse answer(HttpExchange exchange, String requestId) {
        try {
            return switch (readBody(exchange)) {
                case BodyRead.TooLarge tooLarge ->
                        GatewayResponse.problem(Problem.payloadTooLarge("the body is over " + MAX_BODY_BYTES + " bytes"));
                case BodyRead.BadLength bad -> GatewayResponse.problem(Problem.of(400, "malformed-request", "Request is malformed",
                        "Content-Length is not a number of bytes: " + bad.declared()));
                case BodyRead.Received received -> dispatcher.dispatch(new GatewayRequest(requestId, clock.instant(),
                        exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(), received.bytes(),
                        exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol(),
                        exchange.getLocalAddress().getPort()));
            };
        } catch (IOException | RuntimeException e) {
            LOG.error("request {}: the gateway failed to answer {} {}", requestId, exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e);
            return GatewayResponse.problem(Problem.internal(requestId));
        }
    }

    // Stops reading one byte past the limit; what the client sends beyond it is left for the server to drop.
    private static BodyRead readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
                    return new BodyRead.TooLarge();
                }
            } catch (NumberFormatException e) {
                return new BodyRead.BadLength(declared);
            }
        }
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? new BodyRead.TooLarge() : new BodyRead.Received(bytes);
    }

    private static void write(HttpExchange exchange, GatewayResponse response) throws IOException {
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean noBody = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    // API Gateway's ids look like "Q1aAegjAyQ0EJdw=": 10 random bytes in base64
    private static String newRequestId() {
        byte[] bytes = new byte[REQUEST_ID_BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
