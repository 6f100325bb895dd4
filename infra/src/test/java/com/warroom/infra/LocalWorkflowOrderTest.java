package com.warroom.infra;

import static com.warroom.topology.ApprovalWorkflowDef.DECIDED;
import static com.warroom.topology.ApprovalWorkflowDef.RECORD_OUTCOME;
import static com.warroom.topology.ApprovalWorkflowDef.WAIT_FOR_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.sfn.ExecutionStatus;
import com.warroom.local.stack.sfn.ExecutionView;
import com.warroom.local.stack.sfn.LocalStepFunctions;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import com.warroom.topology.ApprovalWorkflowDef;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Locally there is no Step Functions: the local runner's {@link LocalStepFunctions} runs the workflow's handler classes
 * itself. This test reads the state machine synthesized from the real topology ({@link Topology#warroom()}) and checks
 * that the local runtime walks the same states in the same order, invoking in each task state the same function as the
 * synthesized state does, for an approved, a rejected and a timed-out request.
 *
 * <p>Each side is reduced to a trace, one line per state: {@code "RecordRequest -> approval-record"} for a task state
 * (the function its {@code FunctionName} names in the template; locally, the function called while the execution was in
 * that state) and {@code "Decided"} for the choice. The synthesized trace follows the definition (ASL); the local trace
 * comes from {@link LocalStepFunctions#statesEntered} interleaved with the calls the recording task functions saw.
 * Reordering the state machine, or the local runtime, makes the two differ.
 */
class LocalWorkflowOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUIET_WITHIN = Duration.ofSeconds(20);
    private static final ApprovalWorkflowDef REAL = Topology.APPROVAL;
    /** The real workflow with the same function names, each on the recording handler class. */
    private static final ApprovalWorkflowDef RECORDING = new ApprovalWorkflowDef(REAL.logicalName(), REAL.arnEnvVar(), recording(REAL.record()),
            recording(REAL.awaitDecision()), recording(REAL.apply()), recording(REAL.outcome()), REAL.decisionTimeout());

    private AdjustableClock clock;
    private LocalStepFunctions stepFunctions;
    private SfnClient sfn;

    @BeforeEach
    void start() throws IOException {
        clock = AdjustableClock.startingAt(Instant.parse("2026-11-23T09:00:00Z"));
        stepFunctions = LocalStepFunctions.start(0, "us-east-1", clock);
        stepFunctions.register(RECORDING);
        LocalStepFunctions running = stepFunctions;
        OrderRecordingTask.stateOf = approvalId -> running.execution(running.executionArn(RECORDING, approvalId))
                .map(ExecutionView::state).orElse("?");
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
    void approvedRequest_whenRunLocally_passesTheSynthesizedStatesInOrderCallingTheSameFunctions() throws Exception {
        JsonNode definition = synthesizedDefinition();
        List<String> approvedPath = StateMachineOrder.of(JSON.writeValueAsString(definition));
        String id = UUID.randomUUID().toString();
        String arn = startExecution(id);

        decide(arn, id, ApprovalWorkflowDef.APPROVED);

        assertThat(approvedPath).contains(DECIDED);
        assertThat(localTrace(arn, id)).isEqualTo(synthesizedTrace(definition, approvedPath));
    }

    @Test
    void rejectedRequest_whenRunLocally_takesTheChoicesDefaultBranchOfTheSynthesizedDefinition() throws Exception {
        JsonNode definition = synthesizedDefinition();
        List<String> rejectedPath = path(definition, Branch.CHOICE_DEFAULT);
        String id = UUID.randomUUID().toString();
        String arn = startExecution(id);

        decide(arn, id, ApprovalWorkflowDef.REJECTED);

        assertThat(rejectedPath).contains(DECIDED).endsWith(RECORD_OUTCOME);
        assertThat(localTrace(arn, id)).isEqualTo(synthesizedTrace(definition, rejectedPath));
    }

    @Test
    void unansweredRequest_whenTheDecisionTimesOutLocally_takesTheSynthesizedCatchOfWaitForDecision() throws Exception {
        JsonNode definition = synthesizedDefinition();
        List<String> timedOutPath = path(definition, Branch.WAIT_TIMES_OUT);
        String id = UUID.randomUUID().toString();
        String arn = startExecution(id);
        stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        clock.advance(REAL.decisionTimeout().plusSeconds(1));
        assertThat(stepFunctions.fireDueTimeouts()).isEqualTo(1);
        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(timedOutPath).contains(WAIT_FOR_DECISION).doesNotContain(DECIDED).endsWith(RECORD_OUTCOME);
        assertThat(localTrace(arn, id)).isEqualTo(synthesizedTrace(definition, timedOutPath));
    }

    private String startExecution(String approvalId) {
        return sfn.startExecution(b -> b.stateMachineArn(stepFunctions.stateMachineArn(RECORDING)).name(approvalId)
                .input("{\"approvalId\":\"" + approvalId + "\"}")).executionArn();
    }

    /** Waits for the task token, as the decision route does, and completes it with the decision. */
    private void decide(String arn, String approvalId, String decision) throws Exception {
        ExecutionView waiting = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);
        assertThat(waiting.status()).as("waits for its decision").isEqualTo(ExecutionStatus.RUNNING);
        String token = stepFunctions.waitingTaskToken(arn).orElseThrow(() -> new AssertionError("no task token in " + waiting));
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approvalId\":\"" + approvalId + "\",\"decision\":\"" + decision + "\"}"));
        ExecutionView ended = stepFunctions.awaitQuiet(arn, QUIET_WITHIN);
        assertThat(ended.status()).as("ends").isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    /** The states the local execution entered, each task state with the functions called while it was in it. */
    private List<String> localTrace(String arn, String approvalId) {
        List<OrderRecordingTask.Call> calls = OrderRecordingTask.callsFor(approvalId);
        List<String> trace = new ArrayList<>();
        int next = 0;
        for (String state : stepFunctions.statesEntered(arn)) {
            int before = next;
            while (next < calls.size() && calls.get(next).state().equals(state)) {
                trace.add(state + " -> " + calls.get(next).function());
                next++;
            }
            if (next == before) {
                trace.add(state);
            }
        }
        assertThat(calls.subList(next, calls.size())).as("calls made outside the states entered, or out of their order").isEmpty();
        return trace;
    }

    /** The states of {@code path}, each task state with the function its FunctionName names in the template. */
    private static List<String> synthesizedTrace(JsonNode definition, List<String> path) {
        Map<String, String> functionByAlias = new HashMap<>();
        SynthesizedWarroom app = SynthesizedWarroom.get();
        for (FunctionDef function : REAL.functions()) {
            functionByAlias.put("${" + app.logicalId(app.stack.functions().get(function).live()) + "}", function.name());
        }
        List<String> trace = new ArrayList<>();
        for (String name : path) {
            JsonNode state = definition.path("States").path(name);
            if (state.path("Type").asText().equals("Task")) {
                String alias = state.path("Parameters").path("FunctionName").asText();
                String function = functionByAlias.get(alias);
                assertThat(function).as("%s invokes %s, none of the workflow's functions", name, alias).isNotNull();
                trace.add(name + " -> " + function);
            } else {
                trace.add(name);
            }
        }
        return trace;
    }

    private enum Branch {
        /** The choice answers no (anything but APPROVED): its Default. */
        CHOICE_DEFAULT,
        /** WaitForDecision fails with States.Timeout: the Catch that takes it. */
        WAIT_TIMES_OUT
    }

    /** The state names from StartAt to the end, along {@code branch}, of a synthesized definition. */
    private static List<String> path(JsonNode definition, Branch branch) {
        Set<String> path = new LinkedHashSet<>();
        String name = definition.path("StartAt").asText();
        while (name != null) {
            assertThat(path.add(name)).as("the path comes back to %s after %s", name, path).isTrue();
            JsonNode state = definition.path("States").path(name);
            assertThat(state.isObject()).as("state %s is defined", name).isTrue();
            if (branch == Branch.WAIT_TIMES_OUT && name.equals(WAIT_FOR_DECISION)) {
                name = catching(state, "States.Timeout");
            } else if (state.path("End").asBoolean(false) || Set.of("Succeed", "Fail").contains(state.path("Type").asText())) {
                name = null;
            } else if (state.path("Type").asText().equals("Choice")) {
                name = state.path("Default").asText();
            } else {
                name = state.path("Next").asText();
            }
        }
        return List.copyOf(path);
    }

    // the Next of the first Catch whose ErrorEquals matches the error, as Step Functions picks it
    private static String catching(JsonNode state, String error) {
        for (JsonNode catcher : state.path("Catch")) {
            for (JsonNode equals : catcher.path("ErrorEquals")) {
                if (equals.asText().equals(error) || equals.asText().equals("States.ALL")) {
                    return catcher.path("Next").asText();
                }
            }
        }
        throw new AssertionError("nothing catches " + error + " in " + state);
    }

    private static JsonNode synthesizedDefinition() throws IOException {
        SynthesizedWarroom app = SynthesizedWarroom.get();
        WarroomWorkflow workflow = app.stack.workflows().get(REAL);
        assertThat(workflow).as("the real topology's stack has the %s workflow", REAL.logicalName()).isNotNull();
        return JSON.readTree(DefinitionString.ofResource(app.resource(workflow.stateMachine())));
    }

    private static FunctionDef recording(FunctionDef function) {
        return function.toBuilder().handler(OrderRecordingTask.class.getName()).build();
    }
}
