package com.warroom.local.stack.sfn;

import static com.warroom.local.stack.sfn.TestWorkflows.SCAN;
import static com.warroom.topology.ScanWorkflowDef.COMBINE;
import static com.warroom.topology.ScanWorkflowDef.PREPARE;
import static com.warroom.topology.ScanWorkflowDef.RECORD_FAILURE;
import static com.warroom.topology.ScanWorkflowDef.REPORT;
import static com.warroom.topology.ScanWorkflowDef.RUN_FAILED;
import static com.warroom.topology.ScanWorkflowDef.SCAN_SEGMENT;
import static com.warroom.topology.ScanWorkflowDef.SCAN_SEGMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.topology.ScanWorkflowDef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/** The local Step Functions running a scan workflow through the real SfnClient: its Map state, retries, catches and failures. */
class LocalScanRunTest {

    private static final Instant START = Instant.parse("2026-12-01T00:30:00Z");
    private static final Duration QUIET_WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "2026-11-30";

    private final List<Duration> retryPauses = new CopyOnWriteArrayList<>();
    private LocalStepFunctions stepFunctions;
    private SfnClient sfn;

    @BeforeEach
    void start() throws Exception {
        stepFunctions = LocalStepFunctions.start(0, "us-east-1", AdjustableClock.startingAt(START), retryPauses::add);
        stepFunctions.register(SCAN);
        sfn = SfnClient.builder().endpointOverride(stepFunctions.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        stepFunctions.close();
    }

    @Test
    void run_whenEverySegmentSucceeds_mapsThemInParallelAtMostMaxConcurrencyThenCombinesPreparesOutputAndReports() throws Exception {
        String runId = runId();
        int segments = 7;
        Map<String, Object> input = input(runId, Map.of("totalSegments", segments, "hold", true));
        ScanSteps.gate = new CountDownLatch(1);
        String arn;
        try {
            arn = start(runId, input);
            awaitSegmentCalls(runId, SCAN.maxConcurrency());
            // the segments in flight hold their slots: however long the run is given, no further segment starts
            assertThatThrownBy(() -> stepFunctions.awaitQuiet(arn, Duration.ofMillis(200))).isInstanceOf(TimeoutException.class);
            assertThat(ScanSteps.of(runId, "s-segment")).hasSize(SCAN.maxConcurrency());
            assertThat(stepFunctions.statesEntered(arn)).containsExactly(PREPARE, SCAN_SEGMENTS, SCAN_SEGMENT, SCAN_SEGMENT, SCAN_SEGMENT);
            assertThat(stepFunctions.execution(arn).orElseThrow().state()).isEqualTo(SCAN_SEGMENT);
        } finally {
            ScanSteps.gate.countDown();
        }
        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        List<String> expectedStates = new ArrayList<>(List.of(PREPARE, SCAN_SEGMENTS));
        expectedStates.addAll(Collections.nCopies(segments, SCAN_SEGMENT));
        expectedStates.addAll(List.of(COMBINE, REPORT));
        assertThat(stepFunctions.statesEntered(arn)).isEqualTo(expectedStates);
        assertThat(ScanSteps.of(runId).stream().map(ScanSteps.Call::function).distinct()).containsExactly("s-prepare", "s-segment",
                "s-combine", "s-report");
        Map<String, Object> prepared = single(runId, "s-prepare").input();
        assertThat(prepared).isEqualTo(input);
        List<Map<String, Object>> items = ScanSteps.of(runId, "s-segment").stream().map(ScanSteps.Call::input).toList();
        assertThat(items).extracting(item -> item.get("segment")).containsExactlyInAnyOrderElementsOf(IntStream.range(0, segments).boxed().toList());
        assertThat(items).allSatisfy(item -> assertThat(item).containsEntry("runId", runId).containsEntry("day", DAY)
                .containsEntry("table", "ledger-entries").containsEntry("totalSegments", segments));
        // real threads: the bound was reached, and held
        assertThat(ScanSteps.mostInFlight(runId)).isEqualTo(SCAN.maxConcurrency());
        assertThat(ScanSteps.of(runId, "s-segment").stream().map(ScanSteps.Call::thread).distinct().count())
                .isGreaterThanOrEqualTo(SCAN.maxConcurrency());
        // ResultPath null: Combine gets Prepare's output, segments and all, not the Map's results
        Map<String, Object> combineInput = single(runId, "s-combine").input();
        assertThat(combineInput).containsAllEntriesOf(input).containsKey("segments").doesNotContainKey("items");
        assertThat((List<?>) combineInput.get("segments")).hasSize(segments);
        Map<String, Object> reportInput = single(runId, "s-report").input();
        assertThat(reportInput).isEqualTo(with(input, "s-combine", true));
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(described.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(map(described.output())).isEqualTo(with(with(input, "s-combine", true), "s-report", true));
        assertThat(retryPauses).isEmpty();
    }

    @Test
    void segment_whenItFailsTwiceThenSucceeds_isRetriedWithTheIntervalBackingOffAndTheRunSucceeds() throws Exception {
        String runId = runId();
        String arn = start(runId, input(runId, Map.of("totalSegments", 3, "failAttempts", Map.of("1", 2))));

        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(segmentCalls(runId, 1)).isEqualTo(3);
        assertThat(segmentCalls(runId, 0)).isEqualTo(1);
        assertThat(segmentCalls(runId, 2)).isEqualTo(1);
        assertThat(retryPauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(stepFunctions.statesEntered(arn))
                .containsExactly(PREPARE, SCAN_SEGMENTS, SCAN_SEGMENT, SCAN_SEGMENT, SCAN_SEGMENT, COMBINE, REPORT);
    }

    @Test
    void segment_whenItFailsEveryAttempt_failsTheMapIntoRecordFailureWithPreparesOutputAndTheErrorThenTheRunFails()
            throws Exception {
        String runId = runId();
        Map<String, Object> input = input(runId, Map.of("totalSegments", 3, "failAttempts", Map.of("2", 99)));
        String arn = start(runId, input);

        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.error()).contains(ScanWorkflowDef.RUN_FAILED_ERROR);
        assertThat(ended.cause()).contains(SCAN.runFailedCause());
        assertThat(segmentCalls(runId, 2)).isEqualTo(1 + ScanWorkflowDef.SEGMENT_RETRIES);
        assertThat(stepFunctions.statesEntered(arn))
                .containsExactly(PREPARE, SCAN_SEGMENTS, SCAN_SEGMENT, SCAN_SEGMENT, SCAN_SEGMENT, RECORD_FAILURE, RUN_FAILED);
        assertThat(ScanSteps.of(runId, "s-combine")).isEmpty();
        Map<String, Object> failureInput = single(runId, "s-failed").input();
        assertThat(failureInput).containsAllEntriesOf(input).containsKey("segments");
        Map<?, ?> error = (Map<?, ?>) failureInput.get("error");
        assertThat(error.get("Error")).isEqualTo(IllegalStateException.class.getName());
        assertThat(map((String) error.get("Cause"))).containsEntry("errorMessage", "segment 2 failed, attempt 3")
                .containsEntry("errorType", IllegalStateException.class.getName());
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(described.statusAsString()).isEqualTo("FAILED");
        assertThat(described.error()).isEqualTo("RunFailed");
        assertThat(described.cause()).isEqualTo(SCAN.runFailedCause());
        assertThat(described.output()).isNull();
    }

    @Test
    void prepare_whenItFails_isCaughtIntoRecordFailureWithTheExecutionInputAndTheError() throws Exception {
        String runId = runId();
        Map<String, Object> input = input(runId, Map.of("totalSegments", 3, "failIn", "s-prepare"));
        String arn = start(runId, input);

        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.error()).contains(ScanWorkflowDef.RUN_FAILED_ERROR);
        assertThat(stepFunctions.statesEntered(arn)).containsExactly(PREPARE, RECORD_FAILURE, RUN_FAILED);
        assertThat(ScanSteps.of(runId, "s-prepare")).as("no retry of a task outside the Map").hasSize(1);
        Map<String, Object> failureInput = single(runId, "s-failed").input();
        assertThat(without(failureInput, "error")).isEqualTo(input);
        assertThat(((Map<?, ?>) failureInput.get("error")).get("Error")).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void combine_whenItFails_isCaughtIntoRecordFailureWithItsOwnInputAndTheError() throws Exception {
        String runId = runId();
        Map<String, Object> input = input(runId, Map.of("totalSegments", 2, "failIn", "s-combine"));
        String arn = start(runId, input);

        stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(stepFunctions.statesEntered(arn))
                .containsExactly(PREPARE, SCAN_SEGMENTS, SCAN_SEGMENT, SCAN_SEGMENT, COMBINE, RECORD_FAILURE, RUN_FAILED);
        assertThat(without(single(runId, "s-failed").input(), "error")).isEqualTo(single(runId, "s-combine").input());
        assertThat(stepFunctions.execution(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void report_whenItFails_isCaughtIntoRecordFailureWithCombinesOutputAndTheError() throws Exception {
        String runId = runId();
        Map<String, Object> input = input(runId, Map.of("totalSegments", 1, "failIn", "s-report"));
        String arn = start(runId, input);

        stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(stepFunctions.statesEntered(arn))
                .containsExactly(PREPARE, SCAN_SEGMENTS, SCAN_SEGMENT, COMBINE, REPORT, RECORD_FAILURE, RUN_FAILED);
        assertThat(without(single(runId, "s-failed").input(), "error")).isEqualTo(with(input, "s-combine", true));
        assertThat(stepFunctions.execution(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void recordFailure_whenItFailsToo_failsTheExecutionWithItsOwnError() throws Exception {
        String runId = runId();
        Map<String, Object> failing = new LinkedHashMap<>(Map.of("totalSegments", 1, "failIn", "s-failed", "failAttempts", Map.of("0", 99)));
        String arn = start(runId, input(runId, failing));

        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.error()).contains(IllegalStateException.class.getName());
        assertThat(ended.cause().orElseThrow()).contains("s-failed failed for " + runId);
        assertThat(stepFunctions.statesEntered(arn)).endsWith(RECORD_FAILURE).doesNotContain(RUN_FAILED);
    }

    @Test
    void scanSegments_whenPrepareListsNoSegments_runsNoSegmentAndCombines() throws Exception {
        String runId = runId();
        String arn = start(runId, input(runId, Map.of("totalSegments", 0)));

        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(stepFunctions.statesEntered(arn)).containsExactly(PREPARE, SCAN_SEGMENTS, COMBINE, REPORT);
    }

    @Test
    void scanSegments_whenPreparesOutputHasNoSegmentsArray_failsTheExecutionWithStatesRuntimeUncaught() throws Exception {
        String runId = runId();
        String arn = start(runId, input(runId, Map.of("noSegments", true)));

        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.error()).contains("States.Runtime");
        assertThat(ended.cause().orElseThrow()).contains("$.segments");
        assertThat(stepFunctions.statesEntered(arn)).containsExactly(PREPARE, SCAN_SEGMENTS);
        assertThat(ScanSteps.of(runId, "s-failed")).isEmpty();
    }

    @Test
    void startExecution_whenTheRunIdIsTakenByAnEndedRun_isExecutionAlreadyExistsAndListExecutionsShowsTheRuns() throws Exception {
        String first = runId();
        String second = runId();
        String firstArn = start(first, input(first, Map.of("totalSegments", 2)));
        stepFunctions.awaitQuiet(firstArn, QUIET_WITHIN);
        String secondArn = start(second, input(second, Map.of("totalSegments", 1, "failIn", "s-prepare")));
        stepFunctions.awaitQuiet(secondArn, QUIET_WITHIN);

        assertThat(firstArn).isEqualTo("arn:aws:states:us-east-1:000000000000:execution:warroom-t-scan:" + first)
                .isEqualTo(stepFunctions.executionArn(SCAN, first));
        assertThatThrownBy(() -> start(first, input(first, Map.of("totalSegments", 2))))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        List<ExecutionListItem> listed = sfn.listExecutions(b -> b.stateMachineArn(stepFunctions.stateMachineArn(SCAN))).executions();
        assertThat(listed).extracting(ExecutionListItem::executionArn).containsExactlyInAnyOrder(firstArn, secondArn);
        List<ExecutionListItem> failed = sfn.listExecutions(b -> b.stateMachineArn(stepFunctions.stateMachineArn(SCAN))
                .statusFilter("FAILED")).executions();
        assertThat(failed).extracting(ExecutionListItem::name).containsExactly(second);
        assertThat(sfn.describeExecution(b -> b.executionArn(firstArn)).input()).isEqualTo(JSON.writeValueAsString(input(first,
                Map.of("totalSegments", 2))));
    }

    @Test
    void startExecution_whenTheSameRunIsStartedAgainWhileRunning_answersTheRunningExecution() throws Exception {
        String runId = runId();
        Map<String, Object> input = input(runId, Map.of("totalSegments", 2, "hold", true));
        ScanSteps.gate = new CountDownLatch(1);
        String arn;
        String again;
        try {
            arn = start(runId, input);
            again = start(runId, input);
            assertThat(stepFunctions.execution(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
        } finally {
            ScanSteps.gate.countDown();
        }

        assertThat(again).isEqualTo(arn);
        assertThat(stepFunctions.awaitQuiet(arn, QUIET_WITHIN).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ScanSteps.of(runId, "s-prepare")).hasSize(1);
    }

    private String start(String runId, Map<String, Object> input) throws Exception {
        String json = JSON.writeValueAsString(input);
        return sfn.startExecution(b -> b.stateMachineArn(stepFunctions.stateMachineArn(SCAN)).name(runId).input(json)).executionArn();
    }

    private static Map<String, Object> input(String runId, Map<String, Object> behaviour) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("runId", runId);
        input.put("day", DAY);
        input.putAll(behaviour);
        return input;
    }

    private static void awaitSegmentCalls(String runId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        while (ScanSteps.of(runId, "s-segment").size() < count) {
            assertThat(System.nanoTime()).as("%d segments started within %s", count, QUIET_WITHIN).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static long segmentCalls(String runId, int segment) {
        return ScanSteps.of(runId, "s-segment").stream().filter(call -> call.input().get("segment").equals(segment)).count();
    }

    private static ScanSteps.Call single(String runId, String function) {
        List<ScanSteps.Call> calls = ScanSteps.of(runId, function);
        assertThat(calls).as(function).hasSize(1);
        return calls.getFirst();
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static Map<String, Object> map(String json) throws Exception {
        return JSON.readValue(json, new TypeReference<>() {
        });
    }

    private static String runId() {
        return "run-" + UUID.randomUUID();
    }
}
