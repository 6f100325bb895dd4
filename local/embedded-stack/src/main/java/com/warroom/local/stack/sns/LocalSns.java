package com.warroom.local.stack.sns;

import com.warroom.local.stack.LoopbackHttpServer;
import com.warroom.topology.TopicDef;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A local SNS for Warroom's topics: answers Publish (and ListTopics) in the AWS Query protocol on 127.0.0.1 so that
 * the real {@code SnsClient} reaches it through {@code AWS_ENDPOINT_URL_SNS}. Every message lands in an SQS queue
 * named after the topic, as a subscribed queue would get it, for ops to read with {@code aws sqs receive-message};
 * tests read them with {@link #published}.
 */
public final class LocalSns implements AutoCloseable {

    private final Topics topics;
    private final LoopbackHttpServer server;

    private LocalSns(Topics topics, LoopbackHttpServer server) {
        this.topics = topics;
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0 picks a free one); topic ARNs carry {@code region}; queues are made with {@code sqs}. */
    public static LocalSns start(int port, String region, SqsClient sqs) throws IOException {
        var topics = new Topics(region, sqs, Clock.systemUTC());
        return new LocalSns(topics, LoopbackHttpServer.start(port, "local-sns", new SnsHttpHandler(topics)));
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Creates the topic and its queue unless they exist; answers the topic ARN. */
    public String register(TopicDef topic) {
        return topics.register(topic);
    }

    /** {@code arn:aws:sns:<region>:000000000000:<localName>} */
    public String topicArn(TopicDef topic) {
        return topics.arn(topic);
    }

    /** The URL of the queue that receives the topic's messages, once the topic is registered. */
    public Optional<String> queueUrl(TopicDef topic) {
        return topics.queueUrl(topicArn(topic));
    }

    /** Every message published to the topic since it was registered, oldest first. */
    public List<PublishedMessage> published(TopicDef topic) {
        return topics.published(topicArn(topic));
    }

    @Override
    public void close() {
        server.close();
    }
}
