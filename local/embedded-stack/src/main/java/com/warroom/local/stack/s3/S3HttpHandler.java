package com.warroom.local.stack.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The S3 REST protocol, path-style ({@code /<bucket>/<key>}): answers in XML, errors as
 * {@code <Error><Code/><Message/>...</Error>} with S3's status, and a HEAD's errors with the status alone, as S3 does.
 * Signatures are not checked.
 */
final class S3HttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(S3HttpHandler.class.getName());

    private final S3Operations operations;

    S3HttpHandler(S3Operations operations) {
        this.operations = operations;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            try {
                S3Request request = S3Request.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), headers(exchange), body(exchange.getRequestBody()));
                send(exchange, operations.call(request), requestId, head);
            } catch (S3Error error) {
                send(exchange, error(error, exchange.getRequestURI().getRawPath(), requestId), requestId, head);
            } catch (RuntimeException | LinkageError bug) {
                // never the body in the log: it is what the functions anchor
                LOG.log(System.Logger.Level.ERROR, "local S3 failed on " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath(), bug);
                send(exchange, error(S3Error.of("InternalError", 500, "the local S3 failed: " + bug.getClass().getSimpleName()),
                        exchange.getRequestURI().getRawPath(), requestId), requestId, head);
            }
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    private static byte[] body(InputStream in) throws IOException {
        // aws-chunked framing adds a little to the payload: allow for it, and refuse beyond
        int limit = S3Operations.MAX_OBJECT_BYTES + 64 * 1024;
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw S3Error.of("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size of the local S3 ("
                    + S3Operations.MAX_OBJECT_BYTES + " bytes).");
        }
        return body;
    }

    private static S3Response error(S3Error error, String resource, String requestId) {
        S3Xml xml = new S3Xml().open("Error").element("Code", error.code()).element("Message", error.getMessage());
        error.details().forEach(xml::element);
        xml.element("Resource", resource == null ? "/" : resource).element("RequestId", requestId).element("HostId", requestId)
                .close("Error");
        return new S3Response(error.status(), Map.of("Content-Type", "application/xml"), xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, S3Response response, String requestId, boolean head) throws IOException {
        var headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::set);
        headers.set("x-amz-request-id", requestId);
        headers.set("x-amz-id-2", requestId);
        headers.set("Server", "WarroomLocalS3");
        if (head) {
            // a HEAD answer has no body; its Content-Length (set by GetObject's headers) says the object's size
            if (!response.headers().containsKey("Content-Length")) {
                headers.set("Content-Length", "0");
            }
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        // -1: no body and a Content-Length of 0 (0 would mean chunked)
        headers.remove("Content-Length");
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }
}
