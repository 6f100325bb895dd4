package com.warroom.notices;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The war-room SNS topic ({@code ops-notices}). */
public final class OpsNoticeTopic {

    private final SnsClient sns;
    private final String topicArn;

    public OpsNoticeTopic(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** Publishes the notice; answers SNS's message id. A failure (an {@code SdkException}) propagates. */
    public String publish(OpsNotice notice) {
        return sns.publish(request(notice)).messageId();
    }

    /** The Publish request for the notice, built but not sent (also what priming builds). */
    PublishRequest request(OpsNotice notice) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        notice.attributes().forEach((name, attribute) -> attributes.put(name,
                MessageAttributeValue.builder().dataType(attribute.dataType()).stringValue(attribute.value()).build()));
        return PublishRequest.builder().topicArn(topicArn).subject(notice.subject()).message(notice.text())
                .messageAttributes(attributes).build();
    }
}
