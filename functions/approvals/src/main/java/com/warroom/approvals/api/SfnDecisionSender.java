package com.warroom.approvals.api;

import com.warroom.approvals.Decision;
import com.warroom.json.Json;
import com.warroom.observability.OpsMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Sends decisions with Step Functions' {@code SendTaskSuccess}: rejection is a decision, not a task failure. */
public final class SfnDecisionSender implements DecisionSender {

    public static final String UNDELIVERED = "ApprovalDecisionUndelivered";
    private static final Logger LOG = LoggerFactory.getLogger(SfnDecisionSender.class);

    private final SfnClient sfn;

    public SfnDecisionSender(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public Delivery send(String taskToken, String approvalId, Decision decision) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("approvalId", approvalId);
        output.put("decision", decision.name());
        try {
            sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(Json.write(output)));
            return new Delivery.Delivered();
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            LOG.warn("approval {}: decision {} found no waiting task ({})", approvalId, decision, e.getClass().getSimpleName());
            return new Delivery.WaitOver(e.getClass().getSimpleName());
        } catch (SdkException e) {
            OpsMetrics.count(UNDELIVERED);
            LOG.error("approval {}: decision {} was recorded but not delivered", approvalId, decision, e);
            return new Delivery.Unavailable(e.getClass().getSimpleName());
        }
    }
}
