package com.warroom.payments.reconcile;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.lambda.Envelope;
import com.warroom.lambda.Priming;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.orders.OrderStore;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 15 minutes (EventBridge Scheduler, input {@code {}}): queues a check with Midtrans for each order PENDING longer
 * than 15 minutes. Answers {@code {"queued": n, "orderIds": [...]}}; fails (and Lambda's retry acts) when the queue
 * refuses checks.
 */
public final class PspReconcileHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(PspReconcileHandler.class);

    private final PspReconcile reconcile;

    public PspReconcileHandler() {
        this(fromSettings(Clock.systemUTC()));
    }

    PspReconcileHandler(PspReconcile reconcile) {
        this.reconcile = reconcile;
        Priming.register(Topology.PSP_RECONCILE.name(), reconcile::prime);
    }

    /** The reconcile over the topology's orders table and payment-checks queue. */
    public static PspReconcile fromSettings(Clock clock) {
        return new PspReconcile(
                new PendingOrders(new OrderStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.ORDERS.envVar())), clock),
                new PaymentCheckQueue(AwsClients.sqs(), Settings.require(Topology.PAYMENT_CHECKS.urlEnvVar())));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String runId = Envelope.requestId(context, "local");
        return Envelope.rethrowing(context, runId, () -> {
            List<String> queued = reconcile.run();
            LOG.info("psp reconcile run {}: queued a Midtrans check for {} orders PENDING longer than {}", runId, queued.size(),
                    PendingOrders.OVERDUE);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("queued", queued.size());
            answer.put("orderIds", queued);
            return answer;
        });
    }
}
