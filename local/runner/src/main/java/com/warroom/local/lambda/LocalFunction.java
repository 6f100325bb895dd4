package com.warroom.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.local.metrics.LocalMetrics;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.FunctionDef;
import java.util.UUID;

/** One warm instance of a function in this JVM, invoked with a Lambda context as the runtime would. */
public record LocalFunction<I, O>(FunctionDef definition, RequestHandler<I, O> handler) {

    public String name() {
        return definition.name();
    }

    public O invoke(I event) {
        return invoke(event, UUID.randomUUID().toString());
    }

    /** With the request id the caller reports (a schedule run's id). */
    public O invoke(I event, String awsRequestId) {
        return LocalMetrics.invocation(definition.name(), () -> handler.handleRequest(event,
                LocalLambdaContext.of(definition.name(), definition.memoryMb(), definition.timeoutSeconds(), awsRequestId)));
    }
}
