package com.warroom.payments.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigStore;
import com.warroom.lambda.Priming;
import com.warroom.lambda.QueueBatch;
import com.warroom.ledger.Ledger;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.SqsOutboxDispatch;
import com.warroom.payments.MidtransServerKey;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentEvents;
import com.warroom.payments.entitlements.EntitlementStore;
import com.warroom.payments.orders.OrderNotifications;
import com.warroom.payments.orders.OrderSeal;
import com.warroom.payments.orders.OrderStore;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.secrets.SecretReader;
import com.warroom.topology.Topology;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The payment processor: a consumer of the payment-checks queue. Each message is one check of one order; a message that
 * fails (Midtrans unavailable, a body no sender of Warroom wrote) fails alone and, after the queue's five receives,
 * lands in the DLQ.
 */
public final class PaymentProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final PaymentProcessor processor;

    public PaymentProcessorHandler() {
        this(AwsClients.dynamoDbEnhanced(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC());
    }

    private PaymentProcessorHandler(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock) {
        this(fromSettings(dynamo, sealer, clock,
                Ledger.fromSettings(dynamo, sealer, clock)::prepare,
                OrderNotifications.of(Outbox.fromSettings(dynamo, clock)),
                MidtransClient.fromSettings(new MidtransServerKey(SecretReader.fromEnvironment(), clock))));
    }

    PaymentProcessorHandler(PaymentProcessor processor) {
        this.processor = processor;
        Priming.register(Topology.PAYMENT_PROCESSOR.name(), processor::prime);
    }

    /** The processor over the topology's tables and queues, with the given ledger, outbox and Midtrans client. */
    static PaymentProcessor fromSettings(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock, Journal journal,
                                         OrderNotifications notifications, MidtransClient midtrans) {
        OrderStore orders = new OrderStore(dynamo, Settings.require(Topology.ORDERS.envVar()));
        PaymentEvents events = new PaymentEvents(dynamo, Settings.require(Topology.PAYMENT_EVENTS.envVar()));
        OrderSeal seal = new OrderSeal(sealer);
        var stores = new OrderTransitions.Stores(orders, events,
                new EntitlementStore(dynamo, Settings.require(Topology.ENTITLEMENTS.envVar())),
                new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock));
        var services = new PaymentProcessor.Services(orders, events,
                new ReviewStore(dynamo, Settings.require(Topology.PAYMENT_REVIEWS.envVar())), midtrans, notifications,
                SqsOutboxDispatch.fromSettings(AwsClients.sqs()));
        return new PaymentProcessor(services, seal, new OrderTransitions(dynamo, stores, seal, journal, notifications), clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process(event, context, message -> processor.check(
                PaymentCheck.parse(message.getBody()).orElseThrow(() -> new UnreadableCheck(message.getMessageId())),
                redelivered(message)));
    }

    private static boolean redelivered(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count != null && Integer.parseInt(count) > 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A message on the payment-checks queue that no sender of Warroom wrote: it fails, and goes to the DLQ. */
    static final class UnreadableCheck extends RuntimeException {
        UnreadableCheck(String messageId) {
            super("message " + messageId + " is not a payment check ({\"orderId\",\"eventKey\",\"source\":\"webhook\"} or "
                    + "{\"orderId\",\"source\":\"reconcile\"})");
        }
    }
}
