package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A function that {@link FunctionDef#queriesLogs()} (incident evidence) is told every Warroom function's log group in
 * {@code WARROOM_LOG_GROUPS} and may run Logs Insights queries on those log groups only; every log group has the name
 * Lambda would give it, so the names are known before deploy.
 */
class LogQueriesTest {

    private static final SynthesizedWarroom APP = SynthesizedWarroom.get();

    @Test
    void logGroups_whenBuiltForFunctions_areNamedAsLambdaNamesThem() {
        APP.stack.functions().forEach((definition, function) -> {
            String logGroupId = (String) list(TemplateJson.map(TemplateJson.map(properties(APP.resource(function.function()))
                    .get("LoggingConfig")).get("LogGroup")).get("Ref")).getFirst();
            assertThat(properties(APP.resource(logGroupId))).as(definition.name())
                    .containsEntry("LogGroupName", "/aws/lambda/Warroom-" + definition.name());
        });
    }

    @Test
    void environment_whenTheFunctionQueriesLogs_namesEveryFunctionsLogGroupWithinLambdasLimit() {
        List<FunctionDef> queriers = Topology.warroom().functions().stream().filter(FunctionDef::queriesLogs).toList();
        assertThat(queriers).contains(Topology.INCIDENTS_API);

        queriers.forEach(definition -> {
            String names = (String) APP.environment(definition).get(FunctionDef.LOG_GROUPS_ENV);
            assertThat(Arrays.asList(names.split(","))).containsExactlyElementsOf(Topology.warroom().functions().stream()
                    .map(f -> "/aws/lambda/Warroom-" + f.name()).toList());
            assertThat(names.length()).isLessThanOrEqualTo(WarroomStack.MAX_LOG_GROUPS_ENV);
        });
        Topology.warroom().functions().stream().filter(definition -> !definition.queriesLogs()).forEach(definition ->
                assertThat(APP.environment(definition)).as(definition.name()).doesNotContainKey(FunctionDef.LOG_GROUPS_ENV));
    }

    @Test
    void role_whenTheFunctionQueriesLogs_startsQueriesOnTheWarroomLogGroupsOnly() {
        List<Map<String, Object>> statements = APP.statementsOf(APP.stack.functions().get(Topology.INCIDENTS_API).role());

        Map<String, Object> start = statements.stream().filter(s -> strings(s.get("Action")).contains("logs:StartQuery"))
                .findFirst().orElseThrow();
        assertThat(strings(start.get("Action"))).containsExactly("logs:StartQuery");
        assertThat(list(start.get("Resource"))).singleElement().satisfies(arn ->
                assertThat(arn.toString()).contains(":log-group:/aws/lambda/Warroom-*").doesNotContain("log-group:*"));
        Map<String, Object> results = statements.stream().filter(s -> strings(s.get("Action")).contains("logs:GetQueryResults"))
                .findFirst().orElseThrow();
        assertThat(strings(results.get("Action"))).containsExactlyInAnyOrder("logs:GetQueryResults", "logs:StopQuery");
    }

    @Test
    void roles_whenTheFunctionDoesNotQueryLogs_mayNotQueryThem() {
        APP.stack.functions().forEach((definition, function) -> {
            if (!definition.queriesLogs()) {
                assertThat(APP.statementsOf(function.role())).as(definition.name())
                        .noneMatch(s -> strings(s.get("Action")).stream().anyMatch(a -> a.startsWith("logs:") && a.contains("Query")));
            }
        });
    }
}
