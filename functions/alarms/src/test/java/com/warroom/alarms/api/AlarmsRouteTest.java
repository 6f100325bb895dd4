package com.warroom.alarms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.alarms.AlarmCatalog;
import com.warroom.alarms.RunbookLink;
import com.warroom.aws.Settings;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.observability.MetricPoint;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code GET /v1/admin/alarms} over the embedded stack: alarms fire and clear as the metrics and queues change, with
 * time moved by a clock the test holds.
 */
@ExtendWith(EmbeddedStackExtension.class)
class AlarmsRouteTest {

    // a period boundary of every rule (an exact day), plus a minute
    private static final Instant START = Instant.parse("2026-12-01T00:01:00Z");

    @TempDir
    Path data;
    private AdjustableClock clock;
    private AlarmsApi api;
    private EmbeddedStack stack;

    @BeforeEach
    void setUp(EmbeddedStack embedded) {
        stack = embedded;
        clock = AdjustableClock.startingAt(START);
        api = new AlarmsApi(data.resolve("metrics.jsonl"), clock);
        Topology.warroom().queues().forEach(queue -> drain(stack, dlqUrl(queue.dlqUrlEnvVar())));
    }

    @Test
    void list_answersEveryAlarmOfTheCatalogue_withItsOwnerThresholdAndRunbook() {
        JsonNode answer = api.alarms();

        assertThat(answer.path("source").asText()).isEqualTo("local");
        assertThat(answer.path("evaluatedAt").asText()).isEqualTo(START.toString());
        List<String> names = new ArrayList<>();
        answer.path("alarms").forEach(alarm -> names.add(alarm.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(AlarmCatalog.warroom().stream().map(r -> r.alarmName("Warroom")).toList());
        JsonNode payoutFailures = api.alarm("payout-failures");
        assertThat(payoutFailures.path("owner").asText()).isEqualTo("ops");
        assertThat(payoutFailures.path("threshold").asDouble()).isEqualTo(3);
        assertThat(payoutFailures.path("comparison").asText()).isEqualTo(">=");
        assertThat(payoutFailures.path("runbook").asText())
                .isEqualTo(AlarmsApi.README + "#payout-failures-metric-payoutfailed-alarm-warroom-payout-failures");
        assertThat(payoutFailures.path("state").asText()).as("nothing counted is nothing wrong").isEqualTo("OK");
        assertThat(payoutFailures.path("value").isNull()).isTrue();
        assertThat(RunbookLink.DEFAULT_README_URL).endsWith("README.md");
    }

    @Test
    void deadLetterAlarm_whenAMessageLandsInTheDlq_goesOff_andClearsWhenItIsDrained() {
        String url = dlqUrl(Topology.PAYMENT_CHECKS.dlqUrlEnvVar());
        assertThat(api.alarm("payment-checks-dlq-not-empty").path("state").asText()).isEqualTo("OK");

        stack.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"orderId\":\"O-1\"}"));

        JsonNode alarm = api.alarm("payment-checks-dlq-not-empty");
        assertThat(alarm.path("state").asText()).isEqualTo("ALARM");
        assertThat(alarm.path("value").asDouble()).isEqualTo(1);
        assertThat(alarm.path("owner").asText()).isEqualTo("backend");
        assertThat(api.alarms().path("inAlarm").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.alarms().path("alarms").get(0).path("state").asText()).as("ALARM first").isEqualTo("ALARM");
        assertThat(api.alarm("payouts-dlq-not-empty").path("state").asText()).as("another queue's DLQ").isEqualTo("OK");

        drain(stack, url);

        assertThat(api.alarm("payment-checks-dlq-not-empty").path("state").asText()).isEqualTo("OK");
    }

    @Test
    void sweeperNotRun_whenTheSweeperStopsFor15Minutes_goesOff_andClearsOnItsNextRun() {
        api.emit(AlarmCatalog.SWEEPER_RUN, 1, Map.of("Service", "stuck-tx-sweeper"), clock.instant());
        assertThat(api.alarm("sweeper-not-run").path("state").asText()).isEqualTo("OK");

        clock.advance(Duration.ofMinutes(10));
        assertThat(api.alarm("sweeper-not-run").path("state").asText()).as("within its 15 minutes").isEqualTo("OK");

        clock.advance(Duration.ofMinutes(5));
        JsonNode silent = api.alarm("sweeper-not-run");
        assertThat(silent.path("state").asText()).isEqualTo("ALARM");
        assertThat(silent.path("since").asText()).isEqualTo(START.plus(Duration.ofMinutes(14)).toString());

        api.emit(AlarmCatalog.SWEEPER_RUN, 1, Map.of("Service", "stuck-tx-sweeper"), clock.instant());
        assertThat(api.alarm("sweeper-not-run").path("state").asText()).isEqualTo("OK");
    }

    @Test
    void sweeperNotRun_whenItNeverRan_isInAlarm() {
        assertThat(api.alarm("sweeper-not-run").path("state").asText()).isEqualTo("ALARM");
    }

    @Test
    void pendingTooLong_followsTheSweepersLatestOldestAgePerKind() {
        api.emit(AlarmCatalog.STUCK_OLDEST_AGE, 1200, Map.of("kind", "payout"), clock.instant());
        api.emit(AlarmCatalog.STUCK_OLDEST_AGE, 60, Map.of("kind", "order"), clock.instant());

        JsonNode payout = api.alarm("payout-pending-too-long");
        assertThat(payout.path("state").asText()).isEqualTo("ALARM");
        assertThat(payout.path("value").asDouble()).isEqualTo(1200);
        assertThat(payout.path("threshold").asDouble()).isEqualTo(900);
        assertThat(api.alarm("order-pending-too-long").path("state").asText()).isEqualTo("OK");

        clock.advance(Duration.ofMinutes(5));
        assertThat(api.alarm("payout-pending-too-long").path("state").asText()).as("a gauge keeps its latest value").isEqualTo("ALARM");
        api.emit(AlarmCatalog.STUCK_OLDEST_AGE, 0, Map.of("kind", "payout"), clock.instant());
        assertThat(api.alarm("payout-pending-too-long").path("state").asText()).isEqualTo("OK");
    }

    @Test
    void findingAlarms_goOffOnAHighFindingAndOnAnUnticketedOne() {
        assertThat(api.alarm("reconcile-high-finding").path("state").asText()).isEqualTo("INSUFFICIENT_DATA");
        api.emit(AlarmCatalog.RECONCILE_FINDINGS, 2, Map.of("risk", "MEDIUM"), clock.instant());
        api.emit(AlarmCatalog.RECONCILE_FINDINGS, 0, Map.of("risk", "HIGH"), clock.instant());
        assertThat(api.alarm("reconcile-high-finding").path("state").asText()).isEqualTo("OK");

        clock.advance(Duration.ofDays(1));
        api.emit(AlarmCatalog.RECONCILE_FINDINGS, 1, Map.of("risk", "HIGH"), clock.instant());
        api.emit(AlarmCatalog.RECONCILE_FINDINGS_UNTICKETED, 3, Map.of("Service", "stuck-tx-sweeper"), clock.instant());

        assertThat(api.alarm("reconcile-high-finding").path("state").asText()).isEqualTo("ALARM");
        assertThat(api.alarm("reconcile-finding-unticketed").path("state").asText()).isEqualTo("ALARM");
        assertThat(api.alarm("reconcile-finding-unticketed").path("owner").asText()).isEqualTo("finance");
    }

    @Test
    void reconcileNotRun_whenNoRunCompletedIn26Hours_goesOff() {
        api.emit(AlarmCatalog.RECONCILE_RUN_COMPLETED, 1, Map.of("Service", AlarmCatalog.RECONCILE_REPORTER), clock.instant());
        clock.advance(Duration.ofHours(25));
        assertThat(api.alarm("reconcile-not-run").path("state").asText()).isEqualTo("OK");

        clock.advance(Duration.ofHours(1));
        assertThat(api.alarm("reconcile-not-run").path("state").asText()).isEqualTo("ALARM");

        api.emit(AlarmCatalog.RECONCILE_RUN_COMPLETED, 1, Map.of("Service", AlarmCatalog.RECONCILE_REPORTER), clock.instant());
        assertThat(api.alarm("reconcile-not-run").path("state").asText()).isEqualTo("OK");
    }

    @Test
    void countAlarm_goesOffAtItsThresholdWithinItsPeriod_andClearsWhenThePeriodsPass() {
        api.emit(AlarmCatalog.PAYOUT_FAILED, 1, Map.of("Service", "payout-worker"), clock.instant());
        api.emit(AlarmCatalog.PAYOUT_FAILED, 1, Map.of("Service", "payout-worker"), clock.instant());
        assertThat(api.alarm("payout-failures").path("state").asText()).isEqualTo("OK");

        api.emit(AlarmCatalog.PAYOUT_FAILED, 1, Map.of("Service", "payout-worker"), clock.instant());
        JsonNode alarm = api.alarm("payout-failures");
        assertThat(alarm.path("state").asText()).as("summed over every function that counts it").isEqualTo("ALARM");
        assertThat(alarm.path("value").asDouble()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(15));
        assertThat(api.alarm("payout-failures").path("state").asText()).isEqualTo("OK");
    }

    @Test
    void platformAlarms_readWhatTheRunnerRecordsForTheGatewayAndTheFunctions() {
        for (int i = 0; i < 10; i++) {
            api.emit(new MetricPoint("AWS/ApiGateway", "5xx", Map.of(), 1, clock.instant()));
        }
        api.emit(new MetricPoint("AWS/Lambda", "Errors", Map.of("FunctionName", "integrity-anchor"), 0, clock.instant()));

        assertThat(api.alarm("api-5xx").path("state").asText()).isEqualTo("ALARM");
        assertThat(api.alarm("integrity-anchor-failing").path("state").asText()).as("it ran, without errors").isEqualTo("OK");
        clock.advance(Duration.ofMinutes(10));
        assertThat(api.alarm("integrity-anchor-failing").path("state").asText()).as("two periods without a run").isEqualTo("ALARM");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPS", "FINANCE", "SUPER_ADMIN"})
    void list_whenTheRoleMayRead_answers200(Role role) {
        assertThat(api.list(role).getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPPORT", "REVIEWER", "SERVICE"})
    void list_whenTheRoleMayNotRead_is403(Role role) {
        AlarmsTestAlertTest.assertProblem(api.list(role), 403, null);
    }

    @Test
    void list_withoutAToken_is401() {
        AlarmsTestAlertTest.assertProblem(api.call(com.warroom.local.stack.HttpEvents.route(ListAlarmsAction.ROUTE).build()), 401, null);
    }

    @Test
    void list_whenTheMetricFileHasATornLine_skipsIt() throws Exception {
        api.emit(AlarmCatalog.PAYOUT_FAILED, 3, Map.of(), clock.instant());
        Files.writeString(data.resolve("metrics.jsonl"), "{\"name\":\"PayoutFai", java.nio.file.StandardOpenOption.APPEND);

        APIGatewayV2HTTPResponse response = api.list(Role.OPS);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(api.alarm("payout-failures").path("state").asText()).isEqualTo("ALARM");
    }

    /** Receives and deletes every message of the queue (PurgeQueue may be refused twice a minute). */
    static void drain(EmbeddedStack stack, String url) {
        List<Message> messages;
        do {
            messages = stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
            messages.forEach(m -> stack.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        } while (!messages.isEmpty());
    }

    private static String dlqUrl(String envVar) {
        return Settings.require(envVar);
    }
}
