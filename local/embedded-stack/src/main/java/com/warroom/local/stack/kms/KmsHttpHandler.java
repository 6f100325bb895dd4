package com.warroom.local.stack.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.UUID;

/**
 * The AWS JSON 1.1 protocol as KMS speaks it: {@code POST /} with {@code X-Amz-Target: TrentService.<Operation>} and
 * a JSON body; answers in {@code application/x-amz-json-1.1}, errors as HTTP 400 {@code {"__type","message"}}.
 * Signatures are not checked.
 */
final class KmsHttpHandler implements HttpHandler {

    private static final String TARGET_PREFIX = "TrentService.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final System.Logger LOG = System.getLogger(KmsHttpHandler.class.getName());

    private final KmsOperations operations;
    private final ObjectMapper json;

    KmsHttpHandler(KmsOperations operations, ObjectMapper json) {
        this.operations = operations;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                send(exchange, 200, operations.call(operation(exchange), request(exchange)));
            } catch (KmsError error) {
                send(exchange, 400, error(error.type(), error.getMessage()));
            } catch (RuntimeException | LinkageError bug) {
                // never the request body in the log: it is the message being sealed
                LOG.log(System.Logger.Level.ERROR, "local KMS failed", bug);
                send(exchange, 500, error("KMSInternalException", "the local KMS failed: " + bug.getClass().getSimpleName()));
            }
        }
    }

    private static String operation(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new KmsError("UnknownOperationException", "expected POST with X-Amz-Target: " + TARGET_PREFIX + "<Operation>");
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private JsonNode request(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length == 0) {
            return json.createObjectNode();
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new KmsError("SerializationException", "the request body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new KmsError("SerializationException", "the request body is not a JSON object");
        }
        return node;
    }

    private ObjectNode error(String type, String message) {
        ObjectNode error = json.createObjectNode();
        error.put("__type", type);
        if (message != null) {
            error.put("message", message);
        }
        return error;
    }

    private void send(HttpExchange exchange, int status, ObjectNode answer) throws IOException {
        byte[] bytes = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
