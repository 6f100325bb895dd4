package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.RouteDef;
import com.warroom.topology.SecretDef;
import com.warroom.topology.TopicDef;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import com.warroom.topology.WorkflowDef;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The template holds exactly what the topology describes, no more and no less: for the real topology and a test one. */
class TopologyAgreementTest {

    static Stream<SynthesizedWarroom> apps() {
        return SynthesizedWarroom.all().stream();
    }

    static Stream<Arguments> functions() {
        return SynthesizedWarroom.eachOf(Topology::functions, FunctionDef::name);
    }

    @ParameterizedTest
    @MethodSource("apps")
    void routes_whenSynthesized_matchTheTopologysRouteKeys(SynthesizedWarroom synthesized) {
        List<Object> routeKeys = synthesized.resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
                .map(route -> TemplateJson.properties(route).get("RouteKey"))
                .toList();

        assertThat(routeKeys).hasSize(synthesized.topology.routes().size())
                .containsExactlyInAnyOrderElementsOf(synthesized.topology.routes().stream().map(RouteDef::routeKey).toList());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void tables_whenSynthesized_countAsInTheTopology(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfType("AWS::DynamoDB::Table")).hasSize(synthesized.topology.tables().size());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void queues_whenSynthesized_areEachTopologyQueueAndItsDeadLetterQueue(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfType("AWS::SQS::Queue")).hasSize(2 * synthesized.topology.queues().size());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void functions_whenSynthesized_areTheTopologysFunctionsEachWithOneAlias(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfTypeOutsideConsole("AWS::Lambda::Function")).hasSize(synthesized.topology.functions().size());
        assertThat(synthesized.resourcesOfType("AWS::Lambda::Alias")).hasSize(synthesized.topology.functions().size());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void keys_whenSynthesized_countAsInTheTopologyEachWithAnAlias(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfType("AWS::KMS::Key")).hasSize(synthesized.topology.keys().size());
        assertThat(synthesized.resourcesOfType("AWS::KMS::Alias")).hasSize(synthesized.topology.keys().size());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void topics_whenSynthesized_areTheTopologysTopicsEachWithAnOutput(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfType("AWS::SNS::Topic")).hasSize(synthesized.topology.topics().size());
        for (TopicDef topic : synthesized.topology.topics()) {
            Map<String, Object> output = TemplateJson.map(synthesized.outputs().get(WarroomStack.topicOutput(topic)));
            assertThat(output).as(topic.logicalName())
                    .containsEntry("Value", TemplateJson.ref(synthesized.logicalId(synthesized.stack.topics().topic(topic))));
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void stateMachines_whenSynthesized_areTheTopologysWorkflowsEachWithAnOutput(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfType("AWS::StepFunctions::StateMachine")).hasSize(synthesized.topology.workflows().size());
        for (WorkflowDef workflow : synthesized.topology.workflows()) {
            Map<String, Object> output = TemplateJson.map(synthesized.outputs().get(WarroomStack.stateMachineOutput(workflow)));
            assertThat(output).as(workflow.logicalName()).containsEntry("Value",
                    TemplateJson.ref(synthesized.logicalId(synthesized.stack.workflows().get(workflow).stateMachine())));
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void eventSources_whenSynthesized_areOnePerQueueConsumer(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfType("AWS::Lambda::EventSourceMapping"))
                .hasSize(synthesized.topology.functionsTriggeredBy(Trigger.QueueConsumer.class).size());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void schedules_whenSynthesized_areOnePerScheduledFunction(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfType("AWS::Scheduler::Schedule"))
                .hasSize(synthesized.topology.functionsTriggeredBy(Trigger.Schedule.class).size());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void secrets_whenSynthesized_areTheTopologysSecrets(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfType("AWS::SecretsManager::Secret").values().stream()
                .map(secret -> TemplateJson.properties(secret).get("Name")).toList())
                .containsExactlyInAnyOrderElementsOf(synthesized.topology.secrets().stream().map(SecretDef::awsName).toList());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void buckets_whenSynthesized_areTheTopologysBucketsEachWithAnOutput(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfTypeOutsideConsole("AWS::S3::Bucket")).hasSize(synthesized.topology.buckets().size());
        synthesized.topology.buckets().forEach(bucket -> assertThat(synthesized.outputs().get(WarroomStack.bucketOutput(bucket)))
                .as(bucket.logicalName())
                .satisfies(output -> assertThat(TemplateJson.map(output)).containsEntry("Value",
                        TemplateJson.ref(synthesized.logicalId(synthesized.stack.buckets().bucket(bucket))))));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void deadLetterAlarms_whenSynthesized_areOnePerQueue(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourcesOfType("AWS::CloudWatch::Alarm").values().stream()
                .map(alarm -> (String) TemplateJson.properties(alarm).get("AlarmName"))
                .filter(name -> name.endsWith("-dlq-not-empty")))
                .hasSize(synthesized.topology.queues().size());
    }

    /** Each function is started by what its trigger says and nothing else: an event source only for a consumer, a schedule only for a scheduled one. */
    @ParameterizedTest
    @MethodSource("functions")
    void triggers_whenSynthesized_startEachFunctionOnlyAsItsTriggerSays(SynthesizedWarroom synthesized, FunctionDef definition) {
        Object alias = TemplateJson.ref(synthesized.logicalId(synthesized.stack.functions().get(definition).live()));
        long eventSources = synthesized.resourcesOfType("AWS::Lambda::EventSourceMapping").values().stream()
                .filter(mapping -> TemplateJson.mentions(TemplateJson.properties(mapping).get("FunctionName"), alias))
                .count();
        long schedules = synthesized.resourcesOfType("AWS::Scheduler::Schedule").values().stream()
                .filter(schedule -> alias.equals(TemplateJson.map(TemplateJson.properties(schedule).get("Target")).get("Arn")))
                .count();
        long routes = synthesized.resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
                .filter(route -> synthesized.topology.route((String) TemplateJson.properties(route).get("RouteKey"))
                        .map(RouteDef::function).filter(definition::equals).isPresent())
                .count();

        assertThat(eventSources).isEqualTo(definition.trigger() instanceof Trigger.QueueConsumer ? 1 : 0);
        assertThat(schedules).isEqualTo(definition.trigger() instanceof Trigger.Schedule ? 1 : 0);
        assertThat(routes).isEqualTo(definition.routes().size());
    }
}
