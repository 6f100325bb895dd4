package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static com.warroom.infra.TemplateJson.strings;
import static com.warroom.topology.ScanWorkflowDef.COMBINE;
import static com.warroom.topology.ScanWorkflowDef.PREPARE;
import static com.warroom.topology.ScanWorkflowDef.RECORD_FAILURE;
import static com.warroom.topology.ScanWorkflowDef.REPORT;
import static com.warroom.topology.ScanWorkflowDef.RUN_FAILED;
import static com.warroom.topology.ScanWorkflowDef.SCAN_SEGMENT;
import static com.warroom.topology.ScanWorkflowDef.SCAN_SEGMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.ScanWorkflowDef;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScanWorkflowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CAUGHT_STATES = List.of(PREPARE, SCAN_SEGMENTS, COMBINE, REPORT);

    static Stream<Arguments> workflows() {
        return SynthesizedWarroom.eachOf(ScanWorkflowTest::scans, ScanWorkflowDef::logicalName);
    }

    @Test
    void workflowTopology_whenSynthesized_holdsAScanToCheck() {
        assertThat(scans(SynthesizedWarroom.withWorkflow().topology)).containsExactly(WorkflowTopology.SCAN);
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void states_whenARunSucceeds_arePrepareTheMapCombineAndReportWithTheFailurePathBeside(SynthesizedWarroom app,
            ScanWorkflowDef workflow) {
        JsonNode definition = definition(app, workflow);

        assertThat(StateMachineOrder.of(definition.toString())).isEqualTo(ScanWorkflowDef.STATES);
        assertThat(fieldNames(definition.path("States")))
                .containsExactlyInAnyOrder(PREPARE, SCAN_SEGMENTS, COMBINE, REPORT, RECORD_FAILURE, RUN_FAILED);
        assertThat(definition.path("StartAt").asText()).isEqualTo(PREPARE);
        assertThat(state(definition, REPORT).path("End").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void scanSegments_whenRun_mapsTheSegmentsWithItsMaxConcurrencyAndDiscardsTheResults(SynthesizedWarroom app, ScanWorkflowDef workflow) {
        JsonNode map = state(definition(app, workflow), SCAN_SEGMENTS);

        assertThat(map.path("Type").asText()).isEqualTo("Map");
        assertThat(map.path("ItemsPath").asText()).isEqualTo("$.segments");
        assertThat(map.path("MaxConcurrency").asInt()).isEqualTo(workflow.maxConcurrency()).isPositive();
        // ResultPath null: the state after the Map is the Map's input, Prepare's output, unchanged
        assertThat(map.has("ResultPath")).isTrue();
        assertThat(map.path("ResultPath").isNull()).isTrue();
        assertThat(map.has("ItemSelector")).as("each iteration gets its item as it is").isFalse();
        assertThat(map.has("Parameters")).isFalse();
        assertThat(map.path("Next").asText()).isEqualTo(COMBINE);
        JsonNode processor = map.path("ItemProcessor");
        assertThat(processor.path("StartAt").asText()).isEqualTo(SCAN_SEGMENT);
        assertThat(fieldNames(processor.path("States"))).containsExactly(SCAN_SEGMENT);
        assertThat(processor.path("States").path(SCAN_SEGMENT).path("End").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void scanSegment_whenItFails_isRetriedOnAnyErrorTwiceBackingOff(SynthesizedWarroom app, ScanWorkflowDef workflow) {
        JsonNode segment = state(definition(app, workflow), SCAN_SEGMENTS).path("ItemProcessor").path("States").path(SCAN_SEGMENT);

        assertThat(plain(segment.path("Retry"))).isEqualTo(List.of(Map.of("ErrorEquals", List.of("States.ALL"), "MaxAttempts", 2,
                "IntervalSeconds", 2, "BackoffRate", 2)));
        assertThat(segment.has("Catch")).as("a segment's failure after its retries fails the Map, which is caught").isFalse();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void tasks_whenRun_invokeTheirFunctionsLiveAliasWithTheStateAndBecomeWhatItReturns(SynthesizedWarroom app, ScanWorkflowDef workflow) {
        JsonNode definition = definition(app, workflow);
        Map<String, FunctionDef> tasks = new LinkedHashMap<>();
        tasks.put(PREPARE, workflow.prepare());
        tasks.put(COMBINE, workflow.combine());
        tasks.put(REPORT, workflow.report());
        tasks.put(RECORD_FAILURE, workflow.recordFailure());
        Map<String, JsonNode> states = new LinkedHashMap<>();
        tasks.keySet().forEach(name -> states.put(name, state(definition, name)));
        states.put(SCAN_SEGMENT, state(definition, SCAN_SEGMENTS).path("ItemProcessor").path("States").path(SCAN_SEGMENT));
        tasks.put(SCAN_SEGMENT, workflow.segment());

        tasks.forEach((name, function) -> {
            JsonNode task = states.get(name);
            assertThat(task.path("Type").asText()).as(name).isEqualTo("Task");
            assertThat(task.path("Resource").asText()).as(name).isEqualTo("arn:${AWS::Partition}:states:::lambda:invoke");
            assertThat(task.path("Parameters").path("FunctionName").asText()).as(name).isEqualTo(liveAlias(app, function));
            assertThat(task.path("Parameters").path("Payload.$").asText()).as(name).isEqualTo("$");
            assertThat(task.path("OutputPath").asText()).as(name).isEqualTo("$.Payload");
            assertThat(task.path("TimeoutSeconds").asLong()).as(name)
                    .isEqualTo(function.timeoutSeconds() + ApprovalWorkflow.STEP_TIMEOUT_MARGIN.toSeconds());
        });
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void tasksOutsideTheMap_whenLambdaItselfFails_retryOnlyItsServiceErrors(SynthesizedWarroom app, ScanWorkflowDef workflow) {
        JsonNode definition = definition(app, workflow);
        for (String name : List.of(PREPARE, COMBINE, REPORT, RECORD_FAILURE)) {
            JsonNode retry = state(definition, name).path("Retry");
            assertThat(retry).as(name).hasSize(1);
            assertThat(texts(retry.path(0).path("ErrorEquals"))).as(name)
                    .containsExactlyInAnyOrderElementsOf(ApprovalWorkflow.LAMBDA_SERVICE_ERRORS);
        }
        assertThat(state(definition, SCAN_SEGMENTS).has("Retry")).as("the Map itself: its segments retry").isFalse();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyStateOfTheRun_whenItFails_isCaughtIntoRecordFailureWithTheErrorThenTheRunFails(SynthesizedWarroom app,
            ScanWorkflowDef workflow) {
        JsonNode definition = definition(app, workflow);

        for (String name : CAUGHT_STATES) {
            assertThat(plain(state(definition, name).path("Catch"))).as(name)
                    .isEqualTo(List.of(Map.of("ErrorEquals", List.of("States.ALL"), "ResultPath", "$.error", "Next", RECORD_FAILURE)));
        }
        JsonNode recordFailure = state(definition, RECORD_FAILURE);
        assertThat(recordFailure.path("Next").asText()).isEqualTo(RUN_FAILED);
        assertThat(recordFailure.has("Catch")).isFalse();
        JsonNode runFailed = state(definition, RUN_FAILED);
        assertThat(runFailed.path("Type").asText()).isEqualTo("Fail");
        assertThat(runFailed.path("Error").asText()).isEqualTo(ScanWorkflowDef.RUN_FAILED_ERROR);
        assertThat(runFailed.path("Cause").asText()).isEqualTo(workflow.runFailedCause());
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void stateMachine_whenRunning_isStandardLogsAllWithExecutionDataAndTraces(SynthesizedWarroom app, ScanWorkflowDef workflow) {
        ScanWorkflow built = app.stack.scanWorkflow(workflow);
        Map<String, Object> stateMachine = properties(app.resource(built.stateMachine()));
        Map<String, Object> logging = map(stateMachine.get("LoggingConfiguration"));
        Object logGroupArn = map(map(list(logging.get("Destinations")).getFirst()).get("CloudWatchLogsLogGroup")).get("LogGroupArn");

        assertThat(stateMachine)
                .containsEntry("StateMachineType", "STANDARD")
                .containsEntry("StateMachineName", WarroomApp.STACK_NAME + "-" + workflow.logicalName())
                .containsEntry("TracingConfiguration", Map.of("Enabled", true));
        assertThat(logging).containsEntry("Level", "ALL").containsEntry("IncludeExecutionData", true);
        assertThat(logGroupArn).isEqualTo(TemplateJson.arnOf(app.logicalId(built.logs())));
        assertThat(properties(app.resource(built.logs()))).containsEntry("RetentionInDays", 365);
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void role_whenTheStateMachineRuns_mayInvokeOnlyItsFiveTaskFunctionsAliases(SynthesizedWarroom app, ScanWorkflowDef workflow) {
        List<Map<String, Object>> statements = app.statementsOf(app.stack.scanWorkflow(workflow).stateMachine().getRole());

        List<Object> invoked = statements.stream()
                .filter(statement -> strings(statement.get("Action")).contains("lambda:InvokeFunction"))
                .flatMap(statement -> list(statement.get("Resource")).stream())
                .toList();
        assertThat(invoked).containsExactlyInAnyOrderElementsOf(workflow.functions().stream()
                .map(function -> ref(app.logicalId(app.stack.functions().get(function).live())))
                .toList());
        assertThat(statements).allSatisfy(statement -> {
            assertThat(statement).containsEntry("Effect", "Allow");
            if (!list(statement.get("Resource")).contains("*")) {
                assertThat(strings(statement.get("Action"))).containsExactly("lambda:InvokeFunction");
            }
        });
    }

    /** The topology's scan workflows. */
    static List<ScanWorkflowDef> scans(Topology topology) {
        return topology.workflows().stream()
                .flatMap(workflow -> workflow instanceof ScanWorkflowDef scan ? Stream.of(scan) : Stream.empty())
                .toList();
    }

    static JsonNode definition(SynthesizedWarroom app, ScanWorkflowDef workflow) {
        try {
            return JSON.readTree(DefinitionString.ofResource(app.resource(app.stack.scanWorkflow(workflow).stateMachine())));
        } catch (IOException e) {
            throw new AssertionError("unreadable definition", e);
        }
    }

    private static JsonNode state(JsonNode definition, String name) {
        JsonNode state = definition.path("States").path(name);
        assertThat(state.getNodeType()).as(name).isEqualTo(JsonNodeType.OBJECT);
        return state;
    }

    private static String liveAlias(SynthesizedWarroom app, FunctionDef function) {
        return "${" + app.logicalId(app.stack.functions().get(function).live()) + "}";
    }

    private static Object plain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
