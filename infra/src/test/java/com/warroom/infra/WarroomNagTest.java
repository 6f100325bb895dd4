package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * cdk-nag's AwsSolutions pack over the synthesized apps (the real topology, and one with the approval workflow):
 * nothing left unsuppressed, and no suppression without a reason.
 */
class WarroomNagTest {

    private static final Set<String> ACCEPTED_RULES = Set.of("AwsSolutions-L1", "AwsSolutions-IAM5", "AwsSolutions-APIG4",
            "AwsSolutions-SMG4", "AwsSolutions-KMS5", "AwsSolutions-S1", "AwsSolutions-CFR1", "AwsSolutions-CFR2",
            "AwsSolutions-CFR4", "AwsSolutions-IAM4");

    static Stream<SynthesizedWarroom> apps() {
        return SynthesizedWarroom.all().stream();
    }

    @ParameterizedTest
    @MethodSource("apps")
    void annotations_whenAwsSolutionsChecksRan_haveNoErrorOrWarning(SynthesizedWarroom synthesized) {
        List<String> findings = synthesized.messages.stream()
                .filter(message -> message.getLevel() == SynthesisMessageLevel.ERROR || message.getLevel() == SynthesisMessageLevel.WARNING)
                .map(WarroomNagTest::describe)
                .toList();

        assertThat(findings).isEmpty();
    }

    @Test
    void annotations_whenDeployedWithProductionContext_haveNoErrorOrWarningEither() {
        // another sender address and the WhatsApp API on: the SES statement and the environment change, the findings must not
        List<String> findings = SynthesizedWarroom.withDeployContext().messages.stream()
                .filter(message -> message.getLevel() == SynthesisMessageLevel.ERROR || message.getLevel() == SynthesisMessageLevel.WARNING)
                .map(WarroomNagTest::describe)
                .toList();

        assertThat(findings).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("apps")
    void report_whenAwsSolutionsChecksRan_listsTheStacksResources(SynthesizedWarroom synthesized) throws IOException {
        assertThat(report(synthesized)).contains("\"AwsSolutions-DDB3\"", "\"AwsSolutions-COG2\"", "\"AwsSolutions-SQS4\"",
                "\"AwsSolutions-APIG1\"");
    }

    @Test
    void report_whenTheTopologyHasAWorkflowAndATopic_checkedTheirLoggingTracingAndTls() throws IOException {
        // this cdk-nag's AwsSolutions pack has no topic-encryption rule (SNS2); NoticeTopicsTest checks the key instead
        String report = report(SynthesizedWarroom.withWorkflow());

        for (String rule : List.of("AwsSolutions-SF1", "AwsSolutions-SF2", "AwsSolutions-SNS3")) {
            assertThat(report.lines().filter(line -> line.contains("\"" + rule + "\"")).toList()).as(rule)
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains("\"Compliant\""));
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void suppressions_whenPresent_areOnlyTheAcceptedRulesEachWithAReason(SynthesizedWarroom synthesized) {
        List<Map<String, Object>> suppressions = synthesized.resources().values().stream()
                .map(TemplateJson::map)
                .map(resource -> map(resource.get("Metadata")))
                .filter(metadata -> metadata != null && metadata.containsKey("cdk_nag"))
                .flatMap(metadata -> list(map(metadata.get("cdk_nag")).get("rules_to_suppress")).stream())
                .map(TemplateJson::map)
                .toList();

        assertThat(suppressions).isNotEmpty().allSatisfy(suppression -> {
            assertThat(ACCEPTED_RULES).contains((String) suppression.get("id"));
            assertThat((String) suppression.get("reason")).hasSizeGreaterThan(40);
        });
    }

    @Test
    void suppressions_whenOnAStateMachineRole_acceptOnlyTheWildcardResource() {
        SynthesizedWarroom synthesized = SynthesizedWarroom.withWorkflow();
        synthesized.stack.workflows().values().forEach(workflow -> {
            String policyId = synthesized.logicalId(workflow.stateMachine().getRole().getNode().findChild("DefaultPolicy"));
            Map<String, Object> metadata = map(synthesized.resource(policyId).get("Metadata"));
            List<Object> rules = list(map(metadata.get("cdk_nag")).get("rules_to_suppress"));

            assertThat(rules).extracting(rule -> map(rule).get("id")).containsExactly("AwsSolutions-IAM5");
            assertThat(rules).extracting(rule -> map(rule).get("applies_to")).containsExactly(List.of("Resource::*"));
        });
    }

    @Test
    void suppressions_whenOnASecret_acceptOnlyItsRotationByTheProvider() {
        SynthesizedWarroom synthesized = SynthesizedWarroom.withTriggers();

        assertThat(synthesized.stack.secrets().all()).isNotEmpty().allSatisfy(secret -> {
            Map<String, Object> metadata = map(synthesized.resource(secret).get("Metadata"));
            List<Object> rules = list(map(metadata.get("cdk_nag")).get("rules_to_suppress"));

            assertThat(rules).extracting(rule -> map(rule).get("id")).containsExactly("AwsSolutions-SMG4");
        });
    }

    @ParameterizedTest
    @MethodSource("apps")
    void suppressions_whenOnASealKey_acceptOnlyThatKmsDoesNotRotateHmacKeys(SynthesizedWarroom synthesized) {
        assertThat(synthesized.stack.keys().all()).isNotEmpty().allSatisfy(key -> {
            Map<String, Object> metadata = map(synthesized.resource(key).get("Metadata"));
            List<Object> rules = list(map(metadata.get("cdk_nag")).get("rules_to_suppress"));

            assertThat(rules).extracting(rule -> map(rule).get("id")).containsExactly("AwsSolutions-KMS5");
        });
    }

    @ParameterizedTest
    @MethodSource("apps")
    void suppressions_whenOnAWriteOnceBucket_acceptOnlyItsServerAccessLogs(SynthesizedWarroom synthesized) {
        synthesized.stack.buckets().all().values().forEach(bucket -> {
            Map<String, Object> metadata = map(synthesized.resource(bucket).get("Metadata"));
            List<Object> rules = list(map(metadata.get("cdk_nag")).get("rules_to_suppress"));

            assertThat(rules).extracting(rule -> map(rule).get("id")).containsExactly("AwsSolutions-S1");
        });
    }

    @ParameterizedTest
    @MethodSource("apps")
    void suppressions_whenOnTheRoleOfAFunctionWithABucket_acceptOnlyTheWildcardOfThatBucketsObjects(SynthesizedWarroom synthesized) {
        synthesized.stack.functions().forEach((definition, function) -> {
            // the role's statements are its inline policy: the suppressions sit on the role
            List<Object> appliesTo = list(map(map(synthesized.resource(function.role()).get("Metadata")).get("cdk_nag")).get("rules_to_suppress"))
                    .stream().map(TemplateJson::map)
                    .filter(rule -> "AwsSolutions-IAM5".equals(rule.get("id")))
                    .flatMap(rule -> list(rule.get("applies_to")).stream())
                    .toList();
            List<Object> expected = new java.util.ArrayList<>(List.of("Resource::*"));
            definition.buckets().keySet().forEach(bucket ->
                    expected.add("Resource::<" + synthesized.logicalId(synthesized.stack.buckets().bucket(bucket)) + ".Arn>/*"));
            if (definition.queriesLogs()) {
                expected.add("Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/lambda/Warroom-*");
            }

            assertThat(appliesTo).as(definition.name()).containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    private static String report(SynthesizedWarroom synthesized) throws IOException {
        return Files.readString(synthesized.outdir.resolve("AwsSolutions-" + synthesized.stack.getStackName() + "-NagReport.csv"));
    }

    private static String describe(SynthesisMessage message) {
        return message.getLevel() + " " + message.getId() + ": " + message.getEntry().getData();
    }
}
