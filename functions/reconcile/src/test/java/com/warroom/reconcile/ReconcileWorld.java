package com.warroom.reconcile;

import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.sns.PublishedMessage;
import com.warroom.reconcile.api.ReconcileApiHandler;
import com.warroom.reconcile.check.Check;
import com.warroom.reconcile.findings.FindingsStore;
import com.warroom.reconcile.report.ReportHandler;
import com.warroom.reconcile.report.Reporter;
import com.warroom.reconcile.run.CombineHandler;
import com.warroom.reconcile.run.Combiner;
import com.warroom.reconcile.run.FailureRecorder;
import com.warroom.reconcile.run.PrepareHandler;
import com.warroom.reconcile.run.RecordFailureHandler;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.reconcile.run.ReconcileWorkflow;
import com.warroom.reconcile.run.ReportsBucket;
import com.warroom.observability.OpsNotices;
import com.warroom.reconcile.run.RunStarter;
import com.warroom.reconcile.run.RunStore;
import com.warroom.reconcile.run.SegmentHandler;
import com.warroom.reconcile.run.SegmentPlanner;
import com.warroom.reconcile.run.SegmentScanner;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reconcile functions in a test: the embedded stack's tables, bucket and topic through the real SDK clients, a
 * clock of its own on a day no other world uses (a day has one run at a time), the checks the test gives, and the
 * handlers built over them. {@link #run} drives a run through the real task handlers as the state machine does:
 * Prepare, every segment, Combine, Report, and RecordFailure when a step fails.
 */
public final class ReconcileWorld {

    public final EmbeddedStack stack;
    public final DynamoDbClient dynamo;
    public final DynamoDbEnhancedClient enhanced;
    public final AdjustableClock clock;
    public final RunStore runs;
    public final FindingsStore findings;
    public final ReportsBucket bucket;
    public final RecordingWorkflow workflow = new RecordingWorkflow();
    public final RunStarter starter;
    public final List<Check> checks;
    public final long itemsPerSegment;
    public final int maxSegments;

    public ReconcileWorld(EmbeddedStack stack, List<Check> checks) {
        this(stack, checks, 3, 5);
    }

    public ReconcileWorld(EmbeddedStack stack, List<Check> checks, long itemsPerSegment, int maxSegments) {
        this.stack = stack;
        this.dynamo = stack.dynamoDb();
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        // a day of its own, 00:00 to 23:59 Jakarta, far from every other world's
        LocalDate day = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 1_000_000));
        this.clock = AdjustableClock.startingAt(day.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Jakarta")).toInstant());
        this.runs = new RunStore(dynamo, Topology.RECONCILE_RUNS.localName(), RunStore.DEFAULT_ABANDONED_AFTER);
        this.findings = new FindingsStore(dynamo, enhanced, Topology.RECONCILE_FINDINGS.localName());
        this.bucket = new ReportsBucket(AwsClients.s3(), Topology.RECONCILE_REPORTS.localName());
        this.starter = new RunStarter(runs, workflow, clock);
        this.checks = List.copyOf(checks);
        this.itemsPerSegment = itemsPerSegment;
        this.maxSegments = maxSegments;
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public LocalDate day() {
        return com.warroom.reconcile.run.ReconcileDay.today(clock);
    }

    // ---- the handlers, as the state machine invokes them

    public PrepareHandler prepare() {
        return new PrepareHandler(runs, new SegmentPlanner(dynamo, t -> t.localName(), itemsPerSegment, maxSegments), checks);
    }

    public SegmentHandler segment() {
        return new SegmentHandler(new SegmentScanner(dynamo, t -> t.localName(), bucket), checks);
    }

    public CombineHandler combine() {
        return new CombineHandler(new Combiner(checks, bucket, runs, findings, clock));
    }

    public ReportHandler report() {
        return new ReportHandler(new Reporter(runs, bucket, notices(), clock));
    }

    public RecordFailureHandler recordFailure() {
        return new RecordFailureHandler(new FailureRecorder(runs, notices(), clock));
    }

    public OpsNotices notices() {
        return new OpsNotices(AwsClients.sns(), stack.localSns().topicArn(Topology.OPS_NOTICES));
    }

    public ReconcileApiHandler api() {
        return new ReconcileApiHandler(starter, runs, findings, bucket,
                new AuditLog(enhanced, Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS), clock),
                new IdempotencyStore(enhanced, Topology.IDEMPOTENCY.localName(), clock), clock);
    }

    public static LocalLambdaContext context(String function) {
        return LocalLambdaContext.of(function, 1024, 900);
    }

    // ---- driving runs

    /** How a driven run went: the run as stored after it, each step's output, and the step that failed (if one did). */
    public record Driven(ReconcileRun run, Map<String, Map<String, Object>> outputs, String failedStep) {
    }

    /** Starts a run as the route does, then drives its workflow. */
    public Driven run() {
        var outcome = starter.start("user:test");
        if (!(outcome instanceof RunStarter.Outcome.Started started)) {
            throw new AssertionError("the run did not start: " + outcome);
        }
        return drive(started.run().runId());
    }

    /** Drives the workflow of a RUNNING run as the state machine would, from its execution input. */
    public Driven drive(String runId) {
        Map<String, Object> input = Json.read(workflow.inputOf(runId), LinkedHashMap.class);
        Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
        String step = "Prepare";
        Map<String, Object> stepInput = input;
        try {
            Map<String, Object> prepared = viaJson(prepare().handleRequest(viaJson(input), context("reconcile-prepare")));
            outputs.put("Prepare", prepared);
            step = "ScanSegments";
            stepInput = prepared;
            List<Map<String, Object>> scanned = new ArrayList<>();
            for (Object segment : (List<?>) prepared.get("segments")) {
                scanned.add(viaJson(segment().handleRequest(viaJson(segment), context("reconcile-segment"))));
            }
            outputs.put("ScanSegments", Map.of("results", scanned));
            step = "Combine";
            Map<String, Object> combined = viaJson(combine().handleRequest(viaJson(prepared), context("reconcile-combine")));
            outputs.put("Combine", combined);
            step = "Report";
            stepInput = combined;
            outputs.put("Report", viaJson(report().handleRequest(viaJson(combined), context("reconcile-report"))));
            return new Driven(runs.find(runId).orElseThrow(), outputs, null);
        } catch (RuntimeException e) {
            Map<String, Object> failed = new LinkedHashMap<>(stepInput);
            failed.put("error", Map.of("Error", e.getClass().getSimpleName(), "Cause", String.valueOf(e.getMessage())));
            outputs.put("RecordFailure", viaJson(recordFailure().handleRequest(viaJson(failed), context("reconcile-failed"))));
            return new Driven(runs.find(runId).orElseThrow(), outputs, step);
        }
    }

    /** Through JSON and back, as Step Functions passes states between tasks. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> viaJson(Object value) {
        return Json.read(Json.write(value), LinkedHashMap.class);
    }

    public void advance(Duration by) {
        clock.advance(by);
    }

    // ---- data

    /** A {@code rounds} item with {@code amountMinor}. */
    public void roundItem(String roundId, String item, long amountMinor) {
        dynamo.putItem(b -> b.tableName(Topology.ROUNDS.localName()).item(Map.of("roundId", AttributeValue.fromS(roundId),
                "item", AttributeValue.fromS(item), "amountMinor", AttributeValue.fromN(Long.toString(amountMinor)))));
    }

    public void deleteRoundItem(String roundId, String item) {
        dynamo.deleteItem(b -> b.tableName(Topology.ROUNDS.localName()).key(Map.of("roundId", AttributeValue.fromS(roundId),
                "item", AttributeValue.fromS(item))));
    }

    /** The ops notices published about runs of this world's day. */
    public List<PublishedMessage> notices(String runId) {
        return stack.localSns().published(Topology.OPS_NOTICES).stream().filter(m -> m.message().contains(runId)).toList();
    }

    /** A workflow that records the executions it was asked to start, or refuses to start them. */
    public static final class RecordingWorkflow implements ReconcileWorkflow {
        public final List<String[]> started = new CopyOnWriteArrayList<>();
        public volatile boolean refuse;

        @Override
        public Started start(String runId, LocalDate day) {
            if (refuse) {
                return Started.not("Step Functions refused the start");
            }
            started.add(new String[] {runId, Json.write(Map.of("runId", runId, "day", day.toString()))});
            return Started.at("arn:aws:states:us-east-1:000000000000:execution:reconcile:" + runId);
        }

        public String inputOf(String runId) {
            return started.stream().filter(s -> s[0].equals(runId)).map(s -> s[1]).findFirst()
                    .orElseThrow(() -> new AssertionError("no execution of " + runId));
        }
    }
}
