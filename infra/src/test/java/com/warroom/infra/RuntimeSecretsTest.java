package com.warroom.infra;

import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.SecretDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Secrets exist under their fixed names and are retained; only their readers learn their names, and no value travels. */
class RuntimeSecretsTest {

    static Stream<Arguments> secrets() {
        return SynthesizedWarroom.eachOf(Topology::secrets, SecretDef::logicalName);
    }

    static Stream<Arguments> functions() {
        return SynthesizedWarroom.eachOf(Topology::functions, FunctionDef::name);
    }

    static Stream<SynthesizedWarroom> apps() {
        return SynthesizedWarroom.all().stream();
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void secret_whenInTopology_isNamedWarroomSlashItsNameAndRetained(SynthesizedWarroom app, SecretDef definition) {
        Map<String, Object> resource = app.resource(app.stack.secrets().secret(definition));

        assertThat(resource).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(properties(resource)).containsEntry("Name", "warroom/" + definition.logicalName())
                .doesNotContainKey("SecretString");
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void secret_whenDeployed_saysOpsSetItsValueAndWhoGetsItsName(SynthesizedWarroom app, SecretDef definition) {
        String description = (String) properties(app.resource(app.stack.secrets().secret(definition))).get("Description");

        assertThat(description).contains(definition.holds(), "placeholder", "aws secretsmanager put-secret-value --secret-id "
                + definition.awsName(), definition.nameEnvVar());
    }

    @ParameterizedTest
    @MethodSource("functions")
    void environment_whenFunctionReadsASecret_holdsItsNameAndOtherwiseNothingOfIt(SynthesizedWarroom app, FunctionDef definition) {
        Map<String, Object> environment = app.environment(definition);

        for (SecretDef secret : app.topology.secrets()) {
            if (definition.readsSecrets().contains(secret)) {
                assertThat(environment).as(definition.name()).containsEntry(secret.nameEnvVar(), secret.awsName());
            } else {
                assertThat(environment).as(definition.name()).doesNotContainKey(secret.nameEnvVar());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void environment_whenAnyFunctionHasOne_neverHoldsASecretsValueOrReference(SynthesizedWarroom app) {
        List<Object> secretRefs = app.stack.secrets().all().stream().map(secret -> (Object) ref(app.logicalId(secret))).toList();

        app.topology.functions().forEach(definition -> app.environment(definition).forEach((variable, value) -> {
            assertThat(String.valueOf(value)).as("%s %s", definition.name(), variable)
                    .doesNotContain("resolve:secretsmanager").doesNotContain("SecretString");
            secretRefs.forEach(secretRef -> assertThat(TemplateJson.mentions(value, secretRef))
                    .as("%s %s names %s", definition.name(), variable, secretRef).isFalse());
        }));
    }

    @Test
    void triggerTopology_whenOneFunctionReadsTheKey_givesItTheNameAndGetSecretValueAndTheScheduleNeither() {
        SynthesizedWarroom app = SynthesizedWarroom.withTriggers();
        SecretDef key = TriggerTopology.PSP_SERVER_KEY;
        Object keyArn = ref(app.logicalId(app.stack.secrets().secret(key)));

        assertThat(app.environment(TriggerTopology.PAYMENT_INTAKE))
                .containsEntry("WARROOM_SECRET_MIDTRANS_SERVER_KEY_NAME", "warroom/midtrans-server-key");
        assertThat(app.statementsOf(app.stack.functions().get(TriggerTopology.PAYMENT_INTAKE).role()))
                .filteredOn(statement -> strings(statement.get("Action")).contains("secretsmanager:GetSecretValue"))
                .singleElement()
                .satisfies(statement -> assertThat(statement).containsEntry("Resource", keyArn));
        assertThat(app.environment(TriggerTopology.DAILY_RECONCILE)).doesNotContainKey(key.nameEnvVar());
        assertThat(app.statementsOf(app.stack.functions().get(TriggerTopology.DAILY_RECONCILE).role()))
                .noneMatch(statement -> strings(statement.get("Action")).stream().anyMatch(action -> action.startsWith("secretsmanager:")));
    }
}
