package com.warroom.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the API calls an SDK client makes, by service and operation ({@code DynamoDb.BatchGetItem},
 * {@code Kms.GenerateMac}), and the HTTP requests they took (more than the calls only when the SDK retried). Added to
 * a client with {@code overrideConfiguration(c -> c.addExecutionInterceptor(counter))}; safe from any thread.
 */
final class CallCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder httpRequests = new LongAdder();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        httpRequests.increment();
    }

    /** The calls so far, by {@code Service.Operation}. */
    Map<String, Long> calls() {
        Map<String, Long> snapshot = new TreeMap<>();
        calls.forEach((name, count) -> snapshot.put(name, count.sum()));
        return snapshot;
    }

    long httpRequests() {
        return httpRequests.sum();
    }

    /** What {@code after} counts more than {@code before}, leaving out what did not change. */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((name, count) -> {
            long more = count - before.getOrDefault(name, 0L);
            if (more != 0) {
                delta.put(name, more);
            }
        });
        return delta;
    }
}
