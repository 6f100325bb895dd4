package com.warroom.observability;

import com.warroom.aws.Settings;
import com.warroom.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Tells the war room something ({@code ops-notices}) from a schedule: a subject (bounded to SNS's 100 characters) and a
 * text. A notice that cannot be sent is logged and answered false, never a reason to fail the work it reports.
 */
public final class WarRoomNotices {

    private static final Logger LOG = LoggerFactory.getLogger(WarRoomNotices.class);
    private static final int MAX_SUBJECT = 100;

    private final SnsClient sns;
    private final String topicArn;

    public WarRoomNotices(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** Over the topic named in the {@code ops-notices} ARN setting. */
    public static WarRoomNotices fromSettings(SnsClient sns) {
        return new WarRoomNotices(sns, Settings.require(Topology.OPS_NOTICES.arnEnvVar()));
    }

    public boolean publish(String subject, String message) {
        String bounded = subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
        try {
            sns.publish(b -> b.topicArn(topicArn).subject(bounded).message(message));
            return true;
        } catch (SdkException e) {
            LOG.error("the war-room notice '{}' could not be published: {}", subject, e.getMessage());
            return false;
        }
    }
}
