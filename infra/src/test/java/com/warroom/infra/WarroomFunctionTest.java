package com.warroom.infra;

import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import com.warroom.topology.ApprovalWorkflowDef;
import com.warroom.topology.WorkflowDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WarroomFunctionTest {

    static Stream<Arguments> functions() {
        return SynthesizedWarroom.eachOf(Topology::functions, FunctionDef::name);
    }

    static Stream<SynthesizedWarroom> apps() {
        return SynthesizedWarroom.all().stream();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void function_whenInTopology_isJava21WithSnapStartAndTracing(SynthesizedWarroom synthesized, FunctionDef definition) {
        Map<String, Object> function = properties(synthesized.resource(built(synthesized, definition).function()));

        assertThat(function)
                .containsEntry("Runtime", "java21")
                .containsEntry("Handler", definition.handler())
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                .containsEntry("TracingConfig", Map.of("Mode", "Active"))
                .containsEntry("FunctionName", WarroomApp.STACK_NAME + "-" + definition.name());
        assertThat(((Number) function.get("MemorySize")).intValue()).isEqualTo(definition.memoryMb());
        assertThat(((Number) function.get("Timeout")).intValue()).isEqualTo(definition.timeoutSeconds());
    }

    @ParameterizedTest
    @MethodSource("functions")
    void function_whenDeployed_hasLiveAliasOnAPublishedVersionOfIt(SynthesizedWarroom synthesized, FunctionDef definition) {
        Object function = ref(synthesized.logicalId(built(synthesized, definition).function()));
        Map<String, Object> alias = properties(synthesized.resource(built(synthesized, definition).live()));
        String versionId = (String) TemplateJson.list(map(alias.get("FunctionVersion")).get("Fn::GetAtt")).getFirst();
        Map<String, Object> version = synthesized.resource(versionId);

        assertThat(alias).containsEntry("Name", "live").containsEntry("FunctionName", function);
        assertThat(version).containsEntry("Type", "AWS::Lambda::Version");
        assertThat(properties(version)).containsEntry("FunctionName", function);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void environment_whenFunctionUsesTablesQueuesTopicsSecretsWorkflowsApisAndMail_namesEachOne(SynthesizedWarroom synthesized,
            FunctionDef definition) {
        Map<String, Object> expected = new HashMap<>();
        definition.tables().keySet().forEach(table ->
                expected.put(table.envVar(), ref(synthesized.logicalId(synthesized.stack.tables().table(table)))));
        Stream.concat(definition.sendsTo().stream(), definition.describesQueues().stream()).forEach(queue ->
                expected.put(queue.urlEnvVar(), ref(synthesized.logicalId(synthesized.stack.queues().queue(queue)))));
        // describing a queue reads its dead-letter queue's depth too; a consumer that dead-letters sends to it
        definition.describesQueues().forEach(queue ->
                expected.put(queue.dlqUrlEnvVar(), ref(synthesized.logicalId(synthesized.stack.queues().deadLetterQueue(queue)))));
        definition.deadLetters().forEach(queue ->
                expected.put(queue.dlqUrlEnvVar(), ref(synthesized.logicalId(synthesized.stack.queues().deadLetterQueue(queue)))));
        if (definition.readsMetrics()) {
            expected.put("WARROOM_API_ID", ref(synthesized.logicalId(synthesized.stack.api().api())));
            expected.put("WARROOM_STACK_NAME", "Warroom");
            expected.put("WARROOM_RUNBOOK_BASE_URL", com.warroom.alarms.RunbookLink.DEFAULT_README_URL);
        }
        if (definition.queriesLogs()) {
            expected.put(FunctionDef.LOG_GROUPS_ENV, String.join(",", synthesized.topology.functions().stream()
                    .map(f -> "/aws/lambda/Warroom-" + f.name()).toList()));
        }
        definition.publishesTo().forEach(topic ->
                expected.put(topic.arnEnvVar(), ref(synthesized.logicalId(synthesized.stack.topics().topic(topic)))));
        Stream.concat(definition.startsWorkflows().stream(), definition.completesWorkflowTasks().stream())
                .map(name -> synthesized.topology.workflow(name).orElseThrow())
                .forEach(workflow -> expected.put(workflow.arnEnvVar(), stateMachineArn(workflow)));
        definition.readsSecrets().forEach(secret -> expected.put(secret.nameEnvVar(), secret.awsName()));
        definition.keys().keySet().forEach(key ->
                expected.put(key.idEnvVar(), TemplateJson.arnOf(synthesized.logicalId(synthesized.stack.keys().key(key)))));
        definition.buckets().keySet().forEach(bucket ->
                expected.put(bucket.nameEnvVar(), ref(synthesized.logicalId(synthesized.stack.buckets().bucket(bucket)))));
        // no context in these apps: each API's default, if it has one, and the placeholder sender
        definition.callsApis().forEach(api -> api.defaultBaseUrl().ifPresent(url -> expected.put(api.baseUrlEnvVar(), url)));
        definition.sendsMail().forEach(mail -> expected.put(mail.fromEnvVar(), MailSender.PLACEHOLDER));
        expected.put("POWERTOOLS_SERVICE_NAME", definition.name());
        expected.put("POWERTOOLS_METRICS_NAMESPACE", "Warroom");
        expected.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");

        Map<String, Object> function = properties(synthesized.resource(built(synthesized, definition).function()));

        assertThat(map(map(function.get("Environment")).get("Variables"))).isEqualTo(expected);
    }

    @Test
    void environment_whenTheTopologyStartsAndCompletesAWorkflow_givesItsArnToThoseFunctionsOnly() {
        SynthesizedWarroom synthesized = SynthesizedWarroom.withWorkflow();
        ApprovalWorkflowDef workflow = WorkflowTopology.APPROVAL;

        for (FunctionDef definition : synthesized.topology.functions()) {
            Map<String, Object> variables = map(map(properties(synthesized.resource(built(synthesized, definition).function()))
                    .get("Environment")).get("Variables"));
            boolean wired = definition.equals(WorkflowTopology.STARTER) || definition.equals(WorkflowTopology.COMPLETER);
            assertThat(variables.containsKey(workflow.arnEnvVar())).as(definition.name()).isEqualTo(wired);
        }
        assertThat(properties(synthesized.resource(synthesized.stack.approvalWorkflow(workflow).stateMachine())))
                .containsEntry("StateMachineName", WarroomApp.STACK_NAME + "-" + workflow.logicalName());
    }

    @ParameterizedTest
    @MethodSource("functions")
    void logs_whenFunctionWrites_goToItsOwnLogGroupWithRetention(SynthesizedWarroom synthesized, FunctionDef definition) {
        Map<String, Object> function = properties(synthesized.resource(built(synthesized, definition).function()));
        String logGroupId = (String) map(map(function.get("LoggingConfig")).get("LogGroup")).get("Ref");

        assertThat(properties(synthesized.resource(logGroupId))).containsEntry("RetentionInDays", 365);
    }

    @ParameterizedTest
    @MethodSource("apps")
    void code_whenFunctionsShareAJar_isThatJarsAsset(SynthesizedWarroom synthesized) {
        Map<String, String> assetByJar = new HashMap<>();
        synthesized.topology.functions().forEach(definition -> {
            String key = (String) map(properties(synthesized.resource(built(synthesized, definition).function())).get("Code")).get("S3Key");
            assertThat(key).endsWith(".jar");
            assertThat(assetByJar.putIfAbsent(definition.jarPath(), key)).isIn(null, key);
        });

        assertThat(assetByJar.values().stream().collect(Collectors.toSet())).hasSameSizeAs(assetByJar.keySet());
    }

    private static WarroomFunction built(SynthesizedWarroom synthesized, FunctionDef definition) {
        return synthesized.stack.functions().get(definition);
    }

    /** What the stack formats, before the state machine exists: arn:PARTITION:states:REGION:ACCOUNT:stateMachine:Warroom-NAME. */
    private static Map<String, Object> stateMachineArn(WorkflowDef workflow) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", ref("AWS::Partition"), ":states:", ref("AWS::Region"), ":",
                ref("AWS::AccountId"), ":stateMachine:" + WarroomApp.STACK_NAME + "-" + workflow.logicalName())));
    }
}
