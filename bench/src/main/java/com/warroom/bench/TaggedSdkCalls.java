package com.warroom.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS call made in the JVM, by the tag of the thread that made it ({@code worker}, {@code callback-route},
 * {@code event-source}) and by {@code Service.Operation}. Registered as a <em>global</em> interceptor (the SDK's
 * classpath file {@code software/amazon/awssdk/global/handlers/execution.interceptors}), so it also sees the clients a
 * function builds for itself through {@code AwsClients}, which no code outside the function can reach. A synchronous
 * client calls its interceptors on the calling thread, so the thread's tag says whose call it was. Also sums each call's
 * time, from before the SDK marshals the request to after it unmarshalled the answer (or failed), by tag and service.
 */
public final class TaggedSdkCalls implements ExecutionInterceptor {

    /** The resource the SDK reads its global interceptors' class names from. */
    static final String GLOBAL_INTERCEPTORS = "software/amazon/awssdk/global/handlers/execution.interceptors";
    static final String UNTAGGED = "untagged";

    private static final ThreadLocal<String> TAG = ThreadLocal.withInitial(() -> UNTAGGED);
    private static final Map<String, Map<String, LongAdder>> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, LongAdder>> NANOS = new ConcurrentHashMap<>();
    private static final ExecutionAttribute<Long> BEGIN = new ExecutionAttribute<>("bench.begin");

    /** The SDK builds one per client, by this constructor; they all count into the same static tally. */
    public TaggedSdkCalls() {
    }

    /** The calls the current thread makes from now on are counted under {@code tag}. */
    static void tag(String tag) {
        TAG.set(tag);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(TAG.get(), t -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> new LongAdder()).increment();
        attributes.putAttribute(BEGIN, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        timed(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        timed(attributes);
    }

    private static void timed(ExecutionAttributes attributes) {
        Long begin = attributes.getAttribute(BEGIN);
        if (begin != null) {
            NANOS.computeIfAbsent(TAG.get(), t -> new ConcurrentHashMap<>())
                    .computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), n -> new LongAdder())
                    .add(System.nanoTime() - begin);
        }
    }

    /** The calls so far made under {@code tag}, by {@code Service.Operation}, sorted. */
    static Map<String, Long> calls(String tag) {
        Map<String, Long> snapshot = new TreeMap<>();
        CALLS.getOrDefault(tag, Map.of()).forEach((name, count) -> snapshot.put(name, count.sum()));
        return snapshot;
    }

    /** The time the calls made under {@code tag} took, in nanoseconds, by service. */
    static Map<String, Long> nanos(String tag) {
        Map<String, Long> snapshot = new TreeMap<>();
        NANOS.getOrDefault(tag, Map.of()).forEach((service, nanos) -> snapshot.put(service, nanos.sum()));
        return snapshot;
    }

    static void reset() {
        CALLS.clear();
        NANOS.clear();
    }
}
