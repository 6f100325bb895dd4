package com.warroom.payouts.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutsStack;
import com.warroom.payouts.poll.PayoutPoll;
import com.warroom.payouts.rail.RailStatus;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The events in events/payout-worker and events/payout-poll, as Lambda hands them to the handlers. */
@ExtendWith(EmbeddedStackExtension.class)
class WorkerSampleEventsTest {

    @Test
    void sampleEvents_whenTheWorkerAndThePollGetThem_expectThePayoutPaidOnce(EmbeddedStack stack) {
        WorkerWorld w = new WorkerWorld(stack);
        w.custodian.createsAs(RailStatus.COMPLETED);
        String userId = PayoutsStack.newId("u");
        w.world.user(userId);
        if (w.world.payouts.find("P-sample-1").isEmpty()) {
            w.world.requested("P-sample-1", userId, PayoutKind.REFUND, w.usdc("25"));
        }

        SQSBatchResponse answer = new PayoutWorkerHandler(w.worker).handleRequest(
                EventLoader.loadSQSEvent("events/payout-worker/payouts.json"),
                LocalLambdaContext.of(Topology.PAYOUT_WORKER.name(), 1024, 60));

        assertThat(answer.getBatchItemFailures()).isEmpty();
        assertThat(w.world.payout("P-sample-1").state()).contains(PayoutStatus.CONFIRMED);
        assertThat(w.custodian.transfersOf("P-sample-1")).hasSize(1);

        w.world.work.purge();
        w.world.clock.advance(Duration.ofMinutes(2));
        Map<String, Object> polled = new com.warroom.payouts.poll.PayoutPollHandler(
                new PayoutPoll(w.world.payouts, w.world.workQueue(), WorkerWorld.LEASE, w.world.clock))
                .handleRequest(EventLoader.loadEvent("events/payout-poll/scheduled-run.json", Map.class),
                        LocalLambdaContext.of(Topology.PAYOUT_POLL.name(), 512, 60));
        assertThat(polled).containsKeys("queued", "byStatus");
    }
}
