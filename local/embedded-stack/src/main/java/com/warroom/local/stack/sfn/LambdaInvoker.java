package com.warroom.local.stack.sfn;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.local.stack.HandlerClass;
import com.warroom.local.stack.HandlerUnusable;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.FunctionDef;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Invokes a workflow's task functions in-process, as Lambda would: one handler instance per function, built with
 * its no-arg constructor on first use and kept warm; a throwable becomes the error the Java runtime reports and
 * Step Functions' Lambda integration passes on ({@code Error} = the exception's class name, {@code Cause} = the
 * runtime's {@code {"errorMessage","errorType","stackTrace"}} document).
 */
final class LambdaInvoker {

    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };
    private static final System.Logger LOG = System.getLogger(LambdaInvoker.class.getName());

    private final ClassLoader classLoader;
    private final ConcurrentMap<String, RequestHandler<Map<String, Object>, Map<String, Object>>> warm = new ConcurrentHashMap<>();

    LambdaInvoker(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    TaskResult invoke(FunctionDef function, JsonNode payload) {
        try {
            var handler = warm.computeIfAbsent(function.name(), name -> instantiate(function));
            Map<String, Object> input = payload.isNull() ? null : StatesJson.MAPPER.convertValue(payload, PAYLOAD);
            var context = LocalLambdaContext.of(function.name(), function.memoryMb(), function.timeoutSeconds());
            return new TaskResult.Succeeded(StatesJson.MAPPER.valueToTree(handler.handleRequest(input, context)));
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable thrown) {
            // the Lambda Java runtime, too, turns every throwable of the handler into a function error
            Throwable reported = thrown instanceof FunctionInitFailure init ? init.getCause() : thrown;
            LOG.log(System.Logger.Level.WARNING, "function " + function.name() + " failed: " + reported);
            return failure(reported);
        }
    }

    private RequestHandler<Map<String, Object>, Map<String, Object>> instantiate(FunctionDef function) {
        try {
            return HandlerClass.load(function, classLoader).instantiateForJsonObjects();
        } catch (HandlerUnusable e) {
            throw new FunctionInitFailure(e.getCause());
        }
    }

    private static TaskResult.Failed failure(Throwable thrown) {
        String type = thrown.getClass().getName();
        ObjectNode cause = StatesJson.MAPPER.createObjectNode();
        cause.put("errorMessage", thrown.getLocalizedMessage() == null ? type : thrown.getLocalizedMessage());
        cause.put("errorType", type);
        ArrayNode trace = cause.putArray("stackTrace");
        handlerFrames(thrown).forEach(frame -> trace.add(frame.toString()));
        return new TaskResult.Failed(type, StatesJson.write(cause));
    }

    // the runtime cuts its own frames off the trace; here, everything from this invoker down
    private static List<StackTraceElement> handlerFrames(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        int end = 0;
        while (end < frames.length && !frames[end].getClassName().equals(LambdaInvoker.class.getName())) {
            end++;
        }
        return Arrays.asList(frames).subList(0, end);
    }

    /** A handler that could not be built; reported as its cause, like Lambda reports an init error at invoke time. */
    private static final class FunctionInitFailure extends RuntimeException {
        FunctionInitFailure(Throwable cause) {
            super(cause);
        }
    }
}
