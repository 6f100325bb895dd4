package com.warroom.observability;

import com.warroom.aws.Settings;
import com.warroom.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Tells the war room ({@code ops-notices}) how a run ended (a reconcile run, an SLO report). A notice that cannot be
 * sent is logged, never a reason to fail a run whose report is stored.
 */
public final class OpsNotices {

    private static final Logger LOG = LoggerFactory.getLogger(OpsNotices.class);
    private static final int MAX_SUBJECT = 100;

    private final SnsClient sns;
    private final String topicArn;

    public OpsNotices(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    public static OpsNotices fromSettings(SnsClient sns) {
        return new OpsNotices(sns, Settings.require(Topology.OPS_NOTICES.arnEnvVar()));
    }

    public void publish(String subject, String message) {
        String bounded = subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
        try {
            sns.publish(b -> b.topicArn(topicArn).subject(bounded).message(message));
        } catch (SdkException e) {
            LOG.error("the notice '{}' could not be published: {}", subject, e.getMessage());
        }
    }
}
