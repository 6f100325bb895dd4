package com.warroom.local.gateway;

import com.warroom.http.ApiRouter;
import com.warroom.http.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts Jetty to the gateway: takes a request that Jetty could parse through the bounded queue (503 with
 * {@code Retry-After} past it), reads it with a bounded body, lets the dispatcher answer it, and writes the answer
 * with API Gateway's request id header. Requests Jetty cannot parse never get here: {@link RefusedRequests} answers them.
 */
final class GatewayExchange extends Handler.Abstract {

    private static final int MAX_BODY_BYTES = ApiRouter.MAX_BODY_BYTES;
    private static final int REQUEST_ID_BYTES = 10;
    // the gateway frames the answer itself, whatever a function says
    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding");

    private static final Logger LOG = LoggerFactory.getLogger(GatewayExchange.class);

    private final GatewayDispatcher dispatcher;
    private final RequestQueue queue;
    private final Clock clock;

    GatewayExchange(GatewayDispatcher dispatcher, RequestQueue queue, Clock clock) {
        // blocking: each request runs on a virtual thread of its own, and may wait there for a place in the queue
        super(InvocationType.BLOCKING);
        this.dispatcher = dispatcher;
        this.queue = queue;
        this.clock = clock;
    }

    private sealed interface BodyRead {
        record Received(byte[] bytes) implements BodyRead {
        }

        record TooLarge() implements BodyRead {
        }

        record Unreadable() implements BodyRead {
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = newRequestId();
        GatewayResponse answer;
        try {
            answer = queue.run(() -> answer(request, requestId), GatewayExchange::unavailable);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            answer = unavailable();
        }
        write(response, answer.withHeader("Apigw-Requestid", requestId), callback);
        return true;
    }

    private static GatewayResponse unavailable() {
        return GatewayResponse.problem(Problem.unavailable("the local gateway is at capacity; retry shortly")).withHeader("Retry-After", "1");
    }

    // a failure anywhere in the gateway is still an answer, never a dropped connection
    private GatewayResponse answer(Request request, String requestId) {
        try {
            return switch (readBody(request)) {
                case BodyRead.TooLarge tooLarge ->
                        GatewayResponse.problem(Problem.payloadTooLarge("the body is over " + MAX_BODY_BYTES + " bytes"));
                case BodyRead.Unreadable unreadable -> {
                    LOG.warn("request {}: the body of {} {} ended early or is not valid chunked encoding", requestId,
                            request.getMethod(), request.getHttpURI().getPath());
                    yield GatewayResponse.problem(Problem.of(400, "malformed-request", "Request is malformed",
                            "the body ended before its declared length, or its chunked encoding is malformed"));
                }
                case BodyRead.Received received -> dispatcher.dispatch(new GatewayRequest(requestId, clock.instant(),
                        request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                        headers(request.getHeaders()), received.bytes(), Request.getRemoteAddr(request),
                        request.getConnectionMetaData().getProtocol(), Request.getLocalPort(request)));
            };
        } catch (RuntimeException e) {
            LOG.error("request {}: the gateway failed to answer {} {}", requestId, request.getMethod(), request.getHttpURI().getPath(), e);
            return GatewayResponse.problem(Problem.internal(requestId));
        }
    }

    // Jetty has already refused a Content-Length that is not a number. Reading stops one byte past the limit; what the
    // client sends beyond it is Jetty's to drop.
    private static BodyRead readBody(Request request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            return new BodyRead.TooLarge();
        }
        try {
            byte[] bytes = Content.Source.asInputStream(request).readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? new BodyRead.TooLarge() : new BodyRead.Received(bytes);
        } catch (IOException e) {
            return new BodyRead.Unreadable();
        }
    }

    private static Map<String, List<String>> headers(HttpFields fields) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : fields) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    // Jetty sends no body to a HEAD request, and keeps the Content-Length the GET would have
    private static void write(Response response, GatewayResponse answer, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers().forEach((name, values) -> {
            if (!FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    // API Gateway's ids look like "Q1aAegjAyQ0EJdw=": 10 random bytes in base64
    private static String newRequestId() {
        byte[] bytes = new byte[REQUEST_ID_BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
