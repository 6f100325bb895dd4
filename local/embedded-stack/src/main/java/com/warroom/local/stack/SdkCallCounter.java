package com.warroom.local.stack;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls a client makes, by service and operation ({@code DynamoDb.PutItem}, {@code Sqs.SendMessage}):
 * add it to a client's {@code overrideConfiguration} to prove how many calls a piece of work costs. One count per
 * call the code makes, whatever the SDK's retries do underneath.
 */
public final class SdkCallCounter implements ExecutionInterceptor {

    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(service + "." + operation, k -> new AtomicLong()).incrementAndGet();
    }

    /** Calls so far, by {@code Service.Operation}, sorted. */
    public Map<String, Long> calls() {
        Map<String, Long> snapshot = new TreeMap<>();
        calls.forEach((name, count) -> snapshot.put(name, count.get()));
        return snapshot;
    }

    /** Calls so far to one service ({@code DynamoDb}, {@code Sqs}), whatever the operation. */
    public long callsTo(String service) {
        return calls.entrySet().stream().filter(e -> e.getKey().startsWith(service + "."))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    public void reset() {
        calls.clear();
    }
}
