package com.warroom.infra;

import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WarroomHttpApiTest {

    private static SynthesizedWarroom synthesized;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedWarroom.get();
    }

    static Stream<Arguments> routes() {
        return SynthesizedWarroom.eachOf(Topology::routes, RouteDef::routeKey);
    }

    @ParameterizedTest
    @MethodSource("routes")
    void route_whenInTopology_existsOnceWithJwtUnlessPublic(SynthesizedWarroom app, RouteDef definition) {
        Map<String, Object> route = route(app, definition);

        if (definition.isPublic()) {
            assertThat(route).containsEntry("AuthorizationType", "NONE").doesNotContainKey("AuthorizerId");
        } else {
            assertThat(route).containsEntry("AuthorizationType", "JWT")
                    .containsEntry("AuthorizerId", ref(onlyLogicalId(app, "AWS::ApiGatewayV2::Authorizer")));
        }
    }

    @ParameterizedTest
    @MethodSource("routes")
    void route_whenCalled_reachesItsFunctionsLiveAlias(SynthesizedWarroom app, RouteDef definition) {
        Map<String, Object> target = map(route(app, definition).get("Target"));
        String integrationId = (String) map(list(list(target.get("Fn::Join")).get(1)).get(1)).get("Ref");
        Map<String, Object> integration = properties(app.resource(integrationId));

        assertThat(integration)
                .containsEntry("IntegrationType", "AWS_PROXY")
                .containsEntry("PayloadFormatVersion", "2.0")
                .containsEntry("IntegrationUri", ref(app.logicalId(app.stack.functions().get(definition.function()).live())));
    }

    @Test
    void authorizer_whenValidatingJwts_acceptsTheStaffBackendAndConsoleClientsOfTheUserPool() {
        Map<String, Object> authorizer = properties(synthesized.resource(onlyLogicalId("AWS::ApiGatewayV2::Authorizer")));
        StaffDirectory directory = synthesized.stack.directory();

        assertThat(authorizer).containsEntry("AuthorizerType", "JWT");
        assertThat(list(map(authorizer.get("JwtConfiguration")).get("Audience"))).containsExactlyInAnyOrder(
                ref(synthesized.logicalId(directory.staffClient())), ref(synthesized.logicalId(directory.backendClient())),
                ref(synthesized.logicalId(directory.consoleClient())));
        assertThat(map(authorizer.get("JwtConfiguration")).get("Issuer").toString())
                .contains(synthesized.logicalId(directory.pool()));
    }

    @Test
    void defaultStage_whenServing_writesAccessLogsToALogGroup() {
        Map<String, Object> stage = properties(synthesized.resource(onlyLogicalId("AWS::ApiGatewayV2::Stage")));
        Map<String, Object> accessLog = map(stage.get("AccessLogSettings"));
        Map<?, ?> destination = map(accessLog.get("DestinationArn"));
        String logGroupId = (String) list(destination.get("Fn::GetAtt")).getFirst();

        assertThat(stage).containsEntry("StageName", "$default").containsEntry("AutoDeploy", true);
        assertThat(destination).isEqualTo(arnOf(logGroupId));
        assertThat(synthesized.resource(logGroupId)).containsEntry("Type", "AWS::Logs::LogGroup");
        assertThat((String) accessLog.get("Format")).contains("$context.requestId", "$context.routeKey", "$context.status");
    }

    @Test
    void defaultStage_whenServing_publishesPerRouteMetrics() {
        Map<String, Object> stage = properties(synthesized.resource(onlyLogicalId("AWS::ApiGatewayV2::Stage")));

        // the dimension Route exists in CloudWatch only with detailed metrics: the SLOs and their burn-rate alarms count it
        assertThat(map(stage.get("DefaultRouteSettings"))).containsEntry("DetailedMetricsEnabled", true);
    }

    private static Map<String, Object> route(SynthesizedWarroom app, RouteDef definition) {
        List<Map<String, Object>> matching = app.resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
                .map(TemplateJson::properties)
                .filter(route -> definition.routeKey().equals(route.get("RouteKey")))
                .toList();
        assertThat(matching).as(definition.routeKey()).hasSize(1);
        return matching.getFirst();
    }

    private static String onlyLogicalId(String type) {
        return onlyLogicalId(synthesized, type);
    }

    private static String onlyLogicalId(SynthesizedWarroom app, String type) {
        Map<String, Map<String, Object>> resources = app.resourcesOfType(type);
        assertThat(resources).as(type).hasSize(1);
        return resources.keySet().iterator().next();
    }
}
