package com.warroom.notices;

import static com.warroom.notices.FlagChanges.batch;
import static com.warroom.notices.FlagChanges.body;
import static com.warroom.notices.FlagChanges.message;
import static com.warroom.notices.FlagChanges.newRound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.Flag;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.idempotency.ProcessedMessages;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.sns.MessageAttribute;
import com.warroom.local.stack.sns.PublishedMessage;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The ops-notices consumer over the embedded stack: the real SNS client publishing to the local SNS (which keeps every
 * message, and delivers it to the queue {@code warroom-ops-notices}) and the idempotency table in DynamoDB Local.
 */
@ExtendWith(EmbeddedStackExtension.class)
class OpsNoticeHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String REASON = "Suspicious contributions, pausing while we investigate";

    private static EmbeddedStack stack;
    private static SnsClient sns;
    private static DynamoDbClient dynamo;
    private static OpsNoticeHandler handler;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
        sns = AwsClients.sns();
        dynamo = AwsClients.dynamoDb();
        handler = new OpsNoticeHandler(poster(Settings.require(Topology.OPS_NOTICES.arnEnvVar())));
    }

    @AfterAll
    static void stop() {
        sns.close();
        dynamo.close();
    }

    private static OpsNoticePoster poster(String topicArn) {
        return new OpsNoticePoster(new OpsNoticeTopic(sns, topicArn),
                new ProcessedMessages(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), Topology.IDEMPOTENCY.localName(),
                        Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static SQSBatchResponse handle(OpsNoticeHandler handler, SQSEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of(Topology.OPS_NOTICE.name(), 512, 20));
    }

    private static List<PublishedMessage> publishedFor(String scope) {
        return stack.localSns().published(Topology.OPS_NOTICES).stream()
                .filter(m -> new MessageAttribute("String", scope).equals(m.attributes().get("scope")))
                .toList();
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private static Map<String, AttributeValue> record(String changeId) {
        return dynamo.getItem(b -> b.tableName(Topology.IDEMPOTENCY.localName()).consistentRead(true)
                .key(Map.of("key", AttributeValue.fromS(ProcessedMessages.key(OpsNoticePoster.CONSUMER, changeId))))).item();
    }

    private static int idempotencyItems() {
        return dynamo.scan(b -> b.tableName(Topology.IDEMPOTENCY.localName()).select("COUNT").consistentRead(true)).count();
    }

    @Test
    void handleRequest_whenEveryMessageIsGood_publishesEachNoticeOnce() {
        String r1 = newRound();
        String r2 = newRound();
        String user = "user:u-" + r2.substring(8);

        SQSBatchResponse response = handle(handler, batch(
                message(body(Flag.CONTRIBUTE, r1, false, REASON, 1)),
                message(body(Flag.REFUND, r2, false, "Refund loop on this round", 4)),
                message(body(Flag.FEED_POSTING, user, true, "Appeal accepted, posting again", 2))));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(publishedFor(r1)).singleElement().satisfies(notice -> {
            assertThat(notice.message()).isEqualTo("contribute disabled for " + r1 + " by alice@ops.example: " + REASON);
            assertThat(notice.subject()).contains("Warroom: contribute disabled for " + r1);
            assertThat(notice.attributes()).containsEntry("flag", new MessageAttribute("String", "contribute"))
                    .containsEntry("enabled", new MessageAttribute("String", "false"))
                    .containsEntry("version", new MessageAttribute("Number", "1"));
        });
        assertThat(publishedFor(r2)).singleElement().extracting(PublishedMessage::message)
                .isEqualTo("refund disabled for " + r2 + " by alice@ops.example: Refund loop on this round");
        assertThat(publishedFor(user)).singleElement().extracting(PublishedMessage::message)
                .isEqualTo("feed.posting enabled for " + user + " by alice@ops.example: Appeal accepted, posting again");
        assertThat(record("contribute@" + r1 + "#v1")).containsEntry("expiresAt",
                AttributeValue.fromN(Long.toString(NOW.plus(IdempotencyStore.RETENTION).getEpochSecond())));
    }

    @Test
    void handleRequest_whenPoisonIsAmongGoodMessages_failsOnlyThePoison() {
        String r1 = newRound();
        String r2 = newRound();
        SQSEvent.SQSMessage notJson = message("{\"flag\":\"contribute\",");
        SQSEvent.SQSMessage noVersion = message(body(Flag.PAYOUT, newRound(), false, REASON, 1).replace("\"version\":1,", ""));
        SQSEvent.SQSMessage unknownFlag = message(body(Flag.PAYOUT, newRound(), false, REASON, 1).replace("\"payout\"", "\"withdraw\""));

        SQSBatchResponse response = handle(handler, batch(message(body(Flag.CONTRIBUTE, r1, false, REASON, 1)), notJson,
                noVersion, message(body(Flag.CONTRIBUTE, r2, false, REASON, 5)), unknownFlag));

        assertThat(failedIds(response)).containsExactly(notJson.getMessageId(), noVersion.getMessageId(), unknownFlag.getMessageId());
        assertThat(publishedFor(r1)).hasSize(1);
        assertThat(publishedFor(r2)).hasSize(1);
    }

    @Test
    void handleRequest_whenAChangeIsDeliveredAgain_postsNothing() {
        String round = newRound();
        String change = body(Flag.CONTRIBUTE, round, false, REASON, 2);
        SQSEvent.SQSMessage first = message(change);
        assertThat(handle(handler, batch(first)).getBatchItemFailures()).isEmpty();

        // SQS redelivers the same message; a sender that retried sends the same change as another message
        SQSBatchResponse redelivered = handle(handler, batch(message(first.getMessageId(), change, 2), message(change)));

        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(publishedFor(round)).hasSize(1);
    }

    @Test
    void handleRequest_whenOneBatchHoldsTheSameChangeTwice_postsItOnce() {
        String round = newRound();
        String change = body(Flag.FINALIZE, round, false, REASON, 1);

        assertThat(handle(handler, batch(message(change), message(change))).getBatchItemFailures()).isEmpty();

        assertThat(publishedFor(round)).hasSize(1);
    }

    @Test
    void handleRequest_whenTheTopicRefuses_failsTheMessageAndRecordsNothing_soARetryPosts() {
        String round = newRound();
        SQSEvent.SQSMessage message = message(body(Flag.PAYOUT, round, false, REASON, 1));
        var noTopic = new OpsNoticeHandler(poster("arn:aws:sns:us-east-1:000000000000:warroom-no-such-topic"));

        assertThat(failedIds(handle(noTopic, batch(message)))).containsExactly(message.getMessageId());
        assertThat(record("payout@" + round + "#v1")).isEmpty();

        assertThat(handle(handler, batch(message(message.getMessageId(), message.getBody(), 2))).getBatchItemFailures()).isEmpty();
        assertThat(publishedFor(round)).hasSize(1);
    }

    @Test
    void beforeCheckpoint_whenPriming_publishesNothingAndWritesNothing() {
        int published = stack.localSns().published(Topology.OPS_NOTICES).size();
        int items = idempotencyItems();
        OpsNoticePoster poster = poster(Settings.require(Topology.OPS_NOTICES.arnEnvVar()));

        assertThatCode(poster::prime).as("priming runs its reads without failing").doesNotThrowAnyException();
        new OpsNoticeHandler(poster).priming().beforeCheckpoint(null);

        assertThat(stack.localSns().published(Topology.OPS_NOTICES)).hasSize(published);
        assertThat(idempotencyItems()).isEqualTo(items);
    }
}
