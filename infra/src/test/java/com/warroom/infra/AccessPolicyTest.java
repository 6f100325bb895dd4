package com.warroom.infra;

import static com.warroom.infra.TemplateJson.allStatements;
import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.IndexDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.TableAccess;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccessPolicyTest {

    private static final Set<String> X_RAY_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private static SynthesizedWarroom synthesized;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedWarroom.get();
    }

    static Stream<FunctionDef> functions() {
        return Topology.warroom().functions().stream();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void tableActions_whenFunctionHasAccess_areExactlyThoseOfItsTableAccess(FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(definition);

        definition.tables().forEach((table, access) ->
                assertThat(actionsOn(statements, tableArn(table))).as("%s on %s", definition.name(), table.logicalName())
                        .containsExactlyInAnyOrderElementsOf(access.iamActions()));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void indexActions_whenFunctionQueriesATable_areQueryAndScanOnEachNamedIndex(FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(definition);

        definition.tables().forEach((table, access) -> {
            List<String> expected = access.iamActions().stream()
                    .filter(action -> action.equals("dynamodb:Query") || action.equals("dynamodb:Scan"))
                    .toList();
            for (IndexDef index : table.indexes()) {
                assertThat(actionsOn(statements, indexArn(table, index))).as("%s on %s", definition.name(), index.name())
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("functions")
    void queueActions_whenFunctionSendsOrDescribes_areOnlyThoseOnThatQueue(FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(definition);

        for (QueueDef queue : Topology.warroom().queues()) {
            Set<String> expected = new TreeSet<>();
            if (definition.sendsTo().contains(queue)) {
                expected.add("sqs:SendMessage");
            }
            if (definition.describesQueues().contains(queue)) {
                expected.addAll(List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl"));
            }
            Object queueArn = arnOf(synthesized.logicalId(synthesized.stack.queues().queue(queue)));
            assertThat(actionsOn(statements, queueArn)).as("%s on %s", definition.name(), queue.logicalName())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void auditTable_whenAFunctionAppendsToIt_allowsPutItemButNeverUpdateOrDelete() {
        List<FunctionDef> appenders = functions().filter(function -> function.tables().get(Topology.AUDIT) == TableAccess.READ_APPEND).toList();
        assertThat(appenders).isNotEmpty();

        for (FunctionDef appender : appenders) {
            assertThat(actionsOn(statementsOf(appender), tableArn(Topology.AUDIT))).as(appender.name())
                    .contains("dynamodb:PutItem")
                    .doesNotContain("dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
        }
    }

    @Test
    void auditTable_whenAnyFunctionTouchesIt_isNeverUpdatedOrDeleted() {
        Object audit = tableArn(Topology.AUDIT);
        List<String> actions = allowStatements().stream()
                .filter(statement -> list(statement.get("Resource")).contains(audit))
                .flatMap(statement -> strings(statement.get("Action")).stream())
                .toList();

        assertThat(actions).isNotEmpty().doesNotContain("dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
    }

    @Test
    void statements_whenAllowing_neverAllowDeleteItemOrActionWildcards() {
        List<String> actions = allowStatements().stream().flatMap(statement -> strings(statement.get("Action")).stream()).toList();

        assertThat(actions).isNotEmpty()
                .doesNotContain("dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:*", "*")
                .noneMatch(action -> action.endsWith(":*"));
    }

    @Test
    void statements_whenOnAnyResource_areOnlyXRayTracing() {
        List<Map<String, Object>> anyResource = allowStatements().stream()
                .filter(statement -> list(statement.get("Resource")).contains("*"))
                .toList();

        assertThat(anyResource).isNotEmpty()
                .allSatisfy(statement -> assertThat(strings(statement.get("Action"))).isSubsetOf(X_RAY_ACTIONS));
    }

    @Test
    void roles_whenBuiltForFunctions_useNoManagedPolicies() {
        synthesized.resourcesOfType("AWS::IAM::Role").values()
                .forEach(role -> assertThat(properties(role)).doesNotContainKey("ManagedPolicyArns"));
    }

    private static List<Map<String, Object>> statementsOf(FunctionDef definition) {
        Object role = ref(synthesized.logicalId(synthesized.stack.functions().get(definition).role()));
        return synthesized.resourcesOfType("AWS::IAM::Policy").values().stream()
                .map(TemplateJson::properties)
                .filter(policy -> list(policy.get("Roles")).contains(role))
                .flatMap(policy -> list(map(policy.get("PolicyDocument")).get("Statement")).stream())
                .map(TemplateJson::map)
                .toList();
    }

    private static List<Map<String, Object>> allowStatements() {
        return allStatements(synthesized.template.toJSON()).stream()
                .filter(statement -> "Allow".equals(statement.get("Effect")))
                .toList();
    }

    private static Set<String> actionsOn(List<Map<String, Object>> statements, Object resource) {
        Set<String> actions = new TreeSet<>();
        statements.stream()
                .filter(statement -> "Allow".equals(statement.get("Effect")))
                .filter(statement -> list(statement.get("Resource")).contains(resource))
                .forEach(statement -> actions.addAll(strings(statement.get("Action"))));
        return actions;
    }

    private static Object tableArn(TableDef table) {
        return arnOf(synthesized.logicalId(synthesized.stack.tables().table(table)));
    }

    private static Object indexArn(TableDef table, IndexDef index) {
        return Map.of("Fn::Join", List.of("", List.of(tableArn(table), "/index/" + index.name())));
    }
}
