package com.warroom.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.local.metrics.LocalMetrics;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.FunctionDef;
import java.util.Map;

/**
 * The topology's HTTP functions, one handler instance each (created by {@code LocalTriggers}), invoked in-process with
 * a Lambda context the way the Lambda runtime invokes one warm instance.
 */
public final class LambdaFunctions {

    private final Map<FunctionDef, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;

    private LambdaFunctions(Map<FunctionDef, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static LambdaFunctions of(
            Map<FunctionDef, ? extends RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers) {
        return new LambdaFunctions(Map.copyOf(handlers));
    }

    APIGatewayV2HTTPResponse invoke(FunctionDef function, APIGatewayV2HTTPEvent event) {
        var handler = handlers.get(function);
        if (handler == null) {
            throw new IllegalStateException("function " + function.name() + " is not loaded");
        }
        return LocalMetrics.invocation(function.name(),
                () -> handler.handleRequest(event, LocalLambdaContext.of(function.name(), function.memoryMb(), function.timeoutSeconds())));
    }
}
