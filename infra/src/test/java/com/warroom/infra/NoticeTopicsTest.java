package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.TopicDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoticeTopicsTest {

    static Stream<Arguments> topics() {
        return SynthesizedWarroom.eachOf(Topology::topics, TopicDef::logicalName);
    }

    @ParameterizedTest
    @MethodSource("topics")
    void topic_whenCreated_isEncryptedWithTheAwsManagedSnsKey(SynthesizedWarroom app, TopicDef definition) {
        Map<String, Object> topic = properties(app.resource(app.stack.topics().topic(definition)));
        List<Object> keyArn = list(list(map(topic.get("KmsMasterKeyId")).get("Fn::Join")).get(1));

        assertThat(keyArn.getLast()).isEqualTo(":alias/aws/sns");
        assertThat(topic).doesNotContainKey("TopicName");
    }

    @ParameterizedTest
    @MethodSource("topics")
    void topic_whenPublishedToWithoutTls_refusesIt(SynthesizedWarroom app, TopicDef definition) {
        Object topic = ref(app.logicalId(app.stack.topics().topic(definition)));
        List<Map<String, Object>> denials = app.resourcesOfType("AWS::SNS::TopicPolicy").values().stream()
                .map(TemplateJson::properties)
                .filter(policy -> list(policy.get("Topics")).contains(topic))
                .flatMap(policy -> list(map(policy.get("PolicyDocument")).get("Statement")).stream())
                .map(TemplateJson::map)
                .filter(statement -> "Deny".equals(statement.get("Effect")))
                .toList();

        assertThat(denials).anySatisfy(statement -> {
            assertThat(statement).containsEntry("Principal", "*").containsEntry("Resource", topic);
            assertThat(list(statement.get("Action"))).contains("sns:Publish");
            assertThat(statement.get("Condition")).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        });
    }
}
