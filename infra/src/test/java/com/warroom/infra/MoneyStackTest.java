package com.warroom.infra;

import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.SecretDef;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What issues 10 (money in) and 11 (money out) added to the stack, checked by name so that none of it can drop out of the topology unseen:
 * the generic tests check every table, queue, secret and function the same way, whatever the topology holds.
 */
class MoneyStackTest {

    static final List<TableDef> TABLES = List.of(Topology.ORDERS, Topology.PAYMENT_EVENTS, Topology.PAYMENT_REVIEWS,
            Topology.LEDGER_BALANCES, Topology.LEDGER_ENTRIES, Topology.ENTITLEMENTS, Topology.OUTBOX, Topology.USERS, Topology.PAYOUTS);
    static final List<QueueDef> QUEUES = List.of(Topology.PAYMENT_CHECKS, Topology.NOTIFICATIONS, Topology.PAYOUT_WORK);
    static final List<SecretDef> SECRETS = List.of(Topology.MIDTRANS_SERVER_KEY, Topology.WHATSAPP_API_TOKEN, Topology.CUSTODY_API_KEY,
            Topology.CUSTODY_SIGNING_KEY, Topology.CUSTODY_CALLBACK_KEY);
    static final List<FunctionDef> FUNCTIONS = List.of(Topology.WEBHOOK_INTAKE, Topology.ORDERS_API, Topology.PAYMENT_PROCESSOR,
            Topology.PAYMENTS_ADMIN, Topology.LEDGER_READ, Topology.NOTIFICATION_SENDER, Topology.OUTBOX_ADMIN,
            Topology.PAYOUT_API, Topology.PAYOUT_WORKER, Topology.CUSTODY_CALLBACK, Topology.PAYOUT_ADMIN, Topology.STUCK_TX_SWEEPER,
            Topology.STUCK_LIST);

    private static final SynthesizedWarroom APP = SynthesizedWarroom.get();

    static Stream<TableDef> tables() {
        return TABLES.stream();
    }

    static Stream<QueueDef> queues() {
        return QUEUES.stream();
    }

    static Stream<SecretDef> secrets() {
        return SECRETS.stream();
    }

    static Stream<FunctionDef> functions() {
        return FUNCTIONS.stream();
    }

    @ParameterizedTest
    @MethodSource("tables")
    void table_whenDeployed_hasPointInTimeRecoveryAndDeletionProtectionAndIsRetained(TableDef definition) {
        Map<String, Object> resource = APP.resource(APP.stack.tables().table(definition));

        assertThat(resource).containsEntry("DeletionPolicy", "Retain");
        assertThat(properties(resource))
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                .containsEntry("DeletionProtectionEnabled", true);
    }

    @ParameterizedTest
    @MethodSource("queues")
    void queue_whenAMessageFailsItsMaxReceives_movesToItsDeadLetterQueueWhichRaisesAnAlarm(QueueDef definition) {
        Map<String, Object> redrive = map(properties(APP.resource(APP.stack.queues().queue(definition))).get("RedrivePolicy"));
        Map<String, Object> alarm = properties(APP.resource(APP.stack.alarms().alarm(com.warroom.alarms.AlarmCatalog.deadLetterAlarm(definition))));

        assertThat(redrive).containsEntry("deadLetterTargetArn", arnOf(APP.logicalId(APP.stack.queues().deadLetterQueue(definition))));
        assertThat(((Number) redrive.get("maxReceiveCount")).intValue()).isEqualTo(definition.maxReceiveCount());
        assertThat(alarm).containsEntry("AlarmName", "Warroom-" + definition.logicalName() + "-dlq-not-empty");
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void secret_whenDeployed_existsWithoutAValueAndReachesItsReadersByNameOnly(SecretDef definition) {
        Map<String, Object> secret = properties(APP.resource(APP.stack.secrets().secret(definition)));

        assertThat(secret).containsEntry("Name", definition.awsName()).doesNotContainKey("SecretString");
        APP.topology.functions().forEach(function -> assertThat(APP.environment(function))
                .doesNotContainKey(definition.localEnvVar())
                .satisfies(environment -> assertThat(environment.get(definition.nameEnvVar()))
                        .isEqualTo(function.readsSecrets().contains(definition) ? definition.awsName() : null)));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void function_whenDeployed_isRestoredFromASnapStartSnapshotBehindItsLiveAlias(FunctionDef definition) {
        WarroomFunction function = APP.stack.functions().get(definition);

        assertThat(properties(APP.resource(function.function())))
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                .containsEntry("Handler", definition.handler());
        assertThat(properties(APP.resource(function.live()))).containsEntry("Name", WarroomFunction.ALIAS);
    }

    @Test
    void webhooks_areTheOnlyPublicRoutesOfMoneyInAndOut() {
        assertThat(APP.topology.routes().stream().filter(route -> FUNCTIONS.contains(route.function())))
                .filteredOn(route -> route.isPublic())
                .extracting(route -> route.routeKey())
                .containsExactlyInAnyOrder("POST /v1/webhooks/midtrans", "POST /v1/webhooks/custody");
    }

    @Test
    void topology_whenMoneyInAndOutAreDeployed_holdsAllOfIt() {
        assertThat(APP.topology.tables()).containsAll(TABLES);
        assertThat(APP.topology.queues()).containsAll(QUEUES);
        assertThat(APP.topology.secrets()).containsAll(SECRETS);
        assertThat(APP.topology.functions()).containsAll(FUNCTIONS);
        assertThat(APP.topology.externalApis()).containsExactlyInAnyOrder(Topology.MIDTRANS_API, Topology.WHATSAPP_API, Topology.CUSTODY_API);
        assertThat(APP.topology.mails()).containsExactly(Topology.NOTIFICATION_MAIL);
    }
}
