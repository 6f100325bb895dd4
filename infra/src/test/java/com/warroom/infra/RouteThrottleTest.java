package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.RouteDef;
import com.warroom.topology.Throttle;
import com.warroom.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A route with its own throttle is throttled by API Gateway's route settings on the default stage, and no other route
 * is; the public Midtrans webhook is one of them.
 */
class RouteThrottleTest {

    private static final String WEBHOOK = "POST /v1/webhooks/midtrans";
    private static final String CUSTODY_CALLBACK = "POST /v1/webhooks/custody";

    static Stream<SynthesizedWarroom> apps() {
        return SynthesizedWarroom.all().stream();
    }

    @ParameterizedTest
    @MethodSource("apps")
    void stage_whenTheTopologyThrottlesRoutes_hasTheRateAndBurstOfEachOfThemOnly(SynthesizedWarroom app) {
        Map<String, Object> expected = new LinkedHashMap<>();
        app.topology.routes().forEach(route -> route.route().throttle().ifPresent(throttle ->
                expected.put(route.routeKey(), Map.of("ThrottlingRateLimit", throttle.ratePerSecond(),
                        "ThrottlingBurstLimit", throttle.burst()))));

        Object settings = stage(app).get("RouteSettings");

        if (expected.isEmpty()) {
            assertThat(settings).isNull();
        } else {
            assertThat(normalized(map(settings))).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void stage_whenRoutesAreThrottled_isCreatedAfterThoseRoutes(SynthesizedWarroom app) {
        List<Object> dependsOn = list(app.resource(onlyStageId(app)).get("DependsOn"));

        for (RouteDef route : app.topology.routes()) {
            if (route.route().throttle().isPresent()) {
                // the routes are in a nested stack: the stage waits for that stack, and so for every route in it
                assertThat(dependsOn).as(route.routeKey()).contains(app.logicalId(
                        ((software.amazon.awscdk.NestedStack) software.amazon.awscdk.Stack.of(app.stack.api().routes().get(route)))
                                .getNestedStackResource()));
            }
        }
    }

    @Test
    void webhooks_areThrottledAtFiftyASecondWithBurstsOfAHundred() {
        RouteDef webhook = Topology.warroom().route(WEBHOOK).orElseThrow();
        RouteDef custody = Topology.warroom().route(CUSTODY_CALLBACK).orElseThrow();

        assertThat(webhook.route().throttle()).hasValue(new Throttle(50, 100));
        assertThat(custody.route().throttle()).hasValue(new Throttle(50, 100));
        assertThat(normalized(map(stage(SynthesizedWarroom.get()).get("RouteSettings"))))
                .containsOnlyKeys(WEBHOOK, CUSTODY_CALLBACK)
                .containsEntry(WEBHOOK, Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100))
                .containsEntry(CUSTODY_CALLBACK, Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100));
    }

    @Test
    void webhook_whenCalled_carriesNoJwtAndItsNagFindingSaysWhy() {
        SynthesizedWarroom app = SynthesizedWarroom.get();
        RouteDef webhook = app.topology.route(WEBHOOK).orElseThrow();
        Map<String, Object> resource = app.resource(app.stack.api().routes().get(webhook));

        assertThat(webhook.isPublic()).isTrue();
        assertThat(properties(resource)).containsEntry("AuthorizationType", "NONE").doesNotContainKey("AuthorizerId");
        List<Object> suppressions = list(map(map(resource.get("Metadata")).get("cdk_nag")).get("rules_to_suppress"));
        assertThat(suppressions).extracting(rule -> map(rule).get("id")).containsExactly("AwsSolutions-APIG4");
        assertThat((String) map(suppressions.getFirst()).get("reason")).contains(WEBHOOK, "signature",
                "throttles it on its own to 50 requests a second with bursts of 100");
    }

    @Test
    void routeSettings_spellCloudFormationsNames() {
        assertThat(WarroomHttpApi.routeSettings(new Throttle(5, 7)))
                .containsExactly(Map.entry("ThrottlingBurstLimit", 7), Map.entry("ThrottlingRateLimit", 5));
    }

    private static Map<String, Object> stage(SynthesizedWarroom app) {
        return properties(app.resource(onlyStageId(app)));
    }

    private static String onlyStageId(SynthesizedWarroom app) {
        Map<String, Map<String, Object>> stages = app.resourcesOfType("AWS::ApiGatewayV2::Stage");
        assertThat(stages).hasSize(1);
        return stages.keySet().iterator().next();
    }

    // the template's numbers come back as Integer or Double depending on the JSON reader: compare them as ints
    private static Map<String, Object> normalized(Map<String, Object> settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach((routeKey, value) -> {
            Map<String, Object> numbers = new LinkedHashMap<>();
            map(value).forEach((name, number) -> numbers.put(name, ((Number) number).intValue()));
            out.put(routeKey, Map.copyOf(numbers));
        });
        return out;
    }
}
