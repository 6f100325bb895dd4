package com.warroom.approvals.workflow;

import com.warroom.json.Json;
import com.warroom.observability.OpsMetrics;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes notices on the approval-notices topic. A failed publish is counted and logged but does not
 * fail the step: the request is recorded and listed whether or not anyone was paged.
 */
public final class SnsApprovalNotifier implements ApprovalNotifier {

    public static final String PUBLISH_FAILED = "ApprovalNoticeFailed";
    private static final Logger LOG = LoggerFactory.getLogger(SnsApprovalNotifier.class);

    private final SnsClient sns;
    private final Optional<String> topicArn;

    public SnsApprovalNotifier(SnsClient sns, Optional<String> topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void requested(ApprovalNotice notice) {
        if (topicArn.isEmpty()) {
            LOG.info("approval {} recorded; no notice topic is configured", notice.approvalId());
            return;
        }
        try {
            sns.publish(b -> b.topicArn(topicArn.get()).subject(notice.subject()).message(Json.write(notice)));
        } catch (SdkException e) {
            OpsMetrics.count(PUBLISH_FAILED);
            LOG.warn("approval {} was recorded but its notice was not published", notice.approvalId(), e);
        }
    }
}
