package com.warroom.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.sqs.model.Message;

/** The event in events/ops-notices/, fed to the handler as Lambda builds it (no-arg constructor, settings from the environment). */
@ExtendWith(EmbeddedStackExtension.class)
class OpsNoticesSampleEventsTest {

    private static final List<String> EXPECTED = List.of(
            "contribute disabled for round:R1 by alice@ops.example: Suspicious contributions on round R1, pausing while we investigate",
            "feed.posting disabled everywhere (global) by alice@ops.example: Spam wave on the feed, pausing new posts",
            "feed.posting enabled everywhere (global) by alice@ops.example: Spam filter deployed, feed posting back on");

    private static EmbeddedStack stack;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
    }

    @ParameterizedTest
    @Event(value = "events/ops-notices/flag-changes.json", type = SQSEvent.class)
    void handleRequest_whenGivenTheSample_postsOneLinePerChangeToTheTopicAndItsQueue(SQSEvent event) {
        assertThat(event.getRecords()).hasSize(3);

        SQSBatchResponse response = new OpsNoticeHandler().handleRequest(event, LocalLambdaContext.of(Topology.OPS_NOTICE.name(), 512, 20));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stack.localSns().published(Topology.OPS_NOTICES)).extracting(m -> m.message()).containsAll(EXPECTED);
        assertThat(deliveredToTheTopicsQueue()).containsAll(EXPECTED);
    }

    // what a subscriber of the topic (here its local queue) reads: SNS notifications with the line as Message
    private static List<String> deliveredToTheTopicsQueue() {
        String queueUrl = stack.localSns().queueUrl(Topology.OPS_NOTICES).orElseThrow();
        List<String> lines = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && !lines.containsAll(EXPECTED); attempt++) {
            for (Message message : stack.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                JsonNode notification = Json.readTree(message.body());
                lines.add(notification.path("Message").asText());
            }
        }
        return lines;
    }
}
