package com.warroom.reconcile.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.aws.AwsClients;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.reconcile.ReconcileWorld;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The daily schedule starts the day's run as the route does; the Step Functions starter names executions after runs. */
@ExtendWith(EmbeddedStackExtension.class)
class ScheduleAndWorkflowTest {

    private static EmbeddedStack stack;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
    }

    @Test
    void theSchedule_isDailyAt0030InJakarta() {
        Trigger.Schedule schedule = (Trigger.Schedule) Topology.RECONCILE_SCHEDULE.trigger();
        assertThat(schedule.expression().text()).isEqualTo("cron(30 0 * * ? *)");
        assertThat(schedule.zone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
    }

    @Test
    void theSchedule_startsTodaysRun_byTheSchedule_andLeavesARunInProgressAlone() {
        ReconcileWorld world = new ReconcileWorld(stack, List.of());
        ScheduleHandler handler = new ScheduleHandler(world.starter);

        Map<String, Object> first = handler.handleRequest(Map.of(), ReconcileWorld.context("reconcile-schedule"));
        Map<String, Object> second = handler.handleRequest(Map.of(), ReconcileWorld.context("reconcile-schedule"));

        String runId = (String) first.get("started");
        assertThat(first).containsEntry("day", world.day().toString());
        assertThat(world.runs.find(runId).orElseThrow().trigger()).isEqualTo(ReconcileRun.SCHEDULE_TRIGGER);
        assertThat(second).containsEntry("inProgress", runId).doesNotContainKey("started");
        assertThat(world.workflow.started).hasSize(1);
    }

    @Test
    void theSchedule_fails_whenTheWorkflowDoesNotStart_soTheSchedulerTriesAgain() {
        ReconcileWorld world = new ReconcileWorld(stack, List.of());
        world.workflow.refuse = true;
        ScheduleHandler handler = new ScheduleHandler(world.starter);

        assertThatThrownBy(() -> handler.handleRequest(Map.of(), ReconcileWorld.context("reconcile-schedule")))
                .hasMessageContaining("could not be started");
        assertThat(world.runs.holder(world.day())).isEmpty();
    }

    @Test
    void stepFunctions_withoutAConfiguredWorkflow_orRefusing_startsNothing_andSaysWhy() {
        var unconfigured = new StepFunctionsWorkflow(AwsClients.sfn(), Optional.empty()).start("rc-20261201-0123456789ab", LocalDate.of(2026, 12, 1));
        assertThat(unconfigured.executionArn()).isEmpty();
        assertThat(unconfigured.whyNot()).hasValueSatisfying(why -> assertThat(why).contains(StepFunctionsWorkflow.ARN_ENV_VAR));

        // the embedded Step Functions knows no such state machine
        var refused = new StepFunctionsWorkflow(AwsClients.sfn(),
                Optional.of("arn:aws:states:us-east-1:000000000000:stateMachine:warroom-no-such-machine"))
                .start("rc-20261201-0123456789ab", LocalDate.of(2026, 12, 1));
        assertThat(refused.executionArn()).isEmpty();
        assertThat(refused.whyNot()).isPresent();
    }
}
