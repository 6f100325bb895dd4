package com.warroom.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * The measured side of {@link ColdStartVsPeer}: a fresh JVM on a function's Lambda jar that constructs the handler
 * the way the Lambda runtime does (its class by name, the no-arg constructor) and answers one HTTP API request, then
 * exits. Like the peer's harness it builds the event with setters and a minimal context: only the function's own
 * classes are measured. Arguments: handler class, route key, caller role, body (or "-").
 */
public final class ColdStartChild {

    static final String MARKER = "COLD-START-RESULT";

    private ColdStartChild() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws ReflectiveOperationException {
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(args[0]).getConstructor().newInstance();
        APIGatewayV2HTTPResponse answer = handler.handleRequest(event(args[1], args[2], args[3]), new MinimalContext());
        System.out.println(MARKER + " status=" + answer.getStatusCode());
        System.exit(0);
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String role, String body) {
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
        event.setQueryStringParameters(Map.of("flag", "contribute", "round", "R1"));
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
