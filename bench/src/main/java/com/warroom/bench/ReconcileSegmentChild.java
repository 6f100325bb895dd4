package com.warroom.bench;

import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.reconcile.run.Segment;
import com.warroom.reconcile.run.SegmentHandler;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * reconcile-scale's memory pass, in a JVM of its own that holds nothing but the segment function (DynamoDB Local and
 * the other emulators stay in the launcher): args {@code <runId> <day> <table>:<segment>:<totalSegments>...}; each
 * segment through one warm {@code SegmentHandler} (no-arg, as Lambda builds it), one at a time. Per segment it prints
 * {@code segment table=.. segment=.. items=.. liveBytes=.. allocatedBytes=.. aggregateBytes=.. millis=..}: the peak
 * live heap above the heap before it (used after a forced full GC, sampled every 100 ms while it runs), the bytes the
 * invoking thread allocated, and the size of the aggregates object it stored.
 */
public final class ReconcileSegmentChild {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ReconcileSegmentChild() {
    }

    public static void main(String[] args) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String runId = args[0];
        LocalDate day = LocalDate.parse(args[1]);
        SegmentHandler handler = new SegmentHandler();
        FunctionDef function = Topology.RECONCILE.segment();
        var s3 = AwsClients.s3();
        String bucket = Settings.require(Topology.RECONCILE_REPORTS.nameEnvVar());
        for (int i = 2; i < args.length; i++) {
            String[] parts = args[i].split(":");
            Segment segment = new Segment(runId, day, parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            System.gc();
            long base = MEMORY.getHeapMemoryUsage().getUsed();
            AtomicLong live = new AtomicLong(base);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().name("live-heap").start(() -> {
                while (running.get()) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.gc();
                    live.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                }
            });
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            Map<String, Object> output = handler.handleRequest(new LinkedHashMap<>(segment.toMap()),
                    LocalLambdaContext.of(function.name(), function.memoryMb(), function.timeoutSeconds()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            running.set(false);
            sampler.interrupt();
            sampler.join();
            String key = (String) output.get("key");
            long aggregate = s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
            System.out.printf(Locale.ROOT, "segment table=%s segment=%d items=%s liveBytes=%d allocatedBytes=%d aggregateBytes=%d millis=%d%n",
                    segment.table(), segment.segment(), output.get("items"), Math.max(0, live.get() - base), allocated, aggregate, millis);
        }
        System.exit(0);
    }
}
