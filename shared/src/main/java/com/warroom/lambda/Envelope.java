package com.warroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.warroom.observability.OpsMetrics;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The one wrapper every handler runs in, whatever starts it: Powertools logging with the Lambda context and a
 * correlation id (the API request id, the SQS message id, the schedule run id, the approval id), metrics flushed once
 * per invocation, and an uncaught error mapped in one place by the kind of handler: a route answers a 500 problem, a
 * queue consumer fails that message, a schedule or a workflow step counts it and rethrows so that Lambda's or Step
 * Functions' own retry acts.
 */
public final class Envelope {

    /** The MDC key Powertools writes as {@code correlation_id} in every JSON log line. */
    public static final String CORRELATION_ID = "correlation_id";
    /** Counted for each invocation of a schedule, workflow step or one-off function that ended in an uncaught error. */
    public static final String INVOCATION_FAILED_METRIC = "InvocationFailed";

    private static final Logger LOG = LoggerFactory.getLogger(Envelope.class);

    /**
     * A failure that is one of the invocation's designed answers (a workflow step refusing a request, which the state
     * machine's Catch turns into a FAILED request): rethrown like any other, but logged without a stack trace and not
     * counted as {@value #INVOCATION_FAILED_METRIC}, so that the metric means something went wrong.
     */
    public interface ExpectedFailure {
    }

    private Envelope() {
    }

    /** Runs {@code work}; an uncaught error is logged and answered by {@code onFailure} (e.g. a 500 problem). */
    public static <T> T answering(Context context, String correlationId, Supplier<T> work, Function<RuntimeException, T> onFailure) {
        return within(context, correlationId, () -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                LOG.error("invocation {} failed", correlationId, e);
                return onFailure.apply(e);
            }
        });
    }

    /**
     * Runs {@code work}; an uncaught error is logged, counted as {@value #INVOCATION_FAILED_METRIC} and rethrown (an
     * {@link ExpectedFailure} is only logged and rethrown).
     */
    public static <T> T rethrowing(Context context, String correlationId, Supplier<T> work) {
        return within(context, correlationId, () -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (e instanceof ExpectedFailure) {
                    LOG.info("invocation {} refused: {}", correlationId, e.getMessage());
                    throw e;
                }
                LOG.error("invocation {} failed", correlationId, e);
                OpsMetrics.count(INVOCATION_FAILED_METRIC);
                throw e;
            }
        });
    }

    /** Runs one unit of a batch (one SQS message) under its own correlation id, inside an invocation's envelope. */
    public static <T> T correlated(String correlationId, Supplier<T> work) {
        String outer = MDC.get(CORRELATION_ID);
        MDC.put(CORRELATION_ID, correlationId);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                MDC.remove(CORRELATION_ID);
            } else {
                MDC.put(CORRELATION_ID, outer);
            }
        }
    }

    /** The invocation's request id, or {@code fallback} where there is no context (a test calling the handler). */
    public static String requestId(Context context, String fallback) {
        return context == null || context.getAwsRequestId() == null ? fallback : context.getAwsRequestId();
    }

    private static <T> T within(Context context, String correlationId, Supplier<T> work) {
        Supplier<T> flushing = () -> {
            MDC.put(CORRELATION_ID, correlationId);
            try {
                return work.get();
            } finally {
                OpsMetrics.flush();
            }
        };
        // without a Lambda context (a test calling the handler directly) there is nothing for Powertools to log
        return context == null ? flushing.get() : PowertoolsLogging.withLogging(context, flushing);
    }
}
