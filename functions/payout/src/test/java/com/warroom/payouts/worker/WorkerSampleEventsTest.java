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
import com.warroom.payouts.rail.RailStatus;
import com.warroom.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The events in events/payout-worker, as Lambda hands them to the handler. */
@ExtendWith(EmbeddedStackExtension.class)
class WorkerSampleEventsTest {

    @Test
    void sampleEvents_whenTheWorkerGetsThem_expectThePayoutPaidOnce(EmbeddedStack stack) {
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
    }
}
