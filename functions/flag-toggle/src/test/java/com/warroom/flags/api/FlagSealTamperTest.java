package com.warroom.flags.api;

import static com.warroom.flags.api.FlagApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.aws.Settings;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagDecision;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagSeal;
import com.warroom.flags.FlagStore;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.SealingUnavailable;
import com.warroom.topology.Topology;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The insider: someone who writes the flags table straight through the DynamoDB API (console, CLI, a leaked role).
 * Every edit, added or deleted row and deleted seal is detected at the next load. Each test puts the table back.
 */
@ExtendWith(EmbeddedStackExtension.class)
class FlagSealTamperTest {

    private static final String TABLE = Topology.FLAGS.localName();
    private static FlagApi api;
    private static DynamoDbClient dynamo;
    private static DynamoDbEnhancedClient enhanced;

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-23T09:00:00Z"));
    private final AtomicInteger tampered = new AtomicInteger();
    private final AtomicInteger failedClosed = new AtomicInteger();
    private List<Map<String, AttributeValue>> tableBefore;
    private FlagStore store;
    private FlagGate gate;
    private String round;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        api = new FlagApi(stack);
        dynamo = stack.dynamoDb();
        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    }

    @BeforeEach
    void disableAFundFlag() {
        round = "R-" + UUID.randomUUID();
        assertThat(api.set("contribute", "round:" + round, false, "Round under investigation").getStatusCode()).isEqualTo(200);
        tableBefore = dynamo.scan(r -> r.tableName(TABLE).consistentRead(true)).items();
        store = new FlagStore(enhanced, TABLE, FlagReadHandler.sealer(), clock);
        gate = gateOver(() -> store.read());
    }

    @AfterEach
    void putTheTableBack() {
        dynamo.scan(r -> r.tableName(TABLE).consistentRead(true)).items()
                .forEach(item -> dynamo.deleteItem(r -> r.tableName(TABLE).key(key(item))));
        tableBefore.forEach(item -> dynamo.putItem(r -> r.tableName(TABLE).item(item)));
        assertThat(store.load()).isInstanceOf(FlagStore.Load.Trusted.class);
    }

    @Test
    void check_whenDisabledFundFlagEditedToEnabled_servesLastVerifiedCopyThenFailsClosed() {
        assertThat(contribute().allowed()).isFalse();

        dynamo.updateItem(r -> r.tableName(TABLE).key(rowKey("contribute", "round:" + round))
                .updateExpression("SET enabled = :on").expressionAttributeValues(Map.of(":on", AttributeValue.fromBool(true))));

        clock.advance(FlagGate.DEFAULT_FRESH_FOR);
        FlagDecision stale = contribute();
        assertThat(stale.allowed()).as("the last verified copy still blocks").isFalse();
        assertThat(stale.stale()).isTrue();
        assertThat(stale.tampered()).isTrue();
        assertThat(tampered).hasValue(1);

        clock.advance(FlagGate.DEFAULT_STALE_FOR);
        FlagDecision closed = contribute();
        assertThat(closed.allowed()).as("past the stale window a fund flow fails closed").isFalse();
        assertThat(closed.blockedBy().reason()).isEqualTo(FlagGate.UNAVAILABLE_REASON);
        assertThat(closed.tampered()).isTrue();
        assertThat(failedClosed).hasValue(1);
        assertThat(gate.check(Flag.FEED_POSTING, Optional.empty(), Optional.empty()).allowed())
                .as("a flow that moves no money fails open").isTrue();

        JsonNode check = json(api.check("contribute", round, null));
        assertThat(check.path("allowed").asBoolean()).isFalse();
        assertThat(check.path("tampered").asBoolean()).isTrue();
        assertThat(json(api.list()).path("tampered").asBoolean()).isTrue();
    }

    @Test
    void load_whenARowIsAdded_isTampered() {
        dynamo.putItem(r -> r.tableName(TABLE).item(Map.of("flag", AttributeValue.fromS("payout"),
                "scope", AttributeValue.fromS("round:" + round), "enabled", AttributeValue.fromBool(true),
                "version", AttributeValue.fromN("1"))));

        assertTampered();
    }

    @Test
    void load_whenARowIsDeleted_isTampered() {
        dynamo.deleteItem(r -> r.tableName(TABLE).key(rowKey("contribute", "round:" + round)));

        assertTampered();
        assertThat(json(api.check("contribute", round, null)).path("tampered").asBoolean()).isTrue();
    }

    @Test
    void load_whenTheSealIsDeleted_isTampered() {
        dynamo.deleteItem(r -> r.tableName(TABLE).key(rowKey(FlagSeal.KEY, FlagSeal.KEY)));

        assertTampered();
    }

    @Test
    void set_whenStatesAreTampered_refusesWith409AndSealsNothingOnTop() {
        dynamo.deleteItem(r -> r.tableName(TABLE).key(rowKey("contribute", "round:" + round)));
        Map<String, AttributeValue> sealBefore = sealItem();

        var response = api.set("refund", "round:" + round, false, "Pause refunds while we look");

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).path("type").asText()).contains("flag-states-tampered");
        assertThat(sealItem()).as("the tampering is not laundered by a new seal").isEqualTo(sealBefore);
        assertTampered();
    }

    @Test
    void check_whenKmsCannotVerify_servesTheStaleCopyAndReportsNoTampering() {
        AtomicReference<FlagStore> source = new AtomicReference<>(store);
        gate = gateOver(() -> source.get().read());
        assertThat(contribute().allowed()).isFalse();
        try (KmsClient deadKms = KmsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            source.set(new FlagStore(enhanced, TABLE, new KmsSealer(deadKms, Settings.require(Topology.SEALS.idEnvVar())), clock));

            clock.advance(FlagGate.DEFAULT_FRESH_FOR);
            FlagDecision decision = contribute();

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.stale()).isTrue();
            assertThat(decision.tampered()).isFalse();
            assertThat(tampered).hasValue(0);
            assertThatThrownBy(() -> source.get().load()).isInstanceOf(SealingUnavailable.class);
        }
    }

    private void assertTampered() {
        assertThat(store.load()).isInstanceOf(FlagStore.Load.Tampered.class);
        assertThatThrownBy(() -> store.read()).isInstanceOf(com.warroom.flags.FlagStatesTampered.class);
    }

    private FlagDecision contribute() {
        return gate.check(Flag.CONTRIBUTE, Optional.of(round), Optional.empty());
    }

    private FlagGate gateOver(FlagGate.SnapshotSource source) {
        return new FlagGate(source, clock, new FlagGate.Signals() {
            public void staleServed() {
            }

            public void failedClosed() {
                failedClosed.incrementAndGet();
            }

            public void failedOpen() {
            }

            public void tampered() {
                tampered.incrementAndGet();
            }
        });
    }

    private static Map<String, AttributeValue> sealItem() {
        return dynamo.getItem(r -> r.tableName(TABLE).key(rowKey(FlagSeal.KEY, FlagSeal.KEY)).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> rowKey(String flag, String scope) {
        return Map.of("flag", AttributeValue.fromS(flag), "scope", AttributeValue.fromS(scope));
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of("flag", item.get("flag"), "scope", item.get("scope"));
    }
}
