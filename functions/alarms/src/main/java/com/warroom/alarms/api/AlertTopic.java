package com.warroom.alarms.api;

import software.amazon.awssdk.services.sns.SnsClient;

/** The alerts topic, where the alarms send their changes of state and a test alert goes too. */
final class AlertTopic {

    private final SnsClient sns;
    private final String topicArn;

    AlertTopic(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** The message id SNS gave the alert. */
    String publish(String subject, String message) {
        return sns.publish(b -> b.topicArn(topicArn).subject(subject).message(message)).messageId();
    }
}
