package com.warroom.payouts.poll;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.lambda.Envelope;
import com.warroom.lambda.Priming;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.worker.PayoutWorkerHandler;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute (EventBridge Scheduler, input {@code {}}): {@link PayoutPoll}. Answers {@code {"queued": n, "byStatus":
 * {...}}}; fails (and Lambda's retry acts) when the queue refuses messages.
 */
public final class PayoutPollHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(PayoutPollHandler.class);

    private final PayoutPoll poll;

    public PayoutPollHandler() {
        this(new PayoutPoll(new PayoutStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.PAYOUTS.envVar())),
                new PayoutWork(AwsClients.sqs(), Settings.require(Topology.PAYOUT_WORK.urlEnvVar())),
                PayoutWorkerHandler.lease(), Clock.systemUTC()));
    }

    /** With its poll given: for tests and the bench. */
    public PayoutPollHandler(PayoutPoll poll) {
        this.poll = poll;
        Priming.register(Topology.PAYOUT_POLL.name(), poll::prime);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String runId = Envelope.requestId(context, "local");
        return Envelope.rethrowing(context, runId, () -> {
            Map<PayoutStatus, List<String>> queued = poll.run();
            int total = queued.values().stream().mapToInt(List::size).sum();
            LOG.info("payout poll run {}: queued {} payouts for the worker", runId, total);
            Map<String, Object> byStatus = new LinkedHashMap<>();
            queued.forEach((status, ids) -> byStatus.put(status.name(), ids));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("queued", total);
            answer.put("byStatus", byStatus);
            return answer;
        });
    }
}
