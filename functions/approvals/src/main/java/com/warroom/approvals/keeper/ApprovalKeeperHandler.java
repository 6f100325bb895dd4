package com.warroom.approvals.keeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.approvals.ApprovalStore;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.lambda.Envelope;
import com.warroom.lambda.Priming;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 5 minutes (EventBridge Scheduler, input {@code {}}): starts the workflow of PENDING approval requests whose
 * start was lost. Answers {@code {"checked","started","alreadyStarted","unavailable"}}; fails when a start was
 * unavailable, after trying every request.
 */
public final class ApprovalKeeperHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalKeeperHandler.class);

    private final ApprovalKeeper keeper;
    private final Priming priming;

    public ApprovalKeeperHandler() {
        this(new ApprovalKeeper(new ApprovalStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.APPROVALS.envVar())),
                ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()), Clock.systemUTC()));
    }

    ApprovalKeeperHandler(ApprovalKeeper keeper) {
        this.keeper = keeper;
        this.priming = Priming.register(Topology.APPROVAL_KEEPER.name(), keeper::prime);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String runId = Envelope.requestId(context, "local");
        return Envelope.rethrowing(context, runId, () -> {
            KeeperRun run = keeper.run();
            Map<String, Object> answer = answer(run);
            LOG.info("approval keeper run {}: {}", runId, answer);
            if (!run.unavailable().isEmpty()) {
                throw new WorkflowsNotStartedException(run);
            }
            return answer;
        });
    }

    private static Map<String, Object> answer(KeeperRun run) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("checked", run.checked());
        answer.put("started", run.started());
        answer.put("alreadyStarted", run.alreadyStarted());
        answer.put("unavailable", run.unavailable());
        return answer;
    }

    /** The SnapStart priming this handler registered: tests run it by calling {@code beforeCheckpoint}. */
    Priming priming() {
        return priming;
    }
}
