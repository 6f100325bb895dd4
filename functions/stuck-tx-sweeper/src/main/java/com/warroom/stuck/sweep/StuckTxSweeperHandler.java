package com.warroom.stuck.sweep;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.idempotency.ProcessedMessages;
import com.warroom.lambda.Envelope;
import com.warroom.lambda.Priming;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PendingOrders;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutWork;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Every 5 minutes (EventBridge Scheduler, input {@code {}}): {@link StuckSweep}. Answers {@code {"redriven":{"payout":
 * [...],"order":[...]},"stuck":{"payout":{"count","oldestAgeSeconds"},"order":{...}},"unticketedFindings":n}}; fails (and
 * Lambda's retry acts) when a queue refused a message, after the metrics are written and the others queued.
 */
public final class StuckTxSweeperHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(StuckTxSweeperHandler.class);

    private final StuckSweep sweep;

    public StuckTxSweeperHandler() {
        this(fromSettings(AwsClients.dynamoDbEnhanced(), Clock.systemUTC()));
    }

    /** With its sweep given: for tests and the bench. */
    public StuckTxSweeperHandler(StuckSweep sweep) {
        this.sweep = sweep;
        Priming.register(Topology.STUCK_TX_SWEEPER.name(), sweep::prime);
    }

    private static StuckSweep fromSettings(DynamoDbEnhancedClient dynamo, Clock clock) {
        return new StuckSweep(new StuckSweep.Parts(
                new PayoutStore(dynamo, Settings.require(Topology.PAYOUTS.envVar())),
                new PendingOrders(dynamo, Settings.require(Topology.ORDERS.envVar())),
                new OpenFindings(AwsClients.dynamoDb(), Settings.require(Topology.RECONCILE_FINDINGS.envVar())),
                new Redrives(new ProcessedMessages(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock)),
                new PayoutWork(AwsClients.sqs(), Settings.require(Topology.PAYOUT_WORK.urlEnvVar())),
                new PaymentCheckQueue(AwsClients.sqs(), Settings.require(Topology.PAYMENT_CHECKS.urlEnvVar()))), clock);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String runId = Envelope.requestId(context, "local");
        return Envelope.rethrowing(context, runId, () -> {
            SweepReport report = sweep.run();
            Map<String, Object> redriven = new LinkedHashMap<>();
            Map<String, Object> stuck = new LinkedHashMap<>();
            for (SweepReport.Kind kind : SweepReport.Kind.values()) {
                redriven.put(kind.label(), report.redriven(kind));
                SweepReport.Stuck s = report.stuck(kind);
                stuck.put(kind.label(), Map.of("count", s.count(), "oldestAgeSeconds", s.oldestAgeSeconds()));
            }
            LOG.info("sweep {}: queued again {} payouts and {} orders; stuck: {} payouts (oldest {} s), {} orders (oldest {} s); "
                            + "{} OPEN findings older than 24 h", runId, report.redriven(SweepReport.Kind.PAYOUT).size(),
                    report.redriven(SweepReport.Kind.ORDER).size(), report.stuck(SweepReport.Kind.PAYOUT).count(),
                    report.stuck(SweepReport.Kind.PAYOUT).oldestAgeSeconds(), report.stuck(SweepReport.Kind.ORDER).count(),
                    report.stuck(SweepReport.Kind.ORDER).oldestAgeSeconds(), report.unticketedFindings());
            if (!report.refused().isEmpty()) {
                throw new IllegalStateException("the queues refused the re-drive of " + report.refused().size() + " items: "
                        + report.refused());
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("redriven", redriven);
            answer.put("stuck", stuck);
            answer.put("unticketedFindings", report.unticketedFindings());
            return answer;
        });
    }
}
