package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/** cdk-nag's AwsSolutions pack over the synthesized app: nothing left unsuppressed, and no suppression without a reason. */
class WarroomNagTest {

    private static final Set<String> ACCEPTED_RULES = Set.of("AwsSolutions-L1", "AwsSolutions-IAM5", "AwsSolutions-APIG4");

    private static SynthesizedWarroom synthesized;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedWarroom.get();
    }

    @Test
    void annotations_whenAwsSolutionsChecksRan_haveNoErrorOrWarning() {
        List<String> findings = synthesized.messages.stream()
                .filter(message -> message.getLevel() == SynthesisMessageLevel.ERROR || message.getLevel() == SynthesisMessageLevel.WARNING)
                .map(WarroomNagTest::describe)
                .toList();

        assertThat(findings).isEmpty();
    }

    @Test
    void report_whenAwsSolutionsChecksRan_listsTheStacksResources() throws IOException {
        String report = Files.readString(synthesized.outdir.resolve("AwsSolutions-" + synthesized.stack.getStackName() + "-NagReport.csv"));

        assertThat(report).contains("\"AwsSolutions-DDB3\"", "\"AwsSolutions-COG2\"", "\"AwsSolutions-SQS4\"", "\"AwsSolutions-APIG1\"");
    }

    @Test
    void suppressions_whenPresent_areOnlyTheAcceptedRulesEachWithAReason() {
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

    private static String describe(SynthesisMessage message) {
        return message.getLevel() + " " + message.getId() + ": " + message.getEntry().getData();
    }
}
