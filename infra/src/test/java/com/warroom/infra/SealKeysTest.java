package com.warroom.infra;

import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.KeyDef;
import com.warroom.topology.KeyUse;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each topology key is a retained HMAC_256 key whose policy alone says who seals: the sealing functions' roles
 * generate and verify, the reading ones only verify, the account administers but never generates, nobody else gets anything.
 */
class SealKeysTest {

    static Stream<Arguments> keys() {
        return SynthesizedWarroom.eachOf(Topology::keys, KeyDef::logicalName);
    }

    static Stream<Arguments> functions() {
        return SynthesizedWarroom.eachOf(Topology::functions, FunctionDef::name);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void key_whenInTopology_isARetainedHmac256MacKeyWithItsAlias(SynthesizedWarroom app, KeyDef definition) {
        var key = app.stack.keys().key(definition);
        Map<String, Object> resource = app.resource(key);

        assertThat(resource).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(properties(resource)).containsEntry("KeySpec", "HMAC_256").containsEntry("KeyUsage", "GENERATE_VERIFY_MAC")
                .doesNotContainEntry("EnableKeyRotation", true);
        assertThat(app.resourcesOfType("AWS::KMS::Alias").values()).map(TemplateJson::properties)
                .anySatisfy(alias -> assertThat(alias).containsEntry("AliasName", "alias/warroom-" + definition.logicalName())
                        .containsEntry("TargetKeyId", arnOf(app.logicalId(key))));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void keyPolicy_whenAnyoneButASealingFunctionCallsGenerateMac_deniesIt(SynthesizedWarroom app, KeyDef definition) {
        Map<String, Object> deny = statement(app, definition, "OnlySealingFunctionsGenerateMacs");

        assertThat(deny).containsEntry("Effect", "Deny").containsEntry("Action", "kms:GenerateMac")
                .containsEntry("Principal", Map.of("AWS", "*"));
        Object exempt = map(map(deny.get("Condition")).get("StringNotEquals")).get("aws:PrincipalArn");
        assertThat(asList(exempt)).containsExactlyInAnyOrderElementsOf(roleArns(app, definition, KeyUse.SEAL));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void keyPolicy_whenFunctionSeals_mayGenerateAndVerify(SynthesizedWarroom app, KeyDef definition) {
        Map<String, Object> allow = statement(app, definition, "SealingFunctionsGenerateAndVerify");

        assertThat(allow).containsEntry("Effect", "Allow").containsEntry("Action", List.of("kms:GenerateMac", "kms:VerifyMac"));
        assertThat(asList(map(allow.get("Principal")).get("AWS"))).containsExactlyInAnyOrderElementsOf(roleArns(app, definition, KeyUse.SEAL));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void keyPolicy_whenFunctionReadsSealedRecords_mayOnlyVerify(SynthesizedWarroom app, KeyDef definition) {
        List<Object> verifiers = roleArns(app, definition, KeyUse.VERIFY);
        if (verifiers.isEmpty()) {
            assertThat(statements(app, definition)).noneMatch(s -> "ReadingFunctionsOnlyVerify".equals(s.get("Sid")));
            return;
        }
        Map<String, Object> allow = statement(app, definition, "ReadingFunctionsOnlyVerify");

        assertThat(allow).containsEntry("Effect", "Allow").containsEntry("Action", "kms:VerifyMac");
        assertThat(asList(map(allow.get("Principal")).get("AWS"))).containsExactlyInAnyOrderElementsOf(verifiers);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void keyPolicy_forTheAccount_administersButNeverUsesTheKey(SynthesizedWarroom app, KeyDef definition) {
        Map<String, Object> admin = statement(app, definition, "AccountAdministersButNeverSeals");
        List<Object> actions = list(admin.get("Action"));

        assertThat(admin).containsEntry("Effect", "Allow");
        assertThat(actions).contains("kms:Put*", "kms:ScheduleKeyDeletion")
                .doesNotContain("kms:*", "kms:GenerateMac", "kms:VerifyMac");
        assertThat(statements(app, definition)).hasSize(roleArns(app, definition, KeyUse.VERIFY).isEmpty() ? 3 : 4);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void function_whenItUsesNoKey_getsNeitherItsIdNorAnyKmsAction(SynthesizedWarroom app, FunctionDef definition) {
        Map<String, Object> environment = app.environment(definition);
        Object role = arnOf(app.logicalId(app.stack.functions().get(definition).role()));

        for (KeyDef key : app.topology.keys()) {
            if (definition.keys().containsKey(key)) {
                assertThat(environment).as(definition.name()).containsEntry(key.idEnvVar(), arnOf(app.logicalId(app.stack.keys().key(key))));
            } else {
                assertThat(environment).as(definition.name()).doesNotContainKey(key.idEnvVar());
                assertThat(statements(app, key).stream().filter(s -> "Allow".equals(s.get("Effect"))))
                        .as(definition.name()).noneMatch(s -> TemplateJson.mentions(s.get("Principal"), role));
            }
        }
        // the key policy is the only grant: no IAM policy of the role names a KMS action
        assertThat(app.statementsOf(app.stack.functions().get(definition).role()))
                .flatMap(s -> asList(s.get("Action"))).noneMatch(action -> String.valueOf(action).startsWith("kms:"));
    }

    private static Map<String, Object> statement(SynthesizedWarroom app, KeyDef key, String sid) {
        return statements(app, key).stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in the policy of key " + key.logicalName()));
    }

    private static List<Map<String, Object>> statements(SynthesizedWarroom app, KeyDef key) {
        Map<String, Object> policy = map(properties(app.resource(app.stack.keys().key(key))).get("KeyPolicy"));
        return list(policy.get("Statement")).stream().map(TemplateJson::map).toList();
    }

    private static List<Object> roleArns(SynthesizedWarroom app, KeyDef key, KeyUse use) {
        return app.stack.functions().entrySet().stream().filter(e -> e.getKey().keys().get(key) == use)
                .map(e -> (Object) arnOf(app.logicalId(e.getValue().role()))).toList();
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> values ? List.copyOf(values) : List.of(value);
    }
}
