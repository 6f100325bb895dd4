package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.local.lambda.FailureLog;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HandlerUnusable;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real topology's triggers realized over the embedded stack (not started). */
@ExtendWith(EmbeddedStackExtension.class)
class LocalTriggersTest {

    private static final FailureLog NONE_EXPECTED = (what, cause) -> {
        throw new AssertionError(what, cause);
    };

    @Test
    void realize_givesEachQueueConsumerAPollerOnItsQueue_andEachScheduleItsTimetable(EmbeddedStack stack) {
        try (LocalTriggers triggers = LocalTriggers.realize(Topology.warroom(), stack, NONE_EXPECTED)) {
            assertThat(triggers.pollers()).extracting(poller -> poller.functionName() + " <- " + poller.queue().name())
                    .containsExactly("ops-notices <- warroom-flag-changes", "payment-processor <- warroom-payment-checks",
                            "notification-sender <- warroom-notifications", "payout-worker <- warroom-payouts",
                            "platform-events-ingest <- warroom-platform-events");
            assertThat(triggers.pollers()).allSatisfy(poller -> {
                assertThat(poller.queue().arn()).isEqualTo("arn:aws:sqs:" + stack.region() + ":000000000000:" + poller.queue().name());
                assertThat(poller.running()).as("nothing runs before start").isFalse();
            });
            assertThat(triggers.scheduler().timetable()).extracting(next -> next.schedule() + " " + next.expression() + " " + next.zone())
                    .containsExactly("approval-keeper rate(5 minutes) UTC", "integrity-anchor rate(5 minutes) UTC",
                            "stuck-tx-sweeper rate(5 minutes) UTC",
                            "reconcile-schedule cron(30 0 * * ? *) Asia/Jakarta", "ticket-keeper rate(1 hour) UTC",
                            "incident-keeper rate(1 hour) UTC", "slo-weekly cron(0 8 ? * MON *) Asia/Jakarta");
        }
    }

    @Test
    void realize_whenAnEventBusHasNoRouteFeedingItsQueue_refusesIt_forThereIsNoEventBridgeHere(EmbeddedStack stack) {
        // the ingest alone: its queue has a poller, but nothing on this machine could put the bus's events on it
        Topology topology = Topology.builder()
                .tables(Topology.PLATFORM_EVENTS, Topology.ROUNDS, Topology.LEDGER_BALANCES, Topology.LEDGER_ENTRIES, Topology.CONFIG)
                .queues(Topology.PLATFORM_EVENT_QUEUE).keys(Topology.SEALS).eventBuses(Topology.PLATFORM_BUS)
                .functions(Topology.PLATFORM_EVENTS_INGEST).build();

        assertThatThrownBy(() -> LocalTriggers.realize(topology, stack, NONE_EXPECTED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("event bus warroom-platform has no local realization: no HTTP route sends to its queue platform-events");
    }

    @Test
    void realize_whenAHandlerDoesNotTakeItsTriggersEvent_refusesNamingTheFunction(EmbeddedStack stack) {
        // the approval keeper takes a JSON object, not an SQS event
        FunctionDef miswired = FunctionDef.builder("approval-keeper").module("functions/approvals")
                .handler("com.warroom.approvals.keeper.ApprovalKeeperHandler").timeoutSeconds(30)
                .trigger(new Trigger.QueueConsumer(Topology.FLAG_CHANGES, 10, Duration.ZERO)).build();
        Topology topology = Topology.builder().queues(Topology.FLAG_CHANGES).functions(miswired).build();

        assertThatThrownBy(() -> LocalTriggers.realize(topology, stack, NONE_EXPECTED))
                .isInstanceOf(HandlerUnusable.class)
                .hasMessage("function approval-keeper: com.warroom.approvals.keeper.ApprovalKeeperHandler takes Map, but its trigger sends SQSEvent");
    }
}
