package com.warroom.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measured side of {@link ColdStartVsPeer}: a fresh JVM on a function's Lambda jar that constructs the handler
 * the way the Lambda runtime does (its class by name, the no-arg constructor) and answers one event, then exits. Like the peer's harness it builds the event with setters and a minimal context: only the function's own
 * classes are measured.
 */
public final class ColdStartChild {

    static final String MARKER = "COLD-START-RESULT";

    private ColdStartChild() {
    }

    /**
     * Arguments: the handler class, then {@code http <route key> <caller role> <body or -> [<query or ->]}, {@code sqs <message body>}
     * or {@code map <JSON object>} (a schedule's, a workflow task's or a one-off function's input).
     */
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws ReflectiveOperationException {
        var handler = (RequestHandler<Object, Object>) Class.forName(args[0]).getConstructor().newInstance();
        Object event = switch (args[1]) {
            case "http" -> event(args[2], args[3], args[4], args.length > 5 ? args[5] : "-");
            case "sqs" -> sqsEvent(args[2]);
            case "map" -> map(args[2]);
            default -> throw new IllegalArgumentException("event kind " + args[1]);
        };
        String outcome;
        try {
            Object answer = handler.handleRequest(event, new MinimalContext());
            outcome = answer instanceof APIGatewayV2HTTPResponse http ? "status=" + http.getStatusCode() : "answered";
        } catch (RuntimeException e) {
            // a workflow step refusing an unknown request answers by failing, as Step Functions expects
            outcome = "threw=" + e.getClass().getSimpleName();
        }
        System.out.println(MARKER + " " + outcome);
        System.exit(0);
    }

    private static SQSEvent sqsEvent(String body) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId("bench-" + ProcessHandle.current().pid());
        message.setReceiptHandle("bench");
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        message.setEventSource("aws:sqs");
        var event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    // the inputs here are flat objects of strings: no JSON library, so that none is loaded on the function's behalf
    private static Map<String, Object> map(String json) {
        Map<String, Object> input = new LinkedHashMap<>();
        Matcher pair = Pattern.compile("\"([^\"]*)\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        while (pair.find()) {
            input.put(pair.group(1), pair.group(2));
        }
        return input;
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String role, String body, String query) {
        String[] parts = routeKey.split(" ", 2);
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(parts[0]);
        http.setPath(parts[1]);
        http.setSourceIp("127.0.0.1");
        var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", "bench-" + role, "email", "bench@warroom.test", "token_use", "access",
                "cognito:groups", "[" + role + "]"));
        var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId("bench-" + ProcessHandle.current().pid());
        context.setHttp(http);
        context.setAuthorizer(authorizer);
        var event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setRawPath(parts[1]);
        event.setHeaders(Map.of("content-type", "application/json"));
        if (!query.equals("-")) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            event.setQueryStringParameters(parameters);
        }
        event.setBody(body.equals("-") ? null : body);
        event.setRequestContext(context);
        return event;
    }

    /** What the peer's harness gives its handler: names and limits, nothing that loads more classes. */
    private static final class MinimalContext implements Context {
        @Override public String getAwsRequestId() { return "bench-" + ProcessHandle.current().pid(); }
        @Override public String getLogGroupName() { return "bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "bench"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:bench"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 10_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
