package com.warroom.infra;

import com.warroom.topology.TopicDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.kms.IAlias;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The SNS topics of the topology: encrypted with the AWS-managed SNS key and refusing anything but TLS. Publishers
 * learn a topic's ARN from its {@link TopicDef#arnEnvVar()}.
 */
public final class NoticeTopics extends Construct {

    /**
     * The AWS-managed key, like the tables' encryption: its key policy already lets principals of this account use it
     * through SNS, so publishers need no KMS statement and there is no key of ours to rotate or pay for.
     */
    static final String AWS_MANAGED_SNS_KEY = "alias/aws/sns";

    private final Map<TopicDef, Topic> topics = new LinkedHashMap<>();

    public NoticeTopics(Construct scope, String id, List<TopicDef> definitions) {
        super(scope, id);
        IAlias key = Alias.fromAliasName(this, "AwsManagedSnsKey", AWS_MANAGED_SNS_KEY);
        definitions.forEach(definition -> topics.put(definition, Topic.Builder.create(this, ConstructIds.pascal(definition.logicalName()))
                .displayName("Warroom " + definition.logicalName())
                .masterKey(key)
                .enforceSsl(true)
                .build()));
    }

    /** The topic built for a definition; a function naming a topic outside the topology is a wiring error. */
    public Topic topic(TopicDef definition) {
        Topic topic = topics.get(definition);
        if (topic == null) {
            throw new IllegalArgumentException("topic " + definition.logicalName() + " is not in the topology's topics()");
        }
        return topic;
    }
}
