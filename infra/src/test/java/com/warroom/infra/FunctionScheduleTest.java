package com.warroom.infra;

import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.ScheduleExpression;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each scheduled function has an EventBridge Scheduler schedule of its own, with a role that may only invoke its alias. */
class FunctionScheduleTest {

    static Stream<Arguments> scheduled() {
        return SynthesizedWarroom.eachOf(topology -> topology.functionsTriggeredBy(Trigger.Schedule.class), FunctionDef::name);
    }

    @ParameterizedTest
    @MethodSource("scheduled")
    void schedule_whenFunctionIsScheduled_firesAtItsExpressionInItsZoneOnTheDot(SynthesizedWarroom app, FunctionDef definition) {
        Trigger.Schedule trigger = (Trigger.Schedule) definition.trigger();

        assertThat(schedule(app, definition))
                .containsEntry("Name", WarroomApp.STACK_NAME + "-" + definition.name())
                .containsEntry("ScheduleExpression", trigger.expression().text())
                .containsEntry("ScheduleExpressionTimezone", trigger.zone().getId())
                .containsEntry("FlexibleTimeWindow", Map.of("Mode", "OFF"))
                .containsEntry("State", "ENABLED");
    }

    @ParameterizedTest
    @MethodSource("scheduled")
    void target_whenTheScheduleFires_deliversThePayloadToTheLiveAliasWithItsOwnRole(SynthesizedWarroom app, FunctionDef definition) {
        Trigger.Schedule trigger = (Trigger.Schedule) definition.trigger();
        FunctionSchedule built = app.stack.triggers().schedules().get(definition);
        Map<String, Object> target = map(schedule(app, definition).get("Target"));

        assertThat(target)
                .containsEntry("Arn", ref(app.logicalId(app.stack.functions().get(definition).live())))
                .containsEntry("RoleArn", arnOf(app.logicalId(built.role())))
                .containsEntry("Input", trigger.payload());
        Map<String, Object> retry = map(target.get("RetryPolicy"));
        assertThat(((Number) retry.get("MaximumRetryAttempts")).intValue()).isEqualTo(FunctionSchedule.RETRY_ATTEMPTS);
        assertThat(((Number) retry.get("MaximumEventAgeInSeconds")).longValue())
                .isEqualTo(FunctionSchedule.maxEventAge(trigger.expression()).toSeconds());
    }

    @ParameterizedTest
    @MethodSource("scheduled")
    void role_whenScheduleDelivers_mayOnlyInvokeThatLiveAlias(SynthesizedWarroom app, FunctionDef definition) {
        List<Map<String, Object>> statements = app.statementsOf(app.stack.triggers().schedules().get(definition).role());

        assertThat(statements).singleElement().satisfies(statement -> {
            assertThat(statement).containsEntry("Effect", "Allow")
                    .containsEntry("Resource", ref(app.logicalId(app.stack.functions().get(definition).live())));
            assertThat(strings(statement.get("Action"))).containsExactly("lambda:InvokeFunction");
        });
    }

    @ParameterizedTest
    @MethodSource("scheduled")
    void role_whenAssumed_trustsOnlyThisScheduleOfThisAccount(SynthesizedWarroom app, FunctionDef definition) {
        Map<String, Object> role = properties(app.resource(app.stack.triggers().schedules().get(definition).role()));
        List<Object> trust = list(map(role.get("AssumeRolePolicyDocument")).get("Statement"));

        assertThat(trust).singleElement().satisfies(statement -> {
            Map<String, Object> conditions = map(map(map(statement).get("Condition")).get("StringEquals"));
            assertThat(map(statement)).containsEntry("Principal", Map.of("Service", "scheduler.amazonaws.com"))
                    .containsEntry("Action", "sts:AssumeRole");
            assertThat(conditions).containsEntry("aws:SourceAccount", ref("AWS::AccountId"));
            assertThat(list(list(map(conditions.get("aws:SourceArn")).get("Fn::Join")).get(1)).getLast())
                    .isEqualTo(":schedule/default/" + WarroomApp.STACK_NAME + "-" + definition.name());
        });
        assertThat(role).doesNotContainKey("ManagedPolicyArns");
    }

    @Test
    void schedule_whenTheDailyReconciliationRuns_isHalfPastMidnightInJakarta() {
        SynthesizedWarroom app = SynthesizedWarroom.withTriggers();
        Map<String, Object> schedule = schedule(app, TriggerTopology.DAILY_RECONCILE);

        assertThat(schedule).containsEntry("ScheduleExpression", "cron(30 0 * * ? *)")
                .containsEntry("ScheduleExpressionTimezone", "Asia/Jakarta");
        assertThat(map(schedule.get("Target"))).containsEntry("Input", "{\"window\":\"previous-day\"}");
        assertThat(((Number) map(map(schedule.get("Target")).get("RetryPolicy")).get("MaximumEventAgeInSeconds")).intValue())
                .isEqualTo(86_400);
    }

    @Test
    void schedule_whenTheApprovalKeeperRuns_isEveryFiveMinutesAndNeverDeliveredLaterThanTheNextRun() {
        SynthesizedWarroom app = SynthesizedWarroom.get();
        Map<String, Object> schedule = schedule(app, Topology.APPROVAL_KEEPER);

        assertThat(app.stack.triggers().schedules())
                .containsOnlyKeys(Topology.APPROVAL_KEEPER, Topology.INTEGRITY_ANCHOR, Topology.STUCK_TX_SWEEPER,
                        Topology.RECONCILE_SCHEDULE, Topology.TICKET_KEEPER, Topology.INCIDENT_KEEPER, Topology.SLO_WEEKLY);
        assertThat(schedule).containsEntry("Name", "Warroom-approval-keeper")
                .containsEntry("ScheduleExpression", "rate(5 minutes)")
                .containsEntry("ScheduleExpressionTimezone", "UTC");
        assertThat(((Number) map(map(schedule.get("Target")).get("RetryPolicy")).get("MaximumEventAgeInSeconds")).intValue())
                .isEqualTo(300);
    }

    @Test
    void schedule_whenTheIntegrityAnchorRuns_isEveryFiveMinutesUtcAndNeverDeliveredLaterThanTheNextRun() {
        Map<String, Object> schedule = schedule(SynthesizedWarroom.get(), Topology.INTEGRITY_ANCHOR);

        assertThat(schedule).containsEntry("Name", "Warroom-integrity-anchor")
                .containsEntry("ScheduleExpression", "rate(5 minutes)")
                .containsEntry("ScheduleExpressionTimezone", "UTC");
        assertThat(((Number) map(map(schedule.get("Target")).get("RetryPolicy")).get("MaximumEventAgeInSeconds")).intValue())
                .isEqualTo(300);
    }

    @Test
    void schedule_whenTheStuckTxSweeperRuns_isEveryFiveMinutesUtcAndNeverDeliveredLaterThanTheNextRun() {
        Map<String, Object> schedule = schedule(SynthesizedWarroom.get(), Topology.STUCK_TX_SWEEPER);

        assertThat(schedule).containsEntry("Name", "Warroom-stuck-tx-sweeper")
                .containsEntry("ScheduleExpression", "rate(5 minutes)")
                .containsEntry("ScheduleExpressionTimezone", "UTC")
                .containsEntry("FlexibleTimeWindow", Map.of("Mode", "OFF"));
        assertThat(((Number) map(map(schedule.get("Target")).get("RetryPolicy")).get("MaximumEventAgeInSeconds")).intValue())
                .isEqualTo(300);
    }

    @Test
    void maxEventAge_whenRateIsShorterThanADay_isTheRate() {
        assertThat(FunctionSchedule.maxEventAge(ScheduleExpression.parse("rate(5 minutes)"))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void maxEventAge_whenRateIsADayOrLonger_isTheLongestSchedulerAllows() {
        assertThat(FunctionSchedule.maxEventAge(ScheduleExpression.parse("rate(2 days)"))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void maxEventAge_whenCron_isTheLongestSchedulerAllows() {
        assertThat(FunctionSchedule.maxEventAge(ScheduleExpression.parse("cron(0 2 ? * MON *)"))).isEqualTo(Duration.ofHours(24));
    }

    private static Map<String, Object> schedule(SynthesizedWarroom app, FunctionDef definition) {
        return properties(app.resource(app.stack.triggers().schedules().get(definition).schedule()));
    }
}
