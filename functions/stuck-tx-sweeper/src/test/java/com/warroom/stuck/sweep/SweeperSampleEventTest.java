package com.warroom.stuck.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.warroom.lambda.Priming;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LambdaQueue;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Topology;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** events/stuck-tx-sweeper through the handler's production constructor (names from the embedded stack's settings). */
@ExtendWith(EmbeddedStackExtension.class)
class SweeperSampleEventTest {

    @Test
    @SuppressWarnings("unchecked")
    void sampleEvent_scheduledRun_answersWhatItRedroveAndWhatIsStuck(EmbeddedStack stack) {
        Map<String, Object> answer = new StuckTxSweeperHandler().handleRequest(
                EventLoader.loadEvent("events/stuck-tx-sweeper/scheduled-run.json", Map.class),
                LocalLambdaContext.of(Topology.STUCK_TX_SWEEPER.name(), 512, 60));

        assertThat(answer).containsOnlyKeys("redriven", "stuck", "unticketedFindings");
        assertThat((Map<String, Object>) answer.get("redriven")).containsOnlyKeys("payout", "order");
        assertThat((Map<String, Object>) answer.get("stuck")).containsOnlyKeys("payout", "order");
        assertThat(((Map<String, Map<String, Object>>) answer.get("stuck")).get("order")).containsOnlyKeys("count", "oldestAgeSeconds");
    }

    @Test
    void priming_readsOnly(EmbeddedStack stack) {
        var settings = stack.settings(Topology.warroom());
        LambdaQueue payouts = new LambdaQueue(stack.sqs(), settings.get(Topology.PAYOUT_WORK.urlEnvVar()), stack.region());
        LambdaQueue checks = new LambdaQueue(stack.sqs(), settings.get(Topology.PAYMENT_CHECKS.urlEnvVar()), stack.region());
        payouts.purge();
        checks.purge();
        new StuckTxSweeperHandler();

        Priming.primeRegistered();

        assertThat(payouts.messages()).isZero();
        assertThat(checks.messages()).isZero();
    }

    @Test
    void theSchedule_runsTheSweepEveryInterval() {
        var schedule = (com.warroom.topology.Trigger.Schedule) Topology.STUCK_TX_SWEEPER.trigger();
        assertThat(((com.warroom.topology.ScheduleExpression.Rate) schedule.expression()).every()).isEqualTo(StuckSweep.INTERVAL);
    }
}
