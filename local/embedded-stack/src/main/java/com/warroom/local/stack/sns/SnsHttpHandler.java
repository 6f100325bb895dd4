package com.warroom.local.stack.sns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The AWS Query protocol as SNS speaks it: a form-encoded {@code POST /} with {@code Action} and
 * {@code Version=2010-03-31}; answers {@code <ActionResponse><ActionResult>...} in XML, errors as
 * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error>} with the status AWS uses. Signatures are not
 * checked.
 */
final class SnsHttpHandler implements HttpHandler {

    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final System.Logger LOG = System.getLogger(SnsHttpHandler.class.getName());

    private final Topics topics;

    SnsHttpHandler(Topics topics) {
        this.topics = topics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            QueryParameters parameters = QueryParameters.parse(query.isEmpty() ? form : query + "&" + form);
            String action = parameters.get("Action").orElse("");
            try {
                send(exchange, 200, response(action, answer(action, parameters), requestId));
            } catch (SnsError error) {
                send(exchange, error.status(), error(error, requestId));
            } catch (RuntimeException | LinkageError bug) {
                LOG.log(System.Logger.Level.ERROR, "local SNS failed on " + form, bug);
                send(exchange, 500, "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Receiver</Type><Code>InternalError</Code>"
                        + "<Message>the local SNS failed</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>");
            }
        }
    }

    private String answer(String action, QueryParameters parameters) {
        return switch (action) {
            case "Publish" -> publish(parameters);
            case "ListTopics" -> listTopics();
            default -> throw SnsError.invalidAction(action);
        };
    }

    private String publish(QueryParameters parameters) {
        if (parameters.get("MessageStructure").isPresent() || parameters.get("PhoneNumber").isPresent()) {
            throw SnsError.invalidParameter("the local SNS publishes to topics only, without MessageStructure");
        }
        String topicArn = parameters.get("TopicArn").or(() -> parameters.get("TargetArn"))
                .orElseThrow(() -> SnsError.invalidParameter("TopicArn or TargetArn Reason: no value for required parameter"));
        String message = parameters.get("Message").orElseThrow(() -> SnsError.invalidParameter("Empty message"));
        PublishedMessage published = topics.publish(topicArn, parameters.get("Subject"), message, parameters.messageAttributes());
        return "<MessageId>" + published.messageId() + "</MessageId>";
    }

    private String listTopics() {
        StringBuilder members = new StringBuilder("<Topics>");
        topics.arns().forEach(arn -> members.append("<member><TopicArn>").append(xml(arn)).append("</TopicArn></member>"));
        return members.append("</Topics>").toString();
    }

    private static String response(String action, String result, String requestId) {
        return "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + result + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private static String error(SnsError error, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>" + error.faultType() + "</Type><Code>" + error.code()
                + "</Code><Message>" + xml(error.getMessage()) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
