package com.warroom.reconcile.run;

import com.warroom.aws.Settings;
import com.warroom.observability.WarRoomNotices;
import com.warroom.topology.Topology;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Tells the war room ({@code ops-notices}) how a run ended, through {@link WarRoomNotices}: a notice that cannot be sent
 * is logged, never a reason to fail a run whose report is stored.
 */
public final class RunNotices {

    private final WarRoomNotices notices;

    public RunNotices(SnsClient sns, String topicArn) {
        this.notices = new WarRoomNotices(sns, topicArn);
    }

    public static RunNotices fromSettings(SnsClient sns) {
        return new RunNotices(sns, Settings.require(Topology.OPS_NOTICES.arnEnvVar()));
    }

    public void publish(String subject, String message) {
        notices.publish(subject, message);
    }
}
