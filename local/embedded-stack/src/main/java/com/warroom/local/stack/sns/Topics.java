package com.warroom.local.stack.sns;

import com.warroom.topology.TopicDef;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The local topics: each keeps what was published to it and delivers it to the SQS queue of the same name. */
final class Topics {

    private static final String ACCOUNT = "000000000000";
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private static final int MAX_SUBJECT_LENGTH = 100;

    private final String region;
    private final SqsClient sqs;
    private final Clock clock;
    private final ConcurrentMap<String, Topic> topics = new ConcurrentHashMap<>();

    private record Topic(String arn, String queueUrl, List<PublishedMessage> messages) {
    }

    Topics(String region, SqsClient sqs, Clock clock) {
        this.region = region;
        this.sqs = sqs;
        this.clock = clock;
    }

    /** Creates the topic and its queue (named {@link TopicDef#localName()}) unless they exist; answers the topic ARN. */
    String register(TopicDef topic) {
        String arn = arn(topic);
        if (!topics.containsKey(arn)) {
            String queueUrl = sqs.createQueue(b -> b.queueName(topic.localName())).queueUrl();
            topics.putIfAbsent(arn, new Topic(arn, queueUrl, new CopyOnWriteArrayList<>()));
        }
        return arn;
    }

    String arn(TopicDef topic) {
        return "arn:aws:sns:" + region + ":" + ACCOUNT + ":" + topic.localName();
    }

    List<String> arns() {
        return topics.keySet().stream().sorted().toList();
    }

    Optional<String> queueUrl(String topicArn) {
        return Optional.ofNullable(topics.get(topicArn)).map(Topic::queueUrl);
    }

    List<PublishedMessage> published(String topicArn) {
        Topic topic = topics.get(topicArn);
        return topic == null ? List.of() : List.copyOf(topic.messages());
    }

    PublishedMessage publish(String topicArn, Optional<String> subject, String message, Map<String, MessageAttribute> attributes) {
        Topic topic = topics.get(topicArn);
        if (topic == null) {
            throw SnsError.notFound("Topic does not exist");
        }
        if (message.isEmpty()) {
            throw SnsError.invalidParameter("Empty message");
        }
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw SnsError.invalidParameter("Message too long");
        }
        if (subject.isPresent() && !validSubject(subject.get())) {
            throw SnsError.invalidParameter("Subject");
        }
        var published = new PublishedMessage(UUID.randomUUID().toString(), topicArn, subject, message, attributes, clock.instant());
        sqs.sendMessage(b -> b.queueUrl(topic.queueUrl()).messageBody(published.notificationJson()));
        topic.messages().add(published);
        return published;
    }

    // SNS: at most 100 characters, no line breaks or control characters
    private static boolean validSubject(String subject) {
        return !subject.isEmpty() && subject.length() <= MAX_SUBJECT_LENGTH && subject.chars().noneMatch(Character::isISOControl);
    }
}
