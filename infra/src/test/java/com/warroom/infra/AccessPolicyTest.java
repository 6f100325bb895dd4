package com.warroom.infra;

import static com.warroom.infra.TemplateJson.allStatements;
import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.BucketAccess;
import com.warroom.topology.BucketDef;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.IndexDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.SecretDef;
import com.warroom.topology.TableAccess;
import com.warroom.topology.TableDef;
import com.warroom.topology.TopicDef;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import com.warroom.topology.WorkflowDef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each function's role allows exactly what its FunctionDef asks for, on named resources; the real topology and a test one. */
class AccessPolicyTest {

    private static final Set<String> FUNCTION_X_RAY_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");
    private static final Set<String> START_ACTIONS = Set.of("states:StartExecution");
    private static final Set<String> CONSUME_ACTIONS = Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    private static final Set<String> READ_SECRET_ACTIONS = Set.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
    private static final Set<String> COMPLETE_ACTIONS = Set.of("states:SendTaskSuccess", "states:SendTaskFailure",
            "states:SendTaskHeartbeat");

    static Stream<Arguments> functions() {
        return SynthesizedWarroom.eachOf(Topology::functions, FunctionDef::name);
    }

    static Stream<SynthesizedWarroom> apps() {
        return SynthesizedWarroom.all().stream();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void tableActions_whenFunctionHasAccess_areExactlyThoseOfItsTableAccess(SynthesizedWarroom app, FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(app, definition);

        for (TableDef table : app.topology.tables()) {
            List<String> expected = definition.tables().containsKey(table) ? definition.tables().get(table).iamActions() : List.of();
            assertThat(actionsOn(statements, tableArn(app, table))).as("%s on %s", definition.name(), table.logicalName())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void indexActions_whenFunctionQueriesATable_areQueryAndScanOnEachNamedIndex(SynthesizedWarroom app, FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(app, definition);

        definition.tables().forEach((table, access) -> {
            List<String> expected = access.iamActions().stream()
                    .filter(action -> action.equals("dynamodb:Query") || action.equals("dynamodb:Scan"))
                    .toList();
            for (IndexDef index : table.indexes()) {
                assertThat(actionsOn(statements, indexArn(app, table, index))).as("%s on %s", definition.name(), index.name())
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("functions")
    void queueActions_whenFunctionSendsDescribesOrConsumes_areOnlyThoseOnThatQueue(SynthesizedWarroom app, FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(app, definition);

        for (QueueDef queue : app.topology.queues()) {
            Set<String> expected = new TreeSet<>();
            if (definition.sendsTo().contains(queue)) {
                expected.add("sqs:SendMessage");
            }
            if (definition.describesQueues().contains(queue)) {
                expected.addAll(List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl"));
            }
            if (definition.trigger() instanceof Trigger.QueueConsumer consumer && consumer.queue().equals(queue)) {
                expected.addAll(CONSUME_ACTIONS);
            }
            Object queueArn = arnOf(app.logicalId(app.stack.queues().queue(queue)));
            assertThat(actionsOn(statements, queueArn)).as("%s on %s", definition.name(), queue.logicalName())
                    .containsExactlyInAnyOrderElementsOf(expected);
            Object deadLettersArn = arnOf(app.logicalId(app.stack.queues().deadLetterQueue(queue)));
            List<String> onDeadLetters = new java.util.ArrayList<>();
            if (definition.describesQueues().contains(queue)) {
                onDeadLetters.addAll(List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl"));
            }
            if (definition.deadLetters().contains(queue)) {
                onDeadLetters.add("sqs:SendMessage");
            }
            assertThat(actionsOn(statements, deadLettersArn)).as("%s on the DLQ of %s", definition.name(), queue.logicalName())
                    .containsExactlyInAnyOrderElementsOf(onDeadLetters);
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void secretActions_whenFunctionReadsASecret_areGetValueAndDescribeOnThatSecretOnly(SynthesizedWarroom app,
            FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(app, definition);

        for (SecretDef secret : app.topology.secrets()) {
            Object secretArn = ref(app.logicalId(app.stack.secrets().secret(secret)));
            assertThat(actionsOn(statements, secretArn)).as("%s on %s", definition.name(), secret.logicalName())
                    .containsExactlyInAnyOrderElementsOf(definition.readsSecrets().contains(secret) ? READ_SECRET_ACTIONS : Set.of());
        }
        assertThat(statements).as(definition.name())
                .filteredOn(statement -> strings(statement.get("Action")).stream().anyMatch(action -> action.startsWith("secretsmanager:")))
                .hasSize(definition.readsSecrets().size());
    }

    @ParameterizedTest
    @MethodSource("functions")
    void topicActions_whenFunctionPublishes_areOnlyPublishOnThatTopic(SynthesizedWarroom app, FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(app, definition);

        for (TopicDef topic : app.topology.topics()) {
            Object topicArn = ref(app.logicalId(app.stack.topics().topic(topic)));
            assertThat(actionsOn(statements, topicArn)).as("%s on %s", definition.name(), topic.logicalName())
                    .containsExactlyInAnyOrderElementsOf(definition.publishesTo().contains(topic) ? List.of("sns:Publish") : List.of());
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void workflowActions_whenFunctionStartsOrCompletes_areOnlyThoseOnThatStateMachine(SynthesizedWarroom app, FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(app, definition);

        for (WorkflowDef workflow : app.topology.workflows()) {
            Set<String> expected = new TreeSet<>();
            if (definition.startsWorkflows().contains(workflow.logicalName())) {
                expected.addAll(START_ACTIONS);
            }
            if (definition.completesWorkflowTasks().contains(workflow.logicalName())) {
                expected.addAll(COMPLETE_ACTIONS);
            }
            assertThat(actionsOn(statements, stateMachineArn(workflow))).as("%s on %s", definition.name(), workflow.logicalName())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void bucketActions_whenFunctionReadsOrPuts_areListOnTheBucketAndGetOrPutOnItsObjectsOnly(SynthesizedWarroom app,
            FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(app, definition);

        for (BucketDef bucket : app.topology.buckets()) {
            BucketAccess access = definition.buckets().get(bucket);
            Set<String> onBucket = access == null ? Set.of() : Set.of("s3:ListBucket");
            Set<String> onObjects = access == null ? Set.of()
                    : access == BucketAccess.READ ? Set.of("s3:GetObject") : Set.of("s3:GetObject", "s3:PutObject");
            assertThat(actionsOn(statements, bucketArn(app, bucket))).as("%s on %s", definition.name(), bucket.logicalName())
                    .containsExactlyInAnyOrderElementsOf(onBucket);
            assertThat(actionsOn(statements, objectsArn(app, bucket))).as("%s on %s/*", definition.name(), bucket.logicalName())
                    .containsExactlyInAnyOrderElementsOf(onObjects);
        }
        assertThat(statements).as(definition.name())
                .filteredOn(statement -> strings(statement.get("Action")).stream().anyMatch(action -> action.startsWith("s3:")))
                .hasSize(2 * definition.buckets().size());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void s3_whenAnyRoleHoldsIt_belongsOnlyToTheFunctionsThatUseABucket(SynthesizedWarroom app) {
        assertThat(rolesAllowing(app, action -> action.startsWith("s3:")))
                .containsExactlyInAnyOrderElementsOf(rolesOf(app, function -> !function.buckets().isEmpty()));
        assertThat(rolesAllowing(app, action -> action.equals("s3:PutObject")))
                .containsExactlyInAnyOrderElementsOf(rolesOf(app, function -> function.buckets().containsValue(BucketAccess.READ_PUT)));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void s3_whenAllowedAnywhere_neverDeletesNorTouchesRetentionLocksOrLifecycle(SynthesizedWarroom app) {
        List<String> s3Actions = allowStatements(app).stream()
                .flatMap(statement -> strings(statement.get("Action")).stream())
                .filter(action -> action.startsWith("s3:"))
                .toList();

        assertThat(s3Actions).noneMatch(action -> action.startsWith("s3:Delete"))
                .doesNotContain("s3:*", "s3:PutObjectRetention", "s3:BypassGovernanceRetention", "s3:PutObjectLegalHold",
                        "s3:PutBucketObjectLockConfiguration", "s3:PutLifecycleConfiguration", "s3:PutBucketPolicy",
                        "s3:PutBucketVersioning");
    }

    @Test
    void anchors_inTheRealTopology_areReadByAuditReadAndReadAndPutByIntegrityAnchorOnly() {
        SynthesizedWarroom app = SynthesizedWarroom.get();
        Object bucket = bucketArn(app, Topology.ANCHORS);
        Object objects = objectsArn(app, Topology.ANCHORS);

        assertThat(actionsOn(statementsOf(app, Topology.AUDIT_READ), bucket)).containsExactly("s3:ListBucket");
        assertThat(actionsOn(statementsOf(app, Topology.AUDIT_READ), objects)).containsExactly("s3:GetObject");
        assertThat(actionsOn(statementsOf(app, Topology.INTEGRITY_ANCHOR), bucket)).containsExactly("s3:ListBucket");
        assertThat(actionsOn(statementsOf(app, Topology.INTEGRITY_ANCHOR), objects))
                .containsExactlyInAnyOrder("s3:GetObject", "s3:PutObject");
        // the reconcile steps that run the checks verify the audit chain against its anchors: they read them
        for (FunctionDef checker : List.of(Topology.RECONCILE_PREPARE, Topology.RECONCILE_SEGMENT, Topology.RECONCILE_COMBINE)) {
            assertThat(actionsOn(statementsOf(app, checker), bucket)).as(checker.name()).containsExactly("s3:ListBucket");
            assertThat(actionsOn(statementsOf(app, checker), objects)).as(checker.name()).containsExactly("s3:GetObject");
        }
        Set<Object> anchorRoles = new TreeSet<>(Comparator.comparing(Object::toString));
        app.rolePoliciesOutsideConsole().stream()
                .filter(policy -> policy.statements().stream().anyMatch(statement -> list(statement.get("Resource")).contains(bucket)
                        || list(statement.get("Resource")).contains(objects)))
                .forEach(policy -> anchorRoles.addAll(policy.roles()));
        assertThat(anchorRoles).containsExactlyInAnyOrderElementsOf(Stream.of(
                        Topology.AUDIT_READ, Topology.INTEGRITY_ANCHOR, Topology.RECONCILE_PREPARE, Topology.RECONCILE_SEGMENT,
                        Topology.RECONCILE_COMBINE)
                .map(f -> ref(app.logicalId(app.stack.functions().get(f).role()))).toList());
    }

    @Test
    void reconcileReports_arePutBySegmentCombineAndReport_andReadByTheApi() {
        SynthesizedWarroom app = SynthesizedWarroom.get();
        Object bucket = bucketArn(app, Topology.RECONCILE_REPORTS);
        Object objects = objectsArn(app, Topology.RECONCILE_REPORTS);

        for (FunctionDef writer : List.of(Topology.RECONCILE_SEGMENT, Topology.RECONCILE_COMBINE, Topology.RECONCILE_REPORT)) {
            assertThat(actionsOn(statementsOf(app, writer), bucket)).as(writer.name()).containsExactly("s3:ListBucket");
            assertThat(actionsOn(statementsOf(app, writer), objects)).as(writer.name()).containsExactlyInAnyOrder("s3:GetObject", "s3:PutObject");
        }
        assertThat(actionsOn(statementsOf(app, Topology.RECONCILE_API), objects)).containsExactly("s3:GetObject");
        assertThat(actionsOn(statementsOf(app, Topology.RECONCILE_PREPARE), objects)).isEmpty();
        assertThat(actionsOn(statementsOf(app, Topology.RECONCILE_FAILED), objects)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("apps")
    void sendTaskActions_whenAnyRoleHoldsThem_belongOnlyToTheFunctionsThatCompleteWorkflowTasks(SynthesizedWarroom app) {
        assertThat(rolesAllowing(app, action -> action.startsWith("states:SendTask")))
                .containsExactlyInAnyOrderElementsOf(rolesOf(app, function -> !function.completesWorkflowTasks().isEmpty()));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void startExecution_whenAnyRoleHoldsIt_belongsOnlyToTheFunctionsThatStartWorkflows(SynthesizedWarroom app) {
        assertThat(rolesAllowing(app, action -> action.startsWith("states:Start")))
                .containsExactlyInAnyOrderElementsOf(rolesOf(app, function -> !function.startsWorkflows().isEmpty()));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void publish_whenAnyRoleHoldsIt_belongsOnlyToTheFunctionsThatPublish(SynthesizedWarroom app) {
        assertThat(rolesAllowing(app, action -> action.startsWith("sns:")))
                .containsExactlyInAnyOrderElementsOf(rolesOf(app, function -> !function.publishesTo().isEmpty()));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void receiveMessage_whenAnyRoleHoldsIt_belongsOnlyToTheQueueConsumers(SynthesizedWarroom app) {
        assertThat(rolesAllowing(app, action -> action.equals("sqs:ReceiveMessage") || action.equals("sqs:DeleteMessage")))
                .containsExactlyInAnyOrderElementsOf(rolesOf(app, function -> function.trigger() instanceof Trigger.QueueConsumer));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void secretsManager_whenAnyRoleHoldsIt_belongsOnlyToTheFunctionsThatReadSecrets(SynthesizedWarroom app) {
        assertThat(rolesAllowing(app, action -> action.startsWith("secretsmanager:")))
                .containsExactlyInAnyOrderElementsOf(rolesOf(app, function -> !function.readsSecrets().isEmpty()));
    }

    @Test
    void triggerTopology_whenSynthesized_hasAConsumerAReaderOfASecretAndAFunctionThatReadsNone() {
        Topology topology = SynthesizedWarroom.withTriggers().topology;

        assertThat(topology.functionsTriggeredBy(Trigger.QueueConsumer.class)).isNotEmpty();
        assertThat(topology.functions()).anyMatch(function -> !function.readsSecrets().isEmpty())
                .anyMatch(function -> function.readsSecrets().isEmpty());
    }

    @Test
    void workflowTopology_whenSynthesized_hasAStarterACompleterAndAPublisherToCheck() {
        Topology topology = SynthesizedWarroom.withWorkflow().topology;

        assertThat(topology.functions()).anyMatch(function -> !function.startsWorkflows().isEmpty())
                .anyMatch(function -> !function.completesWorkflowTasks().isEmpty())
                .anyMatch(function -> !function.publishesTo().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void auditTable_whenAFunctionAppendsToIt_allowsPutItemButNeverUpdateOrDelete(SynthesizedWarroom app) {
        List<FunctionDef> appenders = app.topology.functions().stream()
                .filter(function -> function.tables().get(Topology.AUDIT) == TableAccess.READ_APPEND)
                .toList();
        assertThat(appenders).isNotEmpty();

        for (FunctionDef appender : appenders) {
            assertThat(actionsOn(statementsOf(app, appender), tableArn(app, Topology.AUDIT))).as(appender.name())
                    .contains("dynamodb:PutItem")
                    .doesNotContain("dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void auditTable_whenAnyFunctionTouchesIt_isNeverUpdatedOrDeleted(SynthesizedWarroom app) {
        Object audit = tableArn(app, Topology.AUDIT);
        List<String> actions = allowStatements(app).stream()
                .filter(statement -> list(statement.get("Resource")).contains(audit))
                .flatMap(statement -> strings(statement.get("Action")).stream())
                .toList();

        assertThat(actions).isNotEmpty().doesNotContain("dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
    }

    /** The tables that record money or admin actions: nothing in them is ever updated or deleted (DESIGN.md, Data). */
    static final List<TableDef> APPEND_ONLY = List.of(Topology.AUDIT, Topology.PAYMENT_EVENTS, Topology.LEDGER_ENTRIES);
    private static final List<String> REWRITE_ACTIONS = List.of("dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete", "dynamodb:DeleteTable",
            "dynamodb:UpdateTable", "dynamodb:RestoreTableToPointInTime", "dynamodb:ImportTable");

    @ParameterizedTest
    @MethodSource("functions")
    void appendOnlyTables_whenAFunctionTouchesThem_allowAtMostReadAndPutItem(SynthesizedWarroom app, FunctionDef definition) {
        List<Map<String, Object>> statements = statementsOf(app, definition);

        for (TableDef table : APPEND_ONLY) {
            if (app.topology.tables().contains(table)) {
                assertThat(actionsOn(statements, tableArn(app, table))).as("%s on %s", definition.name(), table.logicalName())
                        .isSubsetOf(TableAccess.READ_APPEND.iamActions())
                        .doesNotContainAnyElementsOf(REWRITE_ACTIONS);
                assertThat(definition.tables().getOrDefault(table, TableAccess.READ)).as("%s on %s", definition.name(), table.logicalName())
                        .isIn(TableAccess.READ, TableAccess.READ_APPEND, TableAccess.DESCRIBE);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void appendOnlyTables_whenAnyStatementOfTheStackNamesThem_neverUpdateOrDelete(SynthesizedWarroom app) {
        for (TableDef table : APPEND_ONLY) {
            if (!app.topology.tables().contains(table)) {
                continue;
            }
            List<String> actions = allowStatements(app).stream()
                    .filter(statement -> TemplateJson.mentions(list(statement.get("Resource")), tableArn(app, table)))
                    .flatMap(statement -> strings(statement.get("Action")).stream())
                    .toList();

            assertThat(actions).as(table.logicalName()).isNotEmpty().doesNotContainAnyElementsOf(REWRITE_ACTIONS);
        }
    }

    @Test
    void paymentEventsAndLedgerEntries_inTheRealTopology_areAppendedOnlyByTheFunctionsThatRecordOrPost() {
        SynthesizedWarroom app = SynthesizedWarroom.get();

        assertThat(rolesAllowingOn(app, "dynamodb:PutItem", Topology.PAYMENT_EVENTS)).containsExactlyInAnyOrder(
                ref(app.logicalId(app.stack.functions().get(Topology.WEBHOOK_INTAKE).role())),
                ref(app.logicalId(app.stack.functions().get(Topology.PAYMENT_PROCESSOR).role())));
        assertThat(rolesAllowingOn(app, "dynamodb:PutItem", Topology.LEDGER_ENTRIES)).containsExactlyInAnyOrderElementsOf(
                Stream.of(Topology.PAYMENT_PROCESSOR, Topology.APPROVAL_APPLY, Topology.PAYOUT_API, Topology.PAYOUT_WORKER,
                                Topology.PAYOUT_ADMIN, Topology.CONFIG_SEED, Topology.PLATFORM_EVENTS_INGEST,
                                Topology.SUPPORT_TICKETS, Topology.TICKET_KEEPER)
                        .map(function -> ref(app.logicalId(app.stack.functions().get(function).role()))).toList());
    }

    @ParameterizedTest
    @MethodSource("apps")
    void statements_whenAllowing_neverAllowDeleteItemOrActionWildcards(SynthesizedWarroom app) {
        List<String> actions = allowStatements(app).stream().flatMap(statement -> strings(statement.get("Action")).stream()).toList();

        assertThat(actions).isNotEmpty()
                .doesNotContain("dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:*", "*")
                .noneMatch(action -> action.endsWith(":*"));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void statements_whenAFunctionsRoleAllowsAnyResource_areOnlyXRayTracing(SynthesizedWarroom app, FunctionDef definition) {
        List<Map<String, Object>> anyResource = statementsOf(app, definition).stream()
                .filter(statement -> list(statement.get("Resource")).contains("*"))
                .toList();
        // GetMetricData has no resource-level permissions either: only the function that evaluates the alarms has it
        Set<String> allowed = new TreeSet<>(FUNCTION_X_RAY_ACTIONS);
        if (definition.readsMetrics()) {
            allowed.add("cloudwatch:GetMetricData");
        }
        // reading and stopping a Logs Insights query by id has no resource either: the evidence collector's
        if (definition.queriesLogs()) {
            allowed.addAll(AccessPolicy.QUERY_RESULTS_ACTIONS);
        }

        assertThat(anyResource).isNotEmpty()
                .allSatisfy(statement -> assertThat(strings(statement.get("Action"))).isSubsetOf(allowed));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void statements_whenOnAnyResource_belongOnlyToFunctionAndStateMachineRoles(SynthesizedWarroom app) {
        Set<Object> roles = new TreeSet<>(Comparator.comparing(Object::toString));
        app.stack.functions().values().forEach(function -> roles.add(ref(app.logicalId(function.role()))));
        app.stack.workflows().values().forEach(workflow -> roles.add(ref(app.logicalId(workflow.stateMachine().getRole()))));

        app.rolePolicies().stream()
                .filter(policy -> policy.statements().stream().anyMatch(statement -> list(statement.get("Resource")).contains("*")))
                .forEach(policy -> assertThat(roles).containsAll(policy.roles()));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void roles_whenBuiltForFunctions_useNoManagedPolicies(SynthesizedWarroom app) {
        // the console's deploy-time functions are aws-cdk-lib's: ConsoleHostingTest checks their roles
        app.resourcesOfTypeOutsideConsole("AWS::IAM::Role").values()
                .forEach(role -> assertThat(properties(role)).doesNotContainKey("ManagedPolicyArns"));
    }

    private static List<Map<String, Object>> statementsOf(SynthesizedWarroom app, FunctionDef definition) {
        return app.statementsOf(app.stack.functions().get(definition).role());
    }

    /** The roles of every IAM policy with an Allow statement holding a matching action, but the console's (ConsoleHostingTest). */
    private static Set<Object> rolesAllowing(SynthesizedWarroom app, java.util.function.Predicate<String> action) {
        Set<Object> roles = new TreeSet<>(Comparator.comparing(Object::toString));
        app.rolePoliciesOutsideConsole().stream()
                .filter(policy -> policy.statements().stream()
                        .filter(statement -> "Allow".equals(statement.get("Effect")))
                        .anyMatch(statement -> strings(statement.get("Action")).stream().anyMatch(action)))
                .forEach(policy -> roles.addAll(policy.roles()));
        return roles;
    }

    /** The roles of every function whose policy allows {@code action} on the table's ARN. */
    private static Set<Object> rolesAllowingOn(SynthesizedWarroom app, String action, TableDef table) {
        Set<Object> roles = new TreeSet<>(Comparator.comparing(Object::toString));
        app.stack.functions().forEach((definition, function) -> {
            if (actionsOn(statementsOf(app, definition), tableArn(app, table)).contains(action)) {
                roles.add(ref(app.logicalId(function.role())));
            }
        });
        return roles;
    }

    private static Set<Object> rolesOf(SynthesizedWarroom app, java.util.function.Predicate<FunctionDef> functions) {
        Set<Object> roles = new TreeSet<>(Comparator.comparing(Object::toString));
        app.topology.functions().stream().filter(functions)
                .forEach(function -> roles.add(ref(app.logicalId(app.stack.functions().get(function).role()))));
        return roles;
    }

    /** Every Allow statement of the template but the console's hosting's (ConsoleHostingTest checks those). */
    private static List<Map<String, Object>> allowStatements(SynthesizedWarroom app) {
        Map<String, Object> resources = new java.util.LinkedHashMap<>(app.resources());
        resources.keySet().removeAll(app.consoleLogicalIds());
        return allStatements(resources).stream()
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

    private static Object bucketArn(SynthesizedWarroom app, BucketDef bucket) {
        return arnOf(app.logicalId(app.stack.buckets().bucket(bucket)));
    }

    private static Object objectsArn(SynthesizedWarroom app, BucketDef bucket) {
        return Map.of("Fn::Join", List.of("", List.of(bucketArn(app, bucket), "/*")));
    }

    private static Object tableArn(SynthesizedWarroom app, TableDef table) {
        return arnOf(app.logicalId(app.stack.tables().table(table)));
    }

    private static Object indexArn(SynthesizedWarroom app, TableDef table, IndexDef index) {
        return Map.of("Fn::Join", List.of("", List.of(tableArn(app, table), "/index/" + index.name())));
    }

    /** The ARN the stack gives functions: arn:PARTITION:states:REGION:ACCOUNT:stateMachine:Warroom-NAME. */
    private static Object stateMachineArn(WorkflowDef workflow) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", ref("AWS::Partition"), ":states:", ref("AWS::Region"), ":",
                ref("AWS::AccountId"), ":stateMachine:" + WarroomApp.STACK_NAME + "-" + workflow.logicalName())));
    }
}
