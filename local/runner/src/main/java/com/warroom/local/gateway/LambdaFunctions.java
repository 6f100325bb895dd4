package com.warroom.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The topology's HTTP functions, one handler instance each, invoked in-process with a Lambda context
 * the way the Lambda runtime invokes one warm instance.
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

    /**
     * Creates every route function's handler through its public no-arg constructor, as Lambda does; the settings
     * they read must already point at the stack. Workflow task functions are the local Step Functions' to run.
     */
    public static LambdaFunctions instantiate(Topology topology) {
        Map<FunctionDef, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers = new LinkedHashMap<>();
        topology.routes().stream().map(RouteDef::function).distinct().forEach(function -> handlers.put(function, create(function)));
        return new LambdaFunctions(handlers);
    }

    APIGatewayV2HTTPResponse invoke(FunctionDef function, APIGatewayV2HTTPEvent event) {
        var handler = handlers.get(function);
        if (handler == null) {
            throw new IllegalStateException("function " + function.name() + " is not loaded");
        }
        return handler.handleRequest(event, LocalLambdaContext.of(function.name(), function.memoryMb(), function.timeoutSeconds()));
    }

    @SuppressWarnings("unchecked") // every route's handler class is a payload 2.0 HTTP handler; checked by type below
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> create(FunctionDef function) {
        try {
            Object handler = Class.forName(function.handlerClass()).getConstructor().newInstance();
            if (!(handler instanceof RequestHandler<?, ?>)) {
                throw new IllegalStateException(function.handlerClass() + " is not a Lambda RequestHandler");
            }
            return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("function " + function.name() + " did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("function " + function.name() + " has no usable handler " + function.handlerClass(), e);
        }
    }
}
