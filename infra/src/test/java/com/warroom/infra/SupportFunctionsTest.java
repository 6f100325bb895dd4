package com.warroom.infra;

import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.IndexDef;
import com.warroom.topology.TableAccess;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IAM, SnapStart and cdk-nag standing of support's functions (issue 13), checked by name on the synthesized stack:
 * support reads every money table and never writes one. The lookup writes nothing but its audit entries; the tickets
 * write their own table, the audit log (append), the idempotency store, and, for the EXP grant only, the ledger
 * (balances, and entries appended) and the outbox.
 */
class SupportFunctionsTest {

    private static final SynthesizedWarroom APP = SynthesizedWarroom.get();

    /** The tables that hold or move people's money. */
    static final List<TableDef> MONEY_TABLES = List.of(Topology.ORDERS, Topology.PAYMENT_EVENTS, Topology.PAYOUTS, Topology.USERS,
            Topology.LEDGER_BALANCES, Topology.LEDGER_ENTRIES, Topology.ENTITLEMENTS, Topology.PLATFORM_EVENTS, Topology.ROUNDS);
    /** The tables that control the flows: kill switches, two-person approvals, the config. */
    static final List<TableDef> CONTROL_TABLES = List.of(Topology.FLAGS, Topology.APPROVALS, Topology.CONFIG);

    private static final Set<String> READ_ACTIONS = Set.copyOf(TableAccess.READ.iamActions());
    private static final Set<String> INDEX_READ_ACTIONS = Set.of("dynamodb:Query", "dynamodb:Scan");
    private static final Set<String> APPEND_ACTIONS = Set.copyOf(TableAccess.READ_APPEND.iamActions());
    private static final Set<String> READ_WRITE_ACTIONS = Set.copyOf(TableAccess.READ_WRITE.iamActions());
    /** What a support function's role may hold on any resource: X-Ray, as Lambda's active tracing adds it. */
    private static final Set<String> ANY_RESOURCE_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    static Stream<FunctionDef> supportFunctions() {
        return Stream.of(Topology.SUPPORT_LOOKUP, Topology.SUPPORT_TICKETS, Topology.TICKET_KEEPER);
    }

    /** The tickets' route function and their hourly keeper, which finishes an EXP grant a crash left half-done. */
    static Stream<FunctionDef> ticketFunctions() {
        return Stream.of(Topology.SUPPORT_TICKETS, Topology.TICKET_KEEPER);
    }

    /**
     * What the tickets may write, per table: their own table, the audit log (append), the idempotency store and, for the
     * EXP grant ({@code exp-reward:<ticketId>}, posted through the ledger with its notice in the outbox), the sealed
     * balances and the appended entries of the ledger and the outbox's items.
     */
    private static final Map<TableDef, Set<String>> TICKET_WRITES = Map.of(
            Topology.TICKETS, Set.of("dynamodb:PutItem", "dynamodb:UpdateItem"),
            Topology.AUDIT, Set.of("dynamodb:PutItem"),
            Topology.IDEMPOTENCY, Set.of("dynamodb:PutItem", "dynamodb:UpdateItem"),
            Topology.LEDGER_BALANCES, Set.of("dynamodb:PutItem", "dynamodb:UpdateItem"),
            Topology.LEDGER_ENTRIES, Set.of("dynamodb:PutItem"),
            Topology.OUTBOX, Set.of("dynamodb:PutItem", "dynamodb:UpdateItem"));

    static Stream<TableDef> moneyAndControlTables() {
        return Stream.concat(MONEY_TABLES.stream(), CONTROL_TABLES.stream());
    }

    @ParameterizedTest
    @MethodSource("moneyAndControlTables")
    void lookup_onAMoneyOrControlTableAndItsIndexes_mayAtMostRead(TableDef table) {
        List<Map<String, Object>> statements = statementsOf(Topology.SUPPORT_LOOKUP);

        assertThat(actionsOn(statements, tableArn(table))).as(table.logicalName()).isSubsetOf(READ_ACTIONS);
        for (IndexDef index : table.indexes()) {
            assertThat(actionsOn(statements, indexArn(table, index))).as("%s %s", table.logicalName(), index.name())
                    .isSubsetOf(INDEX_READ_ACTIONS);
        }
    }

    @Test
    void lookup_readsWhatTheCardShows_throughTheLookupIndexes() {
        List<Map<String, Object>> statements = statementsOf(Topology.SUPPORT_LOOKUP);

        for (TableDef table : List.of(Topology.USERS, Topology.ORDERS, Topology.PAYMENT_EVENTS, Topology.PAYOUTS, Topology.PLATFORM_EVENTS,
                Topology.FLAGS, Topology.RECONCILE_FINDINGS, Topology.TICKETS)) {
            assertThat(actionsOn(statements, tableArn(table))).as(table.logicalName()).contains("dynamodb:GetItem", "dynamodb:Query");
        }
        assertThat(actionsOn(statements, indexArn(Topology.USERS, "byWallet"))).contains("dynamodb:Query");
        assertThat(actionsOn(statements, indexArn(Topology.ORDERS, "byUser"))).contains("dynamodb:Query");
        assertThat(actionsOn(statements, indexArn(Topology.ORDERS, "byEmail"))).contains("dynamodb:Query");
        assertThat(actionsOn(statements, indexArn(Topology.PAYMENT_EVENTS, "byTransaction"))).contains("dynamodb:Query");
        assertThat(actionsOn(statements, indexArn(Topology.PAYOUTS, "byTxHash"))).contains("dynamodb:Query");
        assertThat(actionsOn(statements, indexArn(Topology.PLATFORM_EVENTS, "byUser"))).contains("dynamodb:Query");
        assertThat(actionsOn(statements, indexArn(Topology.TICKETS, "byUser"))).contains("dynamodb:Query");
    }

    @Test
    void lookup_writesOnlyItsAuditEntries_andOnlyAppendsThem() {
        List<Map<String, Object>> statements = statementsOf(Topology.SUPPORT_LOOKUP);

        for (TableDef table : APP.topology.tables()) {
            Set<String> writes = new TreeSet<>(actionsOn(statements, tableArn(table)));
            writes.removeAll(READ_ACTIONS);
            assertThat(writes).as(table.logicalName()).isEqualTo(table.equals(Topology.AUDIT) ? Set.of("dynamodb:PutItem") : Set.of());
        }
        assertThat(allActions(statements)).noneMatch(action -> action.startsWith("sqs:") || action.startsWith("sns:")
                || action.startsWith("states:") || action.startsWith("s3:") || action.startsWith("ses:")
                || action.startsWith("secretsmanager:"));
    }

    @ParameterizedTest
    @MethodSource("ticketFunctions")
    void tickets_onEveryTable_writeOnlyTheirOwnTheAuditLogTheIdempotencyStoreAndTheExpGrantsLedgerAndOutbox(FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(definition);

        for (TableDef table : APP.topology.tables()) {
            Set<String> writes = new TreeSet<>(actionsOn(statements, tableArn(table)));
            writes.removeAll(READ_ACTIONS);
            assertThat(writes).as("%s on %s", definition.name(), table.logicalName())
                    .isSubsetOf(TICKET_WRITES.getOrDefault(table, Set.of()));
            for (IndexDef index : table.indexes()) {
                assertThat(actionsOn(statements, indexArn(table, index))).as("%s on %s %s", definition.name(), table.logicalName(), index.name())
                        .isSubsetOf(INDEX_READ_ACTIONS);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ticketFunctions")
    void tickets_onTheLedger_appendEntriesAndNeverRewriteThem(FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(definition);

        assertThat(actionsOn(statements, tableArn(Topology.LEDGER_ENTRIES))).as(definition.name())
                .isSubsetOf(APPEND_ACTIONS).doesNotContain("dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
        assertThat(actionsOn(statements, tableArn(Topology.LEDGER_BALANCES))).as(definition.name())
                .isSubsetOf(READ_WRITE_ACTIONS).doesNotContain("dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
        for (TableDef table : MONEY_TABLES) {
            if (!table.equals(Topology.LEDGER_BALANCES) && !table.equals(Topology.LEDGER_ENTRIES)) {
                assertThat(actionsOn(statements, tableArn(table))).as("%s on %s", definition.name(), table.logicalName())
                        .isSubsetOf(READ_ACTIONS);
            }
        }
        for (TableDef table : CONTROL_TABLES) {
            assertThat(actionsOn(statements, tableArn(table))).as("%s on %s", definition.name(), table.logicalName())
                    .isSubsetOf(READ_ACTIONS);
        }
    }

    @Test
    void ticketsRoutes_writeTheirTicketsAndAppendTheirAuditEntries() {
        List<Map<String, Object>> statements = statementsOf(Topology.SUPPORT_TICKETS);

        assertThat(actionsOn(statements, tableArn(Topology.TICKETS))).contains("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query");
        for (String index : List.of("byCreated", "byStatus", "byUser", "byAssignee", "byPriority")) {
            assertThat(actionsOn(statements, indexArn(Topology.TICKETS, index))).as(index).containsExactlyInAnyOrderElementsOf(INDEX_READ_ACTIONS);
        }
        assertThat(actionsOn(statements, tableArn(Topology.AUDIT))).contains("dynamodb:PutItem").doesNotContain("dynamodb:UpdateItem");
    }

    @ParameterizedTest
    @MethodSource("ticketFunctions")
    void tickets_beyondTheirTables_atMostQueueTheNotice(FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(definition);
        Object notifications = arnOf(APP.logicalId(APP.stack.queues().queue(Topology.NOTIFICATIONS)));

        assertThat(allActions(statements)).as(definition.name()).noneMatch(action -> action.startsWith("sns:")
                || action.startsWith("states:") || action.startsWith("s3:") || action.startsWith("ses:")
                || action.startsWith("secretsmanager:"));
        assertThat(statements).filteredOn(statement -> strings(statement.get("Action")).contains("sqs:SendMessage"))
                .allSatisfy(statement -> assertThat(list(statement.get("Resource"))).containsOnly(notifications));
    }

    @ParameterizedTest
    @MethodSource("supportFunctions")
    void supportFunction_whenDeployed_isRestoredFromASnapStartSnapshotBehindItsLiveAlias(FunctionDef definition) {
        WarroomFunction function = APP.stack.functions().get(definition);

        assertThat(properties(APP.resource(function.function())))
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                .containsEntry("Runtime", "java21")
                .containsEntry("Handler", definition.handler())
                .containsEntry("TracingConfig", Map.of("Mode", "Active"));
        assertThat(properties(APP.resource(function.live()))).containsEntry("Name", WarroomFunction.ALIAS);
    }

    @ParameterizedTest
    @MethodSource("supportFunctions")
    void supportFunction_onAnyResource_holdsOnlyXRay(FunctionDef definition) {
        assertThat(statementsOf(definition))
                .filteredOn(statement -> list(statement.get("Resource")).contains("*"))
                .isNotEmpty()
                .allSatisfy(statement -> assertThat(strings(statement.get("Action"))).isSubsetOf(ANY_RESOURCE_ACTIONS));
    }

    @ParameterizedTest
    @MethodSource("supportFunctions")
    void supportFunction_whenCdkNagChecksIt_isCompliantOrSuppressedWithAReason(FunctionDef definition) throws IOException {
        String path = APP.stack.functions().get(definition).getNode().getPath() + "/";
        List<List<String>> rows = Files.readAllLines(APP.outdir.resolve("AwsSolutions-" + APP.stack.getStackName() + "-NagReport.csv"))
                .stream().skip(1).map(SupportFunctionsTest::csv).filter(row -> row.get(1).startsWith(path)).toList();

        assertThat(rows).as(path).isNotEmpty()
                .extracting(row -> row.get(0)).contains("AwsSolutions-IAM5", "AwsSolutions-L1");
        assertThat(rows).allSatisfy(row -> assertThat(row.get(2)).as(String.join(",", row)).isIn("Compliant", "Suppressed"));
        assertThat(rows).filteredOn(row -> row.get(2).equals("Suppressed")).allSatisfy(row -> {
            assertThat(row.get(0)).isIn("AwsSolutions-IAM5", "AwsSolutions-L1");
            assertThat(row.get(3)).hasSizeGreaterThan(40);
        });
        // the role's one wildcard is X-Ray's: nothing of support's data is granted on a pattern
        assertThat(rows).filteredOn(row -> row.get(0).equals("AwsSolutions-IAM5") && row.get(2).equals("Suppressed"))
                .allSatisfy(row -> assertThat(row.get(3)).startsWith("[Resource::*] "));
    }

    @Test
    void topology_whenSupportIsDeployed_holdsItsFunctions() {
        assertThat(APP.topology.functions()).containsAll(supportFunctions().toList());
        assertThat(Topology.SUPPORT_LOOKUP.routes()).extracting(route -> route.method() + " " + route.path())
                .containsExactly("GET /v1/support/lookup");
        assertThat(Topology.SUPPORT_TICKETS.routes()).extracting(route -> route.method() + " " + route.path())
                .contains("POST /v1/support/tickets", "GET /v1/support/tickets", "GET /v1/support/tickets/{id}",
                        "POST /v1/support/tickets/{id}/fixed", "POST /v1/support/tickets/{id}/confirmation", "GET /v1/support/metrics");
        assertThat(Topology.TICKET_KEEPER.trigger()).isInstanceOf(com.warroom.topology.Trigger.Schedule.class);
    }

    private static List<Map<String, Object>> statementsOf(FunctionDef definition) {
        return APP.statementsOf(APP.stack.functions().get(definition).role());
    }

    private static Set<String> actionsOn(List<Map<String, Object>> statements, Object resource) {
        Set<String> actions = new TreeSet<>();
        statements.stream()
                .filter(statement -> "Allow".equals(statement.get("Effect")))
                .filter(statement -> list(statement.get("Resource")).contains(resource))
                .forEach(statement -> actions.addAll(strings(statement.get("Action"))));
        return actions;
    }

    private static Set<String> allActions(List<Map<String, Object>> statements) {
        Set<String> actions = new TreeSet<>();
        statements.forEach(statement -> actions.addAll(strings(statement.get("Action"))));
        return actions;
    }

    private static Object tableArn(TableDef table) {
        return arnOf(APP.logicalId(APP.stack.tables().table(table)));
    }

    private static Object indexArn(TableDef table, IndexDef index) {
        return indexArn(table, index.name());
    }

    private static Object indexArn(TableDef table, String index) {
        return Map.of("Fn::Join", List.of("", List.of(tableArn(table), "/index/" + index)));
    }

    /** One line of cdk-nag's report: every field quoted, quotes inside doubled. */
    private static List<String> csv(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
