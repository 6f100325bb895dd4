package com.warroom.local.stack.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.UUID;

/**
 * The REST-JSON protocol of SES v2, for {@code SendEmail} ({@code POST /v2/email/outbound-emails}): answers
 * {@code {"MessageId"}}, errors as their HTTP status with {@code x-amzn-ErrorType} (which the SDK turns into its
 * exception) and {@code {"message"}}. Signatures are not checked.
 */
final class SesHttpHandler implements HttpHandler {

    static final String SEND_EMAIL_PATH = "/v2/email/outbound-emails";
    private static final System.Logger LOG = System.getLogger(SesHttpHandler.class.getName());

    private final SesOperations operations;
    private final ObjectMapper json;

    SesHttpHandler(SesOperations operations, ObjectMapper json) {
        this.operations = operations;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                if (!"POST".equals(exchange.getRequestMethod()) || !SEND_EMAIL_PATH.equals(exchange.getRequestURI().getPath())) {
                    throw new SesError(404, "NotFoundException", "the local SES answers SendEmail (POST " + SEND_EMAIL_PATH + ") only, not "
                            + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                }
                ObjectNode answer = json.createObjectNode();
                answer.put("MessageId", operations.sendEmail(request(exchange)).messageId());
                send(exchange, 200, null, answer);
            } catch (SesError error) {
                ObjectNode body = json.createObjectNode();
                body.put("message", error.getMessage());
                send(exchange, error.status(), error.type(), body);
            } catch (RuntimeException bug) {
                LOG.log(System.Logger.Level.ERROR, "local SES failed", bug);
                ObjectNode body = json.createObjectNode();
                body.put("message", "the local SES failed: " + bug.getClass().getSimpleName());
                send(exchange, 500, "InternalFailure", body);
            }
        }
    }

    private JsonNode request(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode node;
        try {
            node = body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            throw SesError.badRequest("the request body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw SesError.badRequest("the request body is not a JSON object");
        }
        return node;
    }

    private void send(HttpExchange exchange, int status, String errorType, ObjectNode answer) throws IOException {
        byte[] bytes = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
