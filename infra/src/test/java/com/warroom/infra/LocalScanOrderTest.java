package com.warroom.infra;

import static com.warroom.topology.ScanWorkflowDef.SCAN_SEGMENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.sfn.ExecutionStatus;
import com.warroom.local.stack.sfn.ExecutionView;
import com.warroom.local.stack.sfn.LocalStepFunctions;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.ScanWorkflowDef;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * As {@link LocalWorkflowOrderTest} for the approval workflow: reads the state machine synthesized for a scan workflow
 * and checks that the local runtime ({@link LocalStepFunctions}) walks the same states in the same order, invoking in
 * each task state the function the synthesized state invokes, for a run whose segments all succeed and for one where a
 * segment fails every attempt its Retry allows.
 *
 * <p>Each side is reduced to a trace, one line per state or call: {@code "Prepare -> scan-prepare"} for a task state,
 * {@code "ScanSegments"} for the Map, {@code "ScanSegment[1] -> scan-segment"} per invocation of the Map's task for item 1
 * (one line per attempt), {@code "RunFailed"} for the Fail state. The synthesized trace follows the definition (ASL),
 * expanding the Map's item processor once per segment Prepare listed and a task's Retry into its attempts; the local trace
 * comes from {@link LocalStepFunctions#statesEntered} joined with the calls the recording task functions saw.
 */
class LocalScanOrderTest {

    /**
     * The scan workflow whose synthesized state machine is checked: the real topology's reconcile run. The app is the
     * synthesized one that holds it.
     */
    private static final ScanWorkflowDef REAL = Topology.RECONCILE;
    /** The workflow with the same function names, each on the recording handler class. */
    private static final ScanWorkflowDef RECORDING = new ScanWorkflowDef(REAL.logicalName(), REAL.arnEnvVar(), recording(REAL.prepare()),
            recording(REAL.segment()), recording(REAL.combine()), recording(REAL.report()), recording(REAL.recordFailure()),
            REAL.maxConcurrency());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUIET_WITHIN = Duration.ofSeconds(30);
    private static final int SEGMENTS = 3;
    /** The last: whatever the MaxConcurrency, every item has started before it fails, so each side runs all three. */
    private static final int FAILING_SEGMENT = SEGMENTS - 1;
    private static final String EVERY_ERROR = "States.ALL";
    private static final String SEGMENT_ERROR = IllegalStateException.class.getName();

    private final List<Duration> retryPauses = new CopyOnWriteArrayList<>();
    private LocalStepFunctions stepFunctions;
    private SfnClient sfn;

    @BeforeEach
    void start() throws IOException {
        stepFunctions = LocalStepFunctions.start(0, "us-east-1", AdjustableClock.startingAt(Instant.parse("2026-12-01T00:30:00Z")),
                retryPauses::add);
        stepFunctions.register(RECORDING);
        LocalStepFunctions running = stepFunctions;
        ScanOrderRecordingTask.stateOf = runId -> running.execution(running.executionArn(RECORDING, runId))
                .map(ExecutionView::state).orElse("?");
        ScanOrderRecordingTask.segments = SEGMENTS;
        ScanOrderRecordingTask.failingSegment = -1;
        sfn = SfnClient.builder().endpointOverride(stepFunctions.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        ScanOrderRecordingTask.failingSegment = -1;
        sfn.close();
        stepFunctions.close();
    }

    @Test
    void run_whenEverySegmentSucceedsLocally_passesTheSynthesizedStatesInOrderCallingTheSameFunctions() throws Exception {
        JsonNode definition = synthesizedDefinition();
        String runId = runId();

        ExecutionView ended = run(runId);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        List<String> synthesized = synthesizedTrace(definition, -1);
        assertThat(synthesized).startsWith(ScanWorkflowDef.PREPARE + " -> " + REAL.prepare().name(), ScanWorkflowDef.SCAN_SEGMENTS)
                .contains(SCAN_SEGMENT + "[" + (SEGMENTS - 1) + "] -> " + REAL.segment().name())
                .endsWith(ScanWorkflowDef.REPORT + " -> " + REAL.report().name());
        assertThat(localTrace(runId)).isEqualTo(synthesized);
        assertThat(retryPauses).isEmpty();
    }

    @Test
    void run_whenASegmentFailsEveryAttemptLocally_takesTheSynthesizedRetriesAndCatchIntoRunFailed() throws Exception {
        JsonNode definition = synthesizedDefinition();
        String runId = runId();
        ScanOrderRecordingTask.failingSegment = FAILING_SEGMENT;

        ExecutionView ended = run(runId);

        List<String> synthesized = synthesizedTrace(definition, FAILING_SEGMENT);
        String failingCall = SCAN_SEGMENT + "[" + FAILING_SEGMENT + "] -> " + REAL.segment().name();
        assertThat(synthesized.stream().filter(failingCall::equals)).as("the first attempt and the Retry's two more").hasSize(3);
        assertThat(synthesized).endsWith(ScanWorkflowDef.RECORD_FAILURE + " -> " + REAL.recordFailure().name(), ScanWorkflowDef.RUN_FAILED);
        assertThat(localTrace(runId)).isEqualTo(synthesized);
        JsonNode fail = definition.path("States").path(ScanWorkflowDef.RUN_FAILED);
        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.error()).contains(fail.path("Error").asText());
        assertThat(ended.cause()).contains(fail.path("Cause").asText());
        assertThat(retryPauses).isEqualTo(synthesizedRetryPauses(definition));
    }

    private ExecutionView run(String runId) throws Exception {
        String arn = sfn.startExecution(b -> b.stateMachineArn(stepFunctions.stateMachineArn(RECORDING)).name(runId)
                .input("{\"runId\":\"" + runId + "\",\"day\":\"2026-11-30\"}")).executionArn();
        return stepFunctions.awaitQuiet(arn, QUIET_WITHIN);
    }

    /**
     * The states the local execution entered, each task state with the calls made while the execution was in it; the
     * n-th entry of the Map's task is item n's (items start in order), with the calls made for that segment.
     */
    private List<String> localTrace(String runId) {
        List<ScanOrderRecordingTask.Call> calls = ScanOrderRecordingTask.callsFor(runId);
        List<ScanOrderRecordingTask.Call> outsideTheMap = calls.stream().filter(call -> call.segment() < 0).toList();
        List<String> trace = new ArrayList<>();
        int next = 0;
        int item = 0;
        int segmentCalls = 0;
        for (String state : stepFunctions.statesEntered(stepFunctions.executionArn(RECORDING, runId))) {
            if (state.equals(SCAN_SEGMENT)) {
                int segment = item++;
                List<ScanOrderRecordingTask.Call> forSegment = calls.stream()
                        .filter(call -> call.segment() == segment && call.state().equals(SCAN_SEGMENT)).toList();
                forSegment.forEach(call -> trace.add(SCAN_SEGMENT + "[" + segment + "] -> " + call.function()));
                segmentCalls += forSegment.size();
                continue;
            }
            int before = next;
            while (next < outsideTheMap.size() && outsideTheMap.get(next).state().equals(state)) {
                trace.add(state + " -> " + outsideTheMap.get(next).function());
                next++;
            }
            if (next == before) {
                trace.add(state);
            }
        }
        assertThat(outsideTheMap.subList(next, outsideTheMap.size())).as("calls made outside the states entered, or out of their order")
                .isEmpty();
        assertThat(segmentCalls).as("every segment call made in ScanSegment, for an item that entered it")
                .isEqualTo(calls.size() - outsideTheMap.size());
        return trace;
    }

    /** The synthesized path with {@link #SEGMENTS} items in the Map; {@code failingSegment} fails every attempt (-1: none). */
    private static List<String> synthesizedTrace(JsonNode definition, int failingSegment) {
        Map<String, String> functionByAlias = new HashMap<>();
        SynthesizedWarroom app = app();
        for (FunctionDef function : REAL.functions()) {
            functionByAlias.put("${" + app.logicalId(app.stack.functions().get(function).live()) + "}", function.name());
        }
        List<String> trace = new ArrayList<>();
        walk(definition, functionByAlias, failingSegment, trace, -1);
        return trace;
    }

    /**
     * Follows {@code machine} (the definition or a Map's item processor) from StartAt; answers whether it ended in an error
     * no state of it caught. {@code item} is the Map item this processor runs (-1: the top level).
     */
    private static boolean walk(JsonNode machine, Map<String, String> functionByAlias, int failingSegment, List<String> trace, int item) {
        Set<String> passed = new LinkedHashSet<>();
        String name = machine.path("StartAt").asText();
        while (name != null) {
            assertThat(passed.add(name)).as("the path comes back to %s after %s", name, passed).isTrue();
            JsonNode state = machine.path("States").path(name);
            assertThat(state.isObject()).as("state %s is defined", name).isTrue();
            boolean failed = false;
            switch (state.path("Type").asText()) {
                case "Task" -> {
                    String function = functionByAlias.get(state.path("Parameters").path("FunctionName").asText());
                    assertThat(function).as("%s invokes one of the workflow's functions", name).isNotNull();
                    boolean fails = item >= 0 && item == failingSegment;
                    int attempts = fails ? 1 + retries(state, SEGMENT_ERROR) : 1;
                    String line = (item >= 0 ? name + "[" + item + "]" : name) + " -> " + function;
                    for (int attempt = 0; attempt < attempts; attempt++) {
                        trace.add(line);
                    }
                    failed = fails;
                }
                case "Map" -> {
                    trace.add(name);
                    for (int each = 0; each < SEGMENTS; each++) {
                        failed |= walk(state.path("ItemProcessor"), functionByAlias, failingSegment, trace, each);
                    }
                }
                case "Fail" -> {
                    trace.add(name);
                    return false;
                }
                default -> throw new AssertionError("a scan workflow has no " + state.path("Type").asText() + " state: " + name);
            }
            if (failed) {
                String catcher = catching(state, SEGMENT_ERROR);
                if (catcher == null) {
                    return true;
                }
                name = catcher;
            } else {
                name = state.path("End").asBoolean(false) ? null : state.path("Next").asText();
            }
        }
        return false;
    }

    /** The MaxAttempts of the first retrier whose ErrorEquals matches the error, as Step Functions picks it (0: none). */
    private static int retries(JsonNode state, String error) {
        JsonNode retrier = matching(state.path("Retry"), error);
        return retrier == null ? 0 : retrier.path("MaxAttempts").asInt(3);
    }

    private static String catching(JsonNode state, String error) {
        JsonNode catcher = matching(state.path("Catch"), error);
        return catcher == null ? null : catcher.path("Next").asText();
    }

    private static JsonNode matching(JsonNode rules, String error) {
        for (JsonNode rule : rules) {
            for (JsonNode equals : rule.path("ErrorEquals")) {
                if (equals.asText().equals(error) || equals.asText().equals(EVERY_ERROR)) {
                    return rule;
                }
            }
        }
        return null;
    }

    /** The waits the Map task's Retry puts between the attempts of a segment that fails every one. */
    private static List<Duration> synthesizedRetryPauses(JsonNode definition) {
        JsonNode processor = definition.path("States").path(ScanWorkflowDef.SCAN_SEGMENTS).path("ItemProcessor");
        JsonNode retrier = matching(processor.path("States").path(SCAN_SEGMENT).path("Retry"), SEGMENT_ERROR);
        assertThat(retrier).as("the segment task retries").isNotNull();
        List<Duration> pauses = new ArrayList<>();
        double wait = retrier.path("IntervalSeconds").asDouble(1);
        for (int retry = 0; retry < retrier.path("MaxAttempts").asInt(3); retry++) {
            pauses.add(Duration.ofMillis(Math.round(wait * 1000)));
            wait *= retrier.path("BackoffRate").asDouble(2);
        }
        return pauses;
    }

    private static SynthesizedWarroom app() {
        return SynthesizedWarroom.all().stream().filter(app -> app.topology.workflows().contains(REAL)).findFirst()
                .orElseThrow(() -> new AssertionError("no synthesized app holds the workflow " + REAL.logicalName()));
    }

    private static JsonNode synthesizedDefinition() throws IOException {
        SynthesizedWarroom app = app();
        return JSON.readTree(DefinitionString.ofResource(app.resource(app.stack.scanWorkflow(REAL).stateMachine())));
    }

    private static String runId() {
        return "run-" + UUID.randomUUID();
    }

    private static FunctionDef recording(FunctionDef function) {
        return function.toBuilder().handler(ScanOrderRecordingTask.class.getName()).build();
    }
}
