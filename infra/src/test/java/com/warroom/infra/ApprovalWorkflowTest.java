package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static com.warroom.infra.TemplateJson.strings;
import static com.warroom.topology.ApprovalWorkflowDef.APPLY_ACTION;
import static com.warroom.topology.ApprovalWorkflowDef.DECIDED;
import static com.warroom.topology.ApprovalWorkflowDef.RECORD_OUTCOME;
import static com.warroom.topology.ApprovalWorkflowDef.RECORD_REQUEST;
import static com.warroom.topology.ApprovalWorkflowDef.WAIT_FOR_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Trigger;
import com.warroom.topology.Topology;
import com.warroom.topology.ApprovalWorkflowDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The synthesized state machine of every workflow of the topology, read from its definition (ASL) and its resource. */
class ApprovalWorkflowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LOG_DELIVERY_ACTIONS = Set.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
            "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
            "logs:DescribeResourcePolicies", "logs:DescribeLogGroups");
    private static final Set<String> TRACING_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "xray:GetSamplingRules", "xray:GetSamplingTargets");
    private static final List<String> CAUGHT_STATES = List.of(RECORD_REQUEST, WAIT_FOR_DECISION, APPLY_ACTION);
    private static final List<String> PLAIN_STEPS = List.of(RECORD_REQUEST, APPLY_ACTION, RECORD_OUTCOME);

    private static SynthesizedWarroom twoDayTimeout;

    static Stream<Arguments> workflows() {
        return SynthesizedWarroom.eachOf(ApprovalWorkflowTest::approvals, ApprovalWorkflowDef::logicalName);
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void states_whenARequestIsApproved_passInTheTopologysOrder(SynthesizedWarroom app, ApprovalWorkflowDef workflow) {
        String asl = aslJson(app, workflow);

        assertThat(StateMachineOrder.of(asl)).isEqualTo(ApprovalWorkflowDef.STATES);
        assertThat(fieldNames(parse(asl).path("States"))).containsExactlyInAnyOrderElementsOf(ApprovalWorkflowDef.STATES);
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void waitForDecision_whenWaiting_handsTheTaskTokenToTheAwaitFunctionAndTimesOut(SynthesizedWarroom app, ApprovalWorkflowDef workflow) {
        JsonNode wait = state(app, workflow, WAIT_FOR_DECISION);

        assertThat(wait.path("Type").asText()).isEqualTo("Task");
        assertThat(wait.path("Resource").asText()).isEqualTo("arn:${AWS::Partition}:states:::lambda:invoke.waitForTaskToken");
        assertThat(wait.path("TimeoutSeconds").asLong()).isEqualTo(workflow.decisionTimeout().toSeconds()).isEqualTo(86_400);
        assertThat(wait.path("Parameters").path("FunctionName").asText()).isEqualTo(liveAlias(app, workflow.awaitDecision()));
        assertThat(plain(wait.path("Parameters").path("Payload")))
                .isEqualTo(Map.of("approvalId.$", "$.approvalId", "taskToken.$", "$$.Task.Token"));
        // a retry would mint a second token while the first may already be stored
        assertThat(wait.has("Retry")).isFalse();
        assertThat(wait.path("Next").asText()).isEqualTo(DECIDED);
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void plainSteps_whenRun_invokeTheirFunctionsLiveAliasAndBecomeWhatItReturns(SynthesizedWarroom app, ApprovalWorkflowDef workflow) {
        Map<String, FunctionDef> functions = Map.of(RECORD_REQUEST, workflow.record(), APPLY_ACTION, workflow.apply(),
                RECORD_OUTCOME, workflow.outcome());

        functions.forEach((name, function) -> {
            JsonNode step = state(app, workflow, name);
            assertThat(step.path("Resource").asText()).as(name).isEqualTo("arn:${AWS::Partition}:states:::lambda:invoke");
            assertThat(step.path("Parameters").path("FunctionName").asText()).as(name).isEqualTo(liveAlias(app, function));
            assertThat(step.path("Parameters").path("Payload.$").asText()).as(name).isEqualTo("$");
            assertThat(step.path("OutputPath").asText()).as(name).isEqualTo("$.Payload");
        });
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void plainSteps_whenLambdaItselfFails_retryOnlyItsServiceErrors(SynthesizedWarroom app, ApprovalWorkflowDef workflow) {
        for (String name : PLAIN_STEPS) {
            JsonNode retry = state(app, workflow, name).path("Retry");
            assertThat(retry).as(name).hasSize(1);
            assertThat(texts(retry.path(0).path("ErrorEquals"))).as(name)
                    .contains("Lambda.ServiceException", "Lambda.TooManyRequestsException")
                    .allMatch(error -> error.startsWith("Lambda."));
        }
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void steps_whenFailingOrTimingOutBeforeTheOutcome_areCaughtIntoRecordOutcomeWithTheError(SynthesizedWarroom app,
            ApprovalWorkflowDef workflow) {
        for (String name : CAUGHT_STATES) {
            assertThat(plain(state(app, workflow, name).path("Catch"))).as(name)
                    .isEqualTo(List.of(Map.of("ErrorEquals", List.of("States.ALL"), "ResultPath", "$.error", "Next", RECORD_OUTCOME)));
        }
        JsonNode outcome = state(app, workflow, RECORD_OUTCOME);
        assertThat(outcome.path("End").asBoolean()).isTrue();
        assertThat(outcome.has("Catch")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void decided_whenChoosing_appliesOnlyAPresentApprovedDecision(SynthesizedWarroom app, ApprovalWorkflowDef workflow) {
        JsonNode decided = state(app, workflow, DECIDED);
        JsonNode rule = decided.path("Choices").path(0);

        assertThat(decided.path("Type").asText()).isEqualTo("Choice");
        assertThat(decided.path("Choices")).hasSize(1);
        assertThat(rule.path("Next").asText()).isEqualTo(APPLY_ACTION);
        assertThat(decided.path("Default").asText()).isEqualTo(RECORD_OUTCOME);
        // And stops at its first false: IsPresent before the comparison keeps a missing decision from failing the execution
        assertThat(rule.path("And").path(0).path("IsPresent").asBoolean()).isTrue();
        assertThat(list(plain(rule.path("And")))).contains(
                Map.of("Variable", "$.decision", "StringEquals", ApprovalWorkflowDef.APPROVED));
        assertThat(state(app, workflow, APPLY_ACTION).path("Next").asText()).isEqualTo(RECORD_OUTCOME);
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyPath_whenFollowed_endsInRecordOutcomeWithoutLoops(SynthesizedWarroom app, ApprovalWorkflowDef workflow) {
        JsonNode definition = parse(aslJson(app, workflow));
        Map<String, Set<String>> edges = transitions(definition.path("States"));

        Set<String> terminal = new TreeSet<>();
        edges.forEach((name, next) -> {
            if (next.isEmpty()) {
                terminal.add(name);
            }
        });
        assertThat(terminal).containsExactly(RECORD_OUTCOME);
        assertThat(edges.values().stream().flatMap(Set::stream)).allMatch(edges::containsKey);
        assertThat(hasCycle(definition.path("StartAt").asText(), edges, new HashSet<>(), new HashSet<>())).isFalse();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void execution_whenEveryStepTakesItsLongest_endsBeforeTheStateMachinesOwnTimeout(SynthesizedWarroom app, ApprovalWorkflowDef workflow) {
        JsonNode definition = parse(aslJson(app, workflow));
        long worstCase = 0;
        for (JsonNode state : iterable(definition.path("States"))) {
            if (state.path("Type").asText().equals("Task")) {
                assertThat(state.path("TimeoutSeconds").isIntegralNumber()).as("every task has a timeout").isTrue();
                worstCase += worstCaseSeconds(state);
            }
        }

        long timeout = definition.path("TimeoutSeconds").asLong();
        assertThat(timeout).isGreaterThanOrEqualTo(worstCase)
                .isEqualTo(app.stack.approvalWorkflow(workflow).executionTimeout().toSeconds());
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void stateMachine_whenRunning_isStandardLogsAllWithExecutionDataAndTraces(SynthesizedWarroom app, ApprovalWorkflowDef workflow) {
        ApprovalWorkflow built = app.stack.approvalWorkflow(workflow);
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
    void role_whenTheStateMachineRuns_mayInvokeOnlyItsFourTaskFunctionsAliases(SynthesizedWarroom app, ApprovalWorkflowDef workflow) {
        Object role = ref(app.logicalId(app.stack.approvalWorkflow(workflow).stateMachine().getRole()));
        List<Map<String, Object>> statements = app.rolePolicies().stream()
                .filter(policy -> policy.roles().contains(role))
                .flatMap(policy -> policy.statements().stream())
                .toList();

        List<Object> invoked = statements.stream()
                .filter(statement -> strings(statement.get("Action")).contains("lambda:InvokeFunction"))
                .flatMap(statement -> list(statement.get("Resource")).stream())
                .toList();
        assertThat(invoked).containsExactlyInAnyOrderElementsOf(workflow.functions().stream()
                .map(function -> ref(app.logicalId(app.stack.functions().get(function).live())))
                .toList());
        assertThat(statements).allSatisfy(statement -> {
            assertThat(statement).containsEntry("Effect", "Allow");
            List<String> actions = strings(statement.get("Action"));
            if (list(statement.get("Resource")).contains("*")) {
                assertThat(actions).allMatch(action -> LOG_DELIVERY_ACTIONS.contains(action) || TRACING_ACTIONS.contains(action));
            } else {
                assertThat(actions).containsExactly("lambda:InvokeFunction");
            }
        });
    }

    @Test
    void decisionTimeout_whenTheContextSetsHours_isTheWaitAndMovesTheExecutionTimeout() {
        SynthesizedWarroom app = twoDayTimeout();
        ApprovalWorkflowDef workflow = WorkflowTopology.APPROVAL;
        JsonNode definition = parse(aslJson(app, workflow));

        assertThat(definition.path("States").path(WAIT_FOR_DECISION).path("TimeoutSeconds").asLong()).isEqualTo(48 * 3600);
        assertThat(definition.path("TimeoutSeconds").asLong()).isEqualTo(49 * 3600);
        assertThat(app.stack.approvalWorkflow(workflow).decisionTimeout()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void executionTimeout_whenStepsAreSlow_addsWholeHoursCoveringTheirWorstCase() {
        FunctionDef slow = FunctionDef.builder("slow").module("functions/slow").handler("com.example.Slow").memoryMb(512).timeoutSeconds(900)
                .trigger(new Trigger.WorkflowTask("approval")).build();

        // 3 steps x 7 attempts x (900 + 60) s + 3 x 126 s of retry waits = 20538 s: 6 hours
        assertThat(ApprovalWorkflow.executionTimeout(Duration.ofHours(24), List.of(slow, slow, slow))).isEqualTo(Duration.ofHours(30));
        ApprovalWorkflowDef approval = WorkflowTopology.APPROVAL;
        assertThat(ApprovalWorkflow.executionTimeout(Duration.ofHours(24), List.of(approval.record(), approval.apply(), approval.outcome())))
                .isEqualTo(Duration.ofHours(25));
    }

    private static synchronized SynthesizedWarroom twoDayTimeout() {
        if (twoDayTimeout == null) {
            twoDayTimeout = new SynthesizedWarroom("two-day-timeout", WorkflowTopology.topology(),
                    Map.of(DecisionTimeout.contextKey(WorkflowTopology.APPROVAL), "48"));
        }
        return twoDayTimeout;
    }

    private static long worstCaseSeconds(JsonNode task) {
        long timeout = task.path("TimeoutSeconds").asLong();
        JsonNode retry = task.path("Retry");
        if (retry.isMissingNode()) {
            return timeout;
        }
        long total = 0;
        for (JsonNode retrier : iterable(retry)) {
            int attempts = retrier.path("MaxAttempts").asInt(3);
            double wait = retrier.path("IntervalSeconds").asDouble(1);
            for (int attempt = 0; attempt < attempts; attempt++) {
                total += timeout + (long) Math.ceil(wait);
                wait *= retrier.path("BackoffRate").asDouble(2);
            }
        }
        return total + timeout;
    }

    private static Map<String, Set<String>> transitions(JsonNode states) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        states.properties().forEach(entry -> {
            JsonNode state = entry.getValue();
            Set<String> next = new TreeSet<>();
            Stream.of(state.path("Next"), state.path("Default")).filter(JsonNode::isTextual).forEach(node -> next.add(node.asText()));
            Stream.of(state.path("Choices"), state.path("Catch")).flatMap(ApprovalWorkflowTest::elements)
                    .forEach(rule -> next.add(rule.path("Next").asText()));
            edges.put(entry.getKey(), next);
        });
        return edges;
    }

    private static boolean hasCycle(String state, Map<String, Set<String>> edges, Set<String> onPath, Set<String> done) {
        if (onPath.contains(state)) {
            return true;
        }
        if (!done.add(state)) {
            return false;
        }
        onPath.add(state);
        for (String next : edges.getOrDefault(state, Set.of())) {
            if (hasCycle(next, edges, onPath, done)) {
                return true;
            }
        }
        onPath.remove(state);
        return false;
    }

    /** The topology's approval workflows. */
    static List<ApprovalWorkflowDef> approvals(Topology topology) {
        return topology.workflows().stream()
                .flatMap(workflow -> workflow instanceof ApprovalWorkflowDef approval ? Stream.of(approval) : Stream.empty())
                .toList();
    }

    static String aslJson(SynthesizedWarroom app, ApprovalWorkflowDef workflow) {
        return DefinitionString.ofResource(app.resource(app.stack.approvalWorkflow(workflow).stateMachine()));
    }

    private static JsonNode state(SynthesizedWarroom app, ApprovalWorkflowDef workflow, String name) {
        JsonNode state = parse(aslJson(app, workflow)).path("States").path(name);
        assertThat(state.getNodeType()).as(name).isEqualTo(JsonNodeType.OBJECT);
        return state;
    }

    private static String liveAlias(SynthesizedWarroom app, FunctionDef function) {
        return "${" + app.logicalId(app.stack.functions().get(function).live()) + "}";
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("unreadable definition", e);
        }
    }

    /** The JSON as the maps and lists the template is read as. */
    private static Object plain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return elements(array).map(JsonNode::asText).toList();
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }
}
