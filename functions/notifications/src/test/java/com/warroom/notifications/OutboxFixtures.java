package com.warroom.notifications;

import com.warroom.aws.Settings;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagStore;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.outbox.Notification;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.OutboxRecord;
import com.warroom.outbox.OutboxStatus;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/** Outbox items made as the PAID transition makes them (a transaction write), and flag states for the reminder gate. */
public final class OutboxFixtures {

    public static final Map<String, String> FACTS = Map.of("amount", "150000.00", "currency", "IDR", "item", "course:intro-java");

    private final DynamoDbEnhancedClient dynamo;
    private final Outbox outbox;

    public OutboxFixtures(EmbeddedStack stack) {
        this.dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        this.outbox = new Outbox(dynamo, Topology.OUTBOX.localName(), Clock.systemUTC());
    }

    public DynamoDbEnhancedClient dynamo() {
        return dynamo;
    }

    public Outbox outbox() {
        return outbox;
    }

    public static String orderId() {
        return "O-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static String email(String orderId) {
        return orderId.toLowerCase() + "@buyer.example";
    }

    /** A success notification of a new order with an email address; its outbox id. */
    public String paid(String orderId) {
        return create(new Notification(NotificationKind.PAYMENT_SUCCESS, orderId, "user-" + orderId, Optional.of(email(orderId)),
                Optional.empty(), FACTS));
    }

    public String create(Notification notification) {
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        outbox.create(notification).accept(transaction);
        dynamo.transactWriteItems(transaction.build());
        return notification.id();
    }

    public OutboxRecord stored(String id) {
        return outbox.find(id).orElseThrow();
    }

    /** A new item driven to FAILED the way the sender does it: claimed, then failed. */
    public String failed(String orderId, String error) {
        String id = paid(orderId);
        OutboxRecord claimed = outbox.claim(stored(id), stored(id).delivery().channel()).orElseThrow();
        outbox.settle(claimed, OutboxStatus.FAILED, Optional.of(error)).orElseThrow();
        return id;
    }

    /** Disables or enables the flag for one user, sealed as the kill-switch route writes it. */
    public void setFlagForUser(Flag flag, String userId, boolean enabled) {
        FlagStore store = new FlagStore(dynamo, Topology.FLAGS.localName(),
                new KmsSealer(com.warroom.aws.AwsClients.kms(), Settings.require(Topology.SEALS.idEnvVar())), Clock.systemUTC());
        for (int attempt = 0; attempt < 10; attempt++) {
            if (store.load() instanceof FlagStore.Load.Trusted trusted) {
                FlagScope scope = new FlagScope.User(userId);
                FlagRecord current = trusted.current(flag, scope);
                FlagRecord next = new FlagRecord(flag.key(), scope.key(), enabled, "reminders paused for this test user", "ops-test",
                        "ops-test@warroom.test", Instant.now().atOffset(ZoneOffset.UTC).toInstant().toString(), current.version() + 1, 0);
                var transaction = TransactWriteItemsEnhancedRequest.builder();
                store.change(trusted, next).forEach(write -> write.accept(transaction));
                try {
                    dynamo.transactWriteItems(transaction.build());
                    return;
                } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException raced) {
                    // another test changed a flag meanwhile: load again
                }
            }
        }
        throw new IllegalStateException("could not set " + flag.key() + " for " + userId);
    }
}
