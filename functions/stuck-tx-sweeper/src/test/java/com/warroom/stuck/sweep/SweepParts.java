package com.warroom.stuck.sweep;

import com.warroom.idempotency.ProcessedMessages;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PendingOrders;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutWork;
import com.warroom.topology.Topology;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A sweep over the embedded stack's tables and queues (or others of the same shape), through the real SDK clients. */
final class SweepParts {

    private SweepParts() {
    }

    static StuckSweep sweep(EmbeddedStack stack, Clock clock) {
        var settings = stack.settings(Topology.warroom());
        return sweep(stack, clock, Topology.PAYOUTS.localName(), Topology.ORDERS.localName(), Topology.RECONCILE_FINDINGS.localName(),
                Topology.IDEMPOTENCY.localName(), settings.get(Topology.PAYOUT_WORK.urlEnvVar()),
                settings.get(Topology.PAYMENT_CHECKS.urlEnvVar()));
    }

    static StuckSweep sweep(EmbeddedStack stack, Clock clock, String payouts, String orders, String findings, String idempotency,
                            String payoutWorkUrl, String checksUrl) {
        return sweep(stack, stack.dynamoDb(), clock, payouts, orders, findings, idempotency, payoutWorkUrl, checksUrl);
    }

    static StuckSweep sweep(EmbeddedStack stack, DynamoDbClient client, Clock clock, String payouts, String orders, String findings,
                            String idempotency, String payoutWorkUrl, String checksUrl) {
        DynamoDbEnhancedClient dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        return new StuckSweep(new StuckSweep.Parts(new PayoutStore(dynamo, payouts), new PendingOrders(dynamo, orders),
                new OpenFindings(client, findings), new Redrives(new ProcessedMessages(dynamo, idempotency, clock)),
                new PayoutWork(stack.sqs(), payoutWorkUrl), new PaymentCheckQueue(stack.sqs(), checksUrl)), clock);
    }
}
