package com.warroom.approvals;

import com.warroom.aws.Settings;
import com.warroom.json.Json;
import com.warroom.observability.OpsMetrics;
import com.warroom.topology.Topology;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starts the approval workflow for a recorded PENDING request: one execution per request, named after
 * its id with input {@code {"approvalId"}}, so the same request can never run twice (Step Functions
 * refuses a second execution of the same name). For the routes that record requests (the kill-switch
 * route's fund-flag path, the config route): record first, then start.
 */
public final class ApprovalWorkflowStarter {

    /** Counted when a recorded request's workflow could not be started (see {@link #startRecorded}). */
    public static final String START_FAILED_METRIC = "ApprovalWorkflowStartFailed";
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalWorkflowStarter.class);

    private final SfnClient sfn;
    private final String stateMachineArn;

    public ApprovalWorkflowStarter(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    /** Over the state machine named in {@code WARROOM_WORKFLOW_APPROVAL_ARN}. */
    public static ApprovalWorkflowStarter fromSettings(SfnClient sfn) {
        return new ApprovalWorkflowStarter(sfn, Settings.require(Topology.APPROVAL.arnEnvVar()));
    }

    /** What starting did. */
    public sealed interface Start {
        record Started(String executionArn) implements Start {
        }

        /**
         * An execution of that name has ended: the request was handled. (Starting again while the execution still
         * runs answers {@link Started} with that same execution: Step Functions' StartExecution is idempotent for
         * the same name and input.)
         */
        record AlreadyStarted() implements Start {
        }

        /** Step Functions could not be reached or refused; the request stays PENDING and the call may be repeated. */
        record Unavailable(String why) implements Start {
        }
    }

    public Start start(String approvalId) {
        if (!ApprovalRequest.validId(approvalId)) {
            throw new IllegalArgumentException("not an approval id: " + approvalId);
        }
        try {
            String arn = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(approvalId)
                    .input(Json.write(Map.of("approvalId", approvalId)))).executionArn();
            return new Start.Started(arn);
        } catch (ExecutionAlreadyExistsException e) {
            return new Start.AlreadyStarted();
        } catch (SdkException e) {
            return new Start.Unavailable(e.getClass().getSimpleName());
        }
    }

    /**
     * Starts the workflow of a request whose record and audit entry are already committed. A workflow that did not
     * start leaves the request PENDING (it cannot be decided, and expires): logged and counted so that ops see it,
     * and the caller can ask again.
     */
    public Start startRecorded(String approvalId) {
        Start start = start(approvalId);
        if (start instanceof Start.Unavailable unavailable) {
            LOG.error("approval {}: the approval workflow could not be started ({})", approvalId, unavailable.why());
            OpsMetrics.count(START_FAILED_METRIC);
        }
        return start;
    }
}
