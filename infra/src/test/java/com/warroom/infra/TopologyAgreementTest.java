package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The template holds exactly what the topology describes, no more and no less. */
class TopologyAgreementTest {

    private static final Topology TOPOLOGY = Topology.warroom();

    private static SynthesizedWarroom synthesized;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedWarroom.get();
    }

    @Test
    void routes_whenSynthesized_matchTheTopologysRouteKeys() {
        List<Object> routeKeys = synthesized.resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
                .map(route -> TemplateJson.properties(route).get("RouteKey"))
                .toList();

        assertThat(routeKeys).hasSize(TOPOLOGY.routes().size())
                .containsExactlyInAnyOrderElementsOf(TOPOLOGY.routes().stream().map(RouteDef::routeKey).toList());
    }

    @Test
    void tables_whenSynthesized_countAsInTheTopology() {
        assertThat(synthesized.resourcesOfType("AWS::DynamoDB::Table")).hasSize(TOPOLOGY.tables().size());
    }

    @Test
    void queues_whenSynthesized_areEachTopologyQueueAndItsDeadLetterQueue() {
        assertThat(synthesized.resourcesOfType("AWS::SQS::Queue")).hasSize(2 * TOPOLOGY.queues().size());
    }

    @Test
    void functions_whenSynthesized_areTheTopologysFunctionsEachWithOneAlias() {
        assertThat(synthesized.resourcesOfType("AWS::Lambda::Function")).hasSize(TOPOLOGY.functions().size());
        assertThat(synthesized.resourcesOfType("AWS::Lambda::Alias")).hasSize(TOPOLOGY.functions().size());
    }
}
