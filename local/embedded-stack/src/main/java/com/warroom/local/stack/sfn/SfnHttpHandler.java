package com.warroom.local.stack.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The AWS JSON 1.0 protocol as Step Functions speaks it: {@code POST /} with
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>} and a JSON body; answers in
 * {@code application/x-amz-json-1.0}, errors as HTTP 400 {@code {"__type","message"}}. Signatures are not checked.
 */
final class SfnHttpHandler implements HttpHandler {

    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final System.Logger LOG = System.getLogger(SfnHttpHandler.class.getName());

    private final SfnOperations operations;

    SfnHttpHandler(SfnOperations operations) {
        this.operations = operations;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                ObjectNode answer = operations.call(operation(exchange), request(body));
                send(exchange, 200, answer);
            } catch (SfnError error) {
                send(exchange, 400, error(error.type(), error.getMessage()));
            } catch (RuntimeException | LinkageError bug) {
                LOG.log(System.Logger.Level.ERROR, "local Step Functions failed on " + body, bug);
                send(exchange, 500, error("InternalFailure", "the local Step Functions failed: " + bug.getClass().getSimpleName()));
            }
        }
    }

    private static String operation(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new SfnError("UnknownOperationException", "expected POST with X-Amz-Target: " + TARGET_PREFIX + "<Operation>");
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static JsonNode request(String body) {
        if (body.isBlank()) {
            return StatesJson.MAPPER.createObjectNode();
        }
        return StatesJson.parse(body).filter(JsonNode::isObject)
                .orElseThrow(() -> new SfnError("SerializationException", "the request body is not a JSON object"));
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode error = StatesJson.MAPPER.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        return error;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode answer) throws IOException {
        byte[] bytes = StatesJson.write(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
