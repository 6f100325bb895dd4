package com.warroom.bench;

import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.FlagDecision;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagSnapshot;
import com.warroom.flags.FlagStore;
import com.warroom.flags.MetricGateSignals;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One measured JVM of {@link FlagGateThroughput}: a {@link FlagGate} exactly as functions build it (system clock,
 * 30 s fresh / 5 min stale) over the real {@link FlagStore} on the embedded stack, loaded once, then checked by
 * {@code threads} threads for timed iterations. The store is wrapped in a counter, so the output shows that the
 * measured window made no store reads.
 */
public final class FlagGateThroughputFork {

    static final String ITERATION = "GATE-ITERATION";
    static final String FORK = "GATE-FORK";
    private static final int BATCH = 1024;

    private FlagGateThroughputFork() {
    }

    /** The store, counting its reads. */
    static final class CountingSource implements FlagGate.SnapshotSource {
        private final FlagStore store;
        private final AtomicLong reads = new AtomicLong();
        private volatile int lastSize;

        CountingSource(FlagStore store) {
            this.store = store;
        }

        @Override
        public FlagSnapshot read() {
            reads.incrementAndGet();
            FlagSnapshot snapshot = store.read();
            lastSize = snapshot.records().size();
            return snapshot;
        }

        int lastSize() {
            return lastSize;
        }

        long reads() {
            return reads.get();
        }
    }

    /** One thread's share of an iteration. */
    static final class Worker implements Runnable {
        private final FlagGate gate;
        private final GateWorkload workload;
        private final CyclicBarrier start;
        private final int offset;
        private volatile boolean stop;
        long ops;
        long nanos;
        long allocatedBytes;
        long allowed;
        long stale;

        Worker(FlagGate gate, GateWorkload workload, CyclicBarrier start, int offset) {
            this.gate = gate;
            this.workload = workload;
            this.start = start;
            this.offset = offset;
        }

        @Override
        public void run() {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            long bytesBefore = threads.getCurrentThreadAllocatedBytes();
            long begin = System.nanoTime();
            long count = 0;
            long allowedCount = 0;
            long staleCount = 0;
            int index = offset;
            while (!stop) {
                int tally = checkBatch(gate, workload, index);
                allowedCount += tally & 0xFFFF;
                staleCount += tally >>> 16;
                index += BATCH;
                count += BATCH;
            }
            nanos = System.nanoTime() - begin;
            allocatedBytes = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
            ops = count;
            allowed = allowedCount;
            stale = staleCount;
        }
    }

    /**
     * The measured code, in a method of its own: called over and over, it is compiled as a normal method, not as
     * on-stack replacement of one long-running loop (which compiles worse and would differ with the thread count).
     * Every decision is consumed, so the JIT cannot drop the call; returns allowed | stale << 16.
     */
    static int checkBatch(FlagGate gate, GateWorkload workload, int start) {
        int allowed = 0;
        int stale = 0;
        for (int k = 0; k < BATCH; k++) {
            GateWorkload.Check check = workload.get(start + k);
            FlagDecision decision = gate.check(check.flag(), check.round(), check.user());
            if (decision.allowed()) {
                allowed++;
            }
            if (decision.stale()) {
                stale++;
            }
        }
        return allowed | stale << 16;
    }

    /**
     * args: threads warmupIterations measuredIterations millisPerIteration maxOtherCores. After the warm-up it keeps
     * the first {@code measuredIterations} iterations during which other processes used at most {@code maxOtherCores}
     * of the machine, and reports the others as disturbed; it stops early rather than outlive the gate's fresh window.
     */
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        int millis = Integer.parseInt(args[3]);
        double maxOtherCores = Double.parseDouble(args[4]);

        CountingSource source = new CountingSource(new FlagStore(AwsClients.dynamoDbEnhanced(),
                Settings.require(Topology.FLAGS.envVar()),
                new KmsSealer(AwsClients.kms(), Settings.require(Topology.SEALS.idEnvVar())), Clock.systemUTC()));
        FlagGate gate = new FlagGate(source, Clock.systemUTC(), new MetricGateSignals());
        GateWorkload workload = GateWorkload.standard();

        long loadedAt = System.nanoTime();
        int blocked = 0;
        for (int i = 0; i < GateWorkload.SIZE; i++) {
            GateWorkload.Check check = workload.get(i);
            blocked += gate.check(check.flag(), check.round(), check.user()).allowed() ? 0 : 1;
        }
        if (source.reads() != 1) {
            throw new IllegalStateException("loading the gate took " + source.reads() + " store reads, expected 1");
        }
        // the last iteration must end well inside the fresh window, or a refresh (a store read) could fall into it
        long deadlineNanos = loadedAt + FlagGate.DEFAULT_FRESH_FOR.toNanos() - 5_000_000_000L;
        if (System.nanoTime() + (long) (warmup + iterations) * millis * 1_000_000L > deadlineNanos) {
            throw new IllegalArgumentException("warm-up and measurement must fit well inside the gate's "
                    + FlagGate.DEFAULT_FRESH_FOR.toSeconds() + " s fresh window");
        }

        for (int i = 0; i < warmup; i++) {
            warmUpIteration(gate, workload, threads, millis, i);
        }
        long readsBefore = source.reads();
        int clean = 0;
        int disturbed = 0;
        for (int i = warmup; clean < iterations && System.nanoTime() + millis * 1_000_000L < deadlineNanos; i++) {
            if (iteration(gate, workload, threads, millis, maxOtherCores, i)) {
                clean++;
            } else {
                disturbed++;
            }
        }
        long readsDuring = source.reads() - readsBefore;
        double secondsSinceLoad = (System.nanoTime() - loadedAt) / 1e9;
        System.out.printf(Locale.ROOT, "%s threads=%d cleanIterations=%d disturbedIterations=%d storeReadsMeasured=%d "
                        + "storeReadsTotal=%d secondsSinceLoad=%.1f blockedShare=%.4f snapshotItems=%d gc=%s%n",
                FORK, threads, clean, disturbed, readsDuring, source.reads(), secondsSinceLoad,
                blocked / (double) GateWorkload.SIZE, source.lastSize(),
                ManagementFactory.getGarbageCollectorMXBeans().getFirst().getName().replace(' ', '_'));
        System.out.flush();
        System.exit(0);
    }

    private static void warmUpIteration(FlagGate gate, GateWorkload workload, int threads, int millis, int number)
            throws Exception {
        iteration(gate, workload, threads, millis, Double.MAX_VALUE, number);
    }

    /** Runs one timed iteration and prints it; true when no other process disturbed it. */
    private static boolean iteration(FlagGate gate, GateWorkload workload, int threads, int millis, double maxOtherCores,
                                     int number) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        Worker[] workers = new Worker[threads];
        Thread[] running = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Worker(gate, workload, start, t * 1031 + number * 97);
            running[t] = new Thread(workers[t], "gate-checker-" + t);
            running[t].start();
        }
        start.await();
        long machineBefore = CpuClock.machineBusyMillis();
        long ownBefore = CpuClock.processMillis();
        long begin = System.nanoTime();
        Thread.sleep(millis);
        for (Worker worker : workers) {
            worker.stop = true;
        }
        for (Thread thread : running) {
            thread.join();
        }
        long wallMillis = Math.max(1, (System.nanoTime() - begin) / 1_000_000);
        double otherCores = ((CpuClock.machineBusyMillis() - machineBefore) - (CpuClock.processMillis() - ownBefore)) / (double) wallMillis;

        double opsPerSecond = 0;
        long ops = 0;
        long bytes = 0;
        long allowed = 0;
        long stale = 0;
        for (Worker worker : workers) {
            opsPerSecond += worker.ops * 1e9 / worker.nanos;
            ops += worker.ops;
            bytes += worker.allocatedBytes;
            allowed += worker.allowed;
            stale += worker.stale;
        }
        boolean clean = otherCores <= maxOtherCores;
        String phase = maxOtherCores == Double.MAX_VALUE ? "warmup" : clean ? "measure" : "disturbed";
        System.out.printf(Locale.ROOT, "%s phase=%s threads=%d opsPerSecond=%.0f nsPerOpPerThread=%.2f bytesPerOp=%.1f "
                        + "allowedShare=%.4f staleDecisions=%d otherCores=%.2f%n",
                ITERATION, phase, threads, opsPerSecond, threads * 1e9 / opsPerSecond, bytes / (double) ops,
                allowed / (double) ops, stale, otherCores);
        return clean;
    }
}
