package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.RouteDef;
import com.warroom.topology.TopicDef;
import com.warroom.topology.ApprovalWorkflowDef;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The template holds exactly what the topology describes, no more and no less: for the real topology and a test one. */
class TopologyAgreementTest {

    static Stream<SynthesizedWarroom> apps() {
        return SynthesizedWarroom.all().stream();
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
        assertThat(synthesized.resourcesOfType("AWS::Lambda::Function")).hasSize(synthesized.topology.functions().size());
        assertThat(synthesized.resourcesOfType("AWS::Lambda::Alias")).hasSize(synthesized.topology.functions().size());
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
        for (ApprovalWorkflowDef workflow : synthesized.topology.workflows()) {
            Map<String, Object> output = TemplateJson.map(synthesized.outputs().get(WarroomStack.stateMachineOutput(workflow)));
            assertThat(output).as(workflow.logicalName()).containsEntry("Value",
                    TemplateJson.ref(synthesized.logicalId(synthesized.stack.workflows().get(workflow).stateMachine())));
        }
    }
}
