package com.warroom.bench;

import com.warroom.aws.AwsClients;
import com.warroom.local.stack.sfn.ExecutionStatus;
import com.warroom.local.stack.sfn.ExecutionView;
import com.warroom.local.stack.sfn.LocalStepFunctions;
import com.warroom.reconcile.check.Check;
import com.warroom.reconcile.run.ReconcileChecks;
import com.warroom.reconcile.run.ReconcileDay;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.reconcile.run.RunStarter;
import com.warroom.reconcile.run.Segment;
import com.warroom.reconcile.run.SegmentPlanner;
import com.warroom.reconcile.run.Wiring;
import com.warroom.topology.ScanWorkflowDef;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One reconcile run over N ledger entries against a bare parallel scan of the same tables, on the embedded stack.
 *
 * <p>Per size of {@code --entries}: a fresh embedded stack in this JVM, loaded by {@link ReconcileLoad}; the tables and
 * segment counts the run's Prepare step chooses ({@link SegmentPlanner#fromSettings}, the real checks); then
 * {@code --rounds} alternations of
 * <ul>
 *   <li><b>bare</b>: a plain parallel Scan of exactly those tables and segments, strongly consistent like the run's, at
 *       most the workflow's MaxConcurrency segments at once, every page read and dropped;</li>
 *   <li><b>run</b>: a run recorded and its execution started as the route does ({@code RunStarter} through the real Step
 *       Functions client), {@code Topology.RECONCILE} run by the stack's local Step Functions with the real task handlers
 *       (their no-arg constructors, this JVM's settings), timed from the execution's start to its stop date.</li>
 * </ul>
 * Then a memory pass: every segment once more, one at a time, through a fresh {@code SegmentHandler} on this thread,
 * measuring the live heap (used after a forced full GC, sampled every 250 ms, minus the same before the segment), the
 * bytes this thread allocated, and the size of the aggregates object the segment stored.
 */
public final class ReconcileScale {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ReconcileScale() {
    }

    record Round(double bareSeconds, double runSeconds, Map<String, Double> phases, long bareItems) {
        double ratio() {
            return runSeconds / bareSeconds;
        }
    }

    record SegmentMemory(String table, int segment, long items, long liveBytes, long allocatedBytes, long aggregateBytes, double seconds) {
    }

    record SizeResult(long entries, ReconcileLoad.Loaded loaded, Map<String, Integer> plan, List<Round> rounds, List<SegmentMemory> memory) {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, ColdInit.ordered("entries", "1000000", "warmup", "1", "rounds", "3", "writers", "4",
                "items-per-segment", Long.toString(SegmentPlanner.DEFAULT_ITEMS_PER_SEGMENT), "memory-pass", "yes"));
        MachineInfo.print("Reconcile at scale: a run of Topology.RECONCILE against a bare parallel scan, embedded stack");
        System.out.printf(Locale.ROOT, "max heap %,d MB; command: bench/run.sh reconcile-scale %s%n",
                Runtime.getRuntime().maxMemory() >> 20, String.join(" ", args));
        System.setProperty(SegmentPlanner.ITEMS_PER_SEGMENT_SETTING, options.text("items-per-segment"));
        List<SizeResult> results = new ArrayList<>();
        for (String size : options.text("entries").split(",")) {
            results.add(size(Long.parseLong(size.strip()), options));
        }
        summary(results);
        System.exit(0);
    }

    private static SizeResult size(long entries, BenchArgs options) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %,d ledger entries%n", entries);
        try (BenchStack stack = BenchStack.startProvisioned()) {
            ReconcileLoad.Loaded loaded = ReconcileLoad.load(entries, options.number("writers"));
            System.out.printf(Locale.ROOT, "loaded %,d items in %.1f s (%,.0f items/s; not compared): %s; %,d balances%n",
                    loaded.items(), loaded.took().toMillis() / 1000.0, loaded.items() / (loaded.took().toMillis() / 1000.0),
                    loaded.itemsPerTable(), loaded.balances());
            DynamoDbClient dynamo = AwsClients.dynamoDb();
            List<Check> checks = ReconcileChecks.fromEnvironment();
            List<Segment> segments = SegmentPlanner.fromSettings(dynamo).plan("bench", ReconcileDay.today(Clock.systemUTC()), checks);
            Map<String, Integer> plan = new LinkedHashMap<>();
            segments.forEach(s -> plan.put(s.table(), s.totalSegments()));
            System.out.println("Prepare's plan (table: segments): " + plan + ", " + segments.size() + " segments, MaxConcurrency "
                    + Topology.RECONCILE.maxConcurrency());
            List<Round> rounds = new ArrayList<>();
            String lastRun = null;
            int warmup = options.number("warmup");
            for (int round = 1 - warmup; round <= options.number("rounds"); round++) {
                double bare;
                long bareItems;
                var bareScan = bareScan(dynamo, segments, Topology.RECONCILE.maxConcurrency());
                bare = bareScan[0] / 1e9;
                bareItems = bareScan[1];
                var run = reconcileRun(stack.localStepFunctions());
                lastRun = run.runId;
                Round r = new Round(bare, run.seconds, run.phases, bareItems);
                if (round > 0) {
                    rounds.add(r);
                }
                System.out.printf(Locale.ROOT, (round > 0 ? "round " + round : "warm-up") + ": bare scan %.2f s (%,d items, peak JVM heap %,d MB) | run %.2f s (%s; peak JVM heap"
                                + " %,d MB; %s) | run/bare %.2f%n", bare, bareItems, bareScan[2] >> 20, run.seconds,
                        phases(run.phases), run.peakHeap >> 20, run.outcome, r.ratio());
            }
            List<SegmentMemory> memory = options.text("memory-pass").equals("yes") ? memoryPass(stack, segments, lastRun) : List.of();
            return new SizeResult(entries, loaded, plan, rounds, memory);
        }
    }

    // ---- bare scan

    /** {nanos, items, peak heap} */
    private static long[] bareScan(DynamoDbClient dynamo, List<Segment> segments, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().name("bare-", 0).daemon().factory());
        AtomicLong items = new AtomicLong();
        try (HeapPeak peak = HeapPeak.start()) {
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Segment segment : segments) {
                String table = tableName(segment.table());
                running.add(pool.submit(() -> {
                    long n = 0;
                    for (var page : dynamo.scanPaginator(b -> b.tableName(table).segment(segment.segment())
                            .totalSegments(segment.totalSegments()).consistentRead(true))) {
                        n += page.items().size();
                    }
                    items.addAndGet(n);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            long took = System.nanoTime() - started;
            return new long[] {took, items.get(), peak.peak()};
        } finally {
            pool.shutdown();
        }
    }

    private static String tableName(String logicalName) {
        TableDef table = Topology.warroom().tables().stream().filter(t -> t.logicalName().equals(logicalName)).findFirst().orElseThrow();
        return SegmentPlanner.tableName(table);
    }

    // ---- the run

    private record Run(String runId, double seconds, Map<String, Double> phases, long peakHeap, String outcome) {
    }

    private static Run reconcileRun(LocalStepFunctions sfn) throws Exception {
        RunStarter starter = Wiring.starter(AwsClients.dynamoDb());
        try (HeapPeak peak = HeapPeak.start()) {
            long started = System.nanoTime();
            RunStarter.Outcome outcome = starter.start("bench:reconcile-scale");
            if (!(outcome instanceof RunStarter.Outcome.Started run)) {
                throw new IllegalStateException("the run did not start: " + outcome);
            }
            // when each state was first entered, polled every 5 ms (the local Step Functions keeps no timestamps per state)
            Map<String, Long> entered = new LinkedHashMap<>();
            ExecutionView view;
            while (true) {
                long now = System.nanoTime();
                for (String state : sfn.statesEntered(run.executionArn())) {
                    entered.putIfAbsent(state, now);
                }
                view = sfn.execution(run.executionArn()).orElseThrow();
                if (view.ended()) {
                    break;
                }
                Thread.sleep(5);
            }
            long ended = System.nanoTime();
            if (view.status() != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException("the run " + run.run().runId() + " ended " + view.status() + ": " + view.error().orElse("")
                        + " " + view.cause().orElse(""));
            }
            double seconds = Duration.between(view.startDate(), view.stopDate().orElseThrow()).toNanos() / 1e9;
            Map<String, Double> phases = new LinkedHashMap<>();
            List<String> order = List.of(ScanWorkflowDef.PREPARE, ScanWorkflowDef.SCAN_SEGMENTS, ScanWorkflowDef.COMBINE, ScanWorkflowDef.REPORT);
            for (int i = 0; i < order.size(); i++) {
                Long from = entered.get(order.get(i));
                Long to = i + 1 < order.size() ? entered.get(order.get(i + 1)) : Long.valueOf(ended);
                if (from != null && to != null) {
                    phases.put(order.get(i), (to - from) / 1e9);
                }
            }
            ReconcileRun stored = Wiring.runs(AwsClients.dynamoDb()).find(run.run().runId()).orElseThrow();
            String counts = stored.status() + ", findings " + stored.counts().map(c -> c.byRisk().toString()).orElse("none counted")
                    + ", items " + stored.counts().map(c -> c.scannedItems().values().stream().mapToLong(Number::longValue).sum()).orElse(0L);
            return new Run(run.run().runId(), seconds, phases, peak.peak(), counts);
        }
    }

    private static String phases(Map<String, Double> phases) {
        List<String> parts = new ArrayList<>();
        phases.forEach((state, s) -> parts.add(String.format(Locale.ROOT, "%s %.2f", state, s)));
        return String.join(", ", parts);
    }

    // ---- memory per segment

    private static List<SegmentMemory> memoryPass(BenchStack stack, List<Segment> segments, String runId) throws Exception {
        List<String> args = new ArrayList<>(List.of(runId, ReconcileDay.today(Clock.systemUTC()).toString()));
        segments.forEach(s -> args.add(s.table() + ":" + s.segment() + ":" + s.totalSegments()));
        Map<String, String> env = new LinkedHashMap<>(stack.lambdaEnvironment());
        env.put("POWERTOOLS_SERVICE_NAME", Topology.RECONCILE.segment().name());
        env.put(SegmentPlanner.ITEMS_PER_SEGMENT_SETTING, System.getProperty(SegmentPlanner.ITEMS_PER_SEGMENT_SETTING));
        int memoryMb = Topology.RECONCILE.segment().memoryMb();
        Path log = Files.createTempFile("reconcile-segments-", ".log");
        // the function's memory as its heap ceiling, as a Lambda of that size has at most
        var run = new ChildJvm(ChildJvm.launcherClasspath(), env).run(List.of("-Xmx" + memoryMb + "m", "-XX:+UseSerialGC"),
                ReconcileSegmentChild.class, args, "segment", log);
        System.out.println("memory pass: each segment alone in a child JVM (-Xmx" + memoryMb + "m, serial GC) holding only the"
                + " segment function; live heap = used after a forced full GC every 100 ms, minus the same before the segment; log " + log);
        List<SegmentMemory> measured = new ArrayList<>();
        for (Map<String, String> line : run.lines()) {
            SegmentMemory m = new SegmentMemory(line.get("table"), Integer.parseInt(line.get("segment")), Long.parseLong(line.get("items")),
                    Long.parseLong(line.get("liveBytes")), Long.parseLong(line.get("allocatedBytes")), Long.parseLong(line.get("aggregateBytes")),
                    Long.parseLong(line.get("millis")) / 1000.0);
            measured.add(m);
            System.out.printf(Locale.ROOT, "  %s %d: %,d items in %.2f s, live heap +%,.1f MB, allocated %,.0f MB, aggregates %,.1f KB%n",
                    m.table(), m.segment(), m.items(), m.seconds(), m.liveBytes() / 1048576.0,
                    m.allocatedBytes() / 1048576.0, m.aggregateBytes() / 1024.0);
        }
        return measured;
    }

    /** The peak heap used of the whole JVM (the stack's emulators included), sampled every 10 ms. */
    private static final class HeapPeak implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private HeapPeak() {
            thread = Thread.ofPlatform().daemon().name("heap-peak").start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapPeak start() {
            return new HeapPeak();
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            running.set(false);
            thread.interrupt();
        }
    }

    // ---- summary

    private static void summary(List<SizeResult> results) {
        System.out.println();
        System.out.println("| entries | items scanned | segments | bare scan s (median) | run s (median) | Prepare | ScanSegments | Combine | Report |"
                + " run/bare per round | median run/bare |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        for (SizeResult r : results) {
            List<String> ratios = r.rounds().stream().map(x -> String.format(Locale.ROOT, "%.2f", x.ratio())).toList();
            System.out.printf(Locale.ROOT, "| %,d | %,d | %d | %.2f | %.2f | %s | %s | %s | %s | %s | **%.2f** |%n", r.entries(),
                    r.rounds().getFirst().bareItems(), r.plan().values().stream().mapToInt(Integer::intValue).sum(),
                    median(r.rounds().stream().map(Round::bareSeconds).toList()), median(r.rounds().stream().map(Round::runSeconds).toList()),
                    phase(r, ScanWorkflowDef.PREPARE), phase(r, ScanWorkflowDef.SCAN_SEGMENTS), phase(r, ScanWorkflowDef.COMBINE),
                    phase(r, ScanWorkflowDef.REPORT), String.join(", ", ratios), median(r.rounds().stream().map(Round::ratio).toList()));
        }
        if (results.stream().anyMatch(r -> !r.memory().isEmpty())) {
            System.out.println();
            System.out.println("| entries | segments | items per segment (max) | live heap per segment MB (median / max) |"
                    + " allocated per segment MB (median / max) | aggregates per segment KB (median / max) |");
            System.out.println("|---:|---:|---:|---:|---:|---:|");
            for (SizeResult r : results) {
                if (r.memory().isEmpty()) {
                    continue;
                }
                List<SegmentMemory> m = r.memory();
                System.out.printf(Locale.ROOT, "| %,d | %d | %,d | %.1f / %.1f | %,.0f / %,.0f | %,.1f / %,.1f |%n", r.entries(), m.size(),
                        m.stream().mapToLong(SegmentMemory::items).max().orElse(0),
                        median(m.stream().map(x -> x.liveBytes() / 1048576.0).toList()), m.stream().mapToLong(SegmentMemory::liveBytes).max().orElse(0) / 1048576.0,
                        median(m.stream().map(x -> x.allocatedBytes() / 1048576.0).toList()), m.stream().mapToLong(SegmentMemory::allocatedBytes).max().orElse(0) / 1048576.0,
                        median(m.stream().map(x -> x.aggregateBytes() / 1024.0).toList()), m.stream().mapToLong(SegmentMemory::aggregateBytes).max().orElse(0) / 1024.0);
            }
        }
    }

    private static String phase(SizeResult r, String state) {
        List<Double> values = r.rounds().stream().map(x -> x.phases().get(state)).filter(v -> v != null).toList();
        return values.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", median(values));
    }

    private static double median(List<Double> values) {
        return Summary.of(values).median();
    }
}
