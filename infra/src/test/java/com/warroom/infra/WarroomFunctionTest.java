package com.warroom.infra;

import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WarroomFunctionTest {

    private static SynthesizedWarroom synthesized;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedWarroom.get();
    }

    static Stream<FunctionDef> functions() {
        return Topology.warroom().functions().stream();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void function_whenInTopology_isJava21WithSnapStartAndTracing(FunctionDef definition) {
        Map<String, Object> function = properties(synthesized.resource(built(definition).function()));

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
    void function_whenDeployed_hasLiveAliasOnAPublishedVersionOfIt(FunctionDef definition) {
        Object function = ref(synthesized.logicalId(built(definition).function()));
        Map<String, Object> alias = properties(synthesized.resource(built(definition).live()));
        String versionId = (String) TemplateJson.list(map(alias.get("FunctionVersion")).get("Fn::GetAtt")).getFirst();
        Map<String, Object> version = synthesized.resource(versionId);

        assertThat(alias).containsEntry("Name", "live").containsEntry("FunctionName", function);
        assertThat(version).containsEntry("Type", "AWS::Lambda::Version");
        assertThat(properties(version)).containsEntry("FunctionName", function);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void environment_whenFunctionUsesTablesAndQueues_namesEachOne(FunctionDef definition) {
        Map<String, Object> expected = new HashMap<>();
        definition.tables().keySet().forEach(table ->
                expected.put(table.envVar(), ref(synthesized.logicalId(synthesized.stack.tables().table(table)))));
        Stream.concat(definition.sendsTo().stream(), definition.describesQueues().stream()).forEach(queue ->
                expected.put(queue.urlEnvVar(), ref(synthesized.logicalId(synthesized.stack.queues().queue(queue)))));
        expected.put("POWERTOOLS_SERVICE_NAME", definition.name());
        expected.put("POWERTOOLS_METRICS_NAMESPACE", "Warroom");
        expected.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");

        Map<String, Object> function = properties(synthesized.resource(built(definition).function()));

        assertThat(map(map(function.get("Environment")).get("Variables"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void logs_whenFunctionWrites_goToItsOwnLogGroupWithRetention(FunctionDef definition) {
        Map<String, Object> function = properties(synthesized.resource(built(definition).function()));
        String logGroupId = (String) map(map(function.get("LoggingConfig")).get("LogGroup")).get("Ref");

        assertThat(properties(synthesized.resource(logGroupId))).containsEntry("RetentionInDays", 365);
    }

    @Test
    void code_whenFunctionsShareAModule_isTheModulesLambdaJarAsset() {
        Map<String, String> assetByModule = new HashMap<>();
        functions().forEach(definition -> {
            String key = (String) map(properties(synthesized.resource(built(definition).function())).get("Code")).get("S3Key");
            assertThat(key).endsWith(".jar");
            assertThat(assetByModule.putIfAbsent(definition.module(), key)).isIn(null, key);
        });

        assertThat(assetByModule.values().stream().collect(Collectors.toSet())).hasSameSizeAs(assetByModule.keySet());
    }

    private static WarroomFunction built(FunctionDef definition) {
        return synthesized.stack.functions().get(definition);
    }
}
