package com.warroom.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.audit.AuditLog;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfigParser;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.Ledger;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.LambdaQueue;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.platform.ingest.DeadLetters;
import com.warroom.platform.ingest.PlatformEventIngest;
import com.warroom.platform.ingest.PlatformEventStore;
import com.warroom.platform.ingest.RoundStore;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Seal;
import com.warroom.seal.Sealer;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The platform events' world in a test: the embedded stack's tables and queues through the real SDK clients, seals
 * through the local KMS (behind a switch that can make them unavailable), the config seeded, an adjustable clock; the
 * ingest and the route built as their handlers build them, and readers of what they wrote.
 */
public final class PlatformStack {

    public static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    public final EmbeddedStack stack;
    public final DynamoDbEnhancedClient dynamo;
    public final AdjustableClock clock = AdjustableClock.startingAt(NOW);
    public final FlakySealer sealer = new FlakySealer(KmsSealer.forKey(Topology.SEALS));
    public final Ledger ledger;
    public final PlatformEventStore events;
    public final RoundStore rounds;
    public final PlatformEventIngest ingest;
    public final LambdaQueue queue;
    public final String dlqUrl;

    public PlatformStack(EmbeddedStack stack) {
        this.stack = stack;
        this.dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        this.ledger = new Ledger(dynamo, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(), sealer, clock);
        this.events = new PlatformEventStore(dynamo, Topology.PLATFORM_EVENTS.localName());
        this.rounds = new RoundStore(dynamo, Topology.ROUNDS.localName());
        Map<String, String> settings = stack.settings(Topology.warroom());
        this.queue = new LambdaQueue(stack.sqs(), settings.get(Topology.PLATFORM_EVENT_QUEUE.urlEnvVar()), stack.region());
        this.dlqUrl = settings.get(Topology.PLATFORM_EVENT_QUEUE.dlqUrlEnvVar());
        ConfigStore config = new ConfigStore(dynamo, Topology.CONFIG.localName(), clock);
        seedConfig(config);
        this.ingest = new PlatformEventIngest(new PlatformEventIngest.Stores(dynamo, events, rounds, new FeeRuleBook(config)),
                ledger::prepare, new DeadLetters(stack.sqs(), dlqUrl), Topology.PLATFORM_EVENT_QUEUE.maxReceiveCount(), clock);
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    // ---- events

    /** A detail object from alternating names and values (a value null leaves the field out). */
    public static ObjectNode detail(Object... namesAndValues) {
        ObjectNode node = Json.mapper().createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                node.set((String) namesAndValues[i], Json.mapper().valueToTree(value));
            }
        }
        return node;
    }

    public static ObjectNode contribution(String roundId, String userId, String amount, String asset) {
        return detail("roundId", roundId, "userId", userId, "amount", amount, "asset", asset, "txHash", "0x" + "ab".repeat(32));
    }

    public static ObjectNode refund(String roundId, String userId, String amount, String asset) {
        return detail("roundId", roundId, "userId", userId, "amount", amount, "asset", asset, "reference", "refund:" + roundId + ":" + userId);
    }

    public static ObjectNode fee(String ruleId, String amount, String asset) {
        return detail("ruleId", ruleId, "amount", amount, "asset", asset, "reference", "fee:" + UUID.randomUUID());
    }

    public static ObjectNode referral(String userId, String amount, String asset) {
        return detail("userId", userId, "amount", amount, "asset", asset, "reference", "referral:" + userId);
    }

    public static ObjectNode finalization(String roundId, String totalRaised, String asset, long contributorCount) {
        return detail("roundId", roundId, "totalRaised", totalRaised, "asset", asset, "contributorCount", contributorCount);
    }

    /** The EventBridge event EventBridge delivers to SQS for a platform event. */
    public static String eventBridge(String id, String detailType, ObjectNode detail) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", detailType);
        event.put("source", "warroom.platform");
        event.put("account", "123456789012");
        event.put("time", "2026-12-01T07:59:58Z");
        event.put("region", "ap-southeast-1");
        event.put("resources", List.of());
        event.put("detail", detail);
        return Json.write(event);
    }

    /** Takes in one event body the first time it is received. */
    public PlatformEventIngest.Outcome take(String body) {
        return ingest.take(body, 1);
    }

    // ---- the queue and its dead letters

    /** Sends a body to the platform-events queue, as the bus's rule (or the route) does. */
    public void send(String body) {
        stack.sqs().sendMessage(b -> b.queueUrl(queue.url()).messageBody(body));
    }

    /** Hands the queue's visible messages to the handler batch by batch, settling each answer as Lambda does; answers the failures. */
    public List<String> drainThrough(Function<SQSEvent, SQSBatchResponse> handler) {
        List<String> failed = new ArrayList<>();
        while (true) {
            SQSEvent batch = queue.receive(120);
            if (batch.getRecords().isEmpty()) {
                return failed;
            }
            SQSBatchResponse answer = handler.apply(batch);
            answer.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            queue.settle(batch, answer);
            if (!answer.getBatchItemFailures().isEmpty()) {
                return failed;
            }
        }
    }

    /** The bodies on the platform-events queue now, taken off it. */
    public List<String> drainQueue() {
        return queue.drainBodies();
    }

    /** A message parked in the dead-letter queue: its body and its attributes. */
    public record DeadLetter(String body, Map<String, String> attributes) {
        public String reason() {
            return attributes.get("reason");
        }
    }

    /** Every message in the dead-letter queue now, taken off it. */
    public List<DeadLetter> drainDeadLetters() {
        List<DeadLetter> letters = new ArrayList<>();
        while (true) {
            List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .visibilityTimeout(30).messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                return letters;
            }
            for (Message m : messages) {
                Map<String, String> attributes = new LinkedHashMap<>();
                m.messageAttributes().forEach((name, value) -> attributes.put(name, value.stringValue()));
                letters.add(new DeadLetter(m.body(), attributes));
                stack.sqs().deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    // ---- what was written

    /** The account's balance in the currency (0 when never posted). */
    public long balance(String account, String currency) {
        return ledger.statement(new AccountId(account), Optional.empty(), 1).balances().stream()
                .filter(b -> b.currency().equals(currency)).mapToLong(b -> b.minor()).findFirst().orElse(0);
    }

    public boolean posted(String entryId) {
        return ledger.posted(List.of(entryId)).contains(entryId);
    }

    // ---- the handlers

    public static com.amazonaws.services.lambda.runtime.Context context(String function) {
        return LocalLambdaContext.of(function, 1024, 60);
    }

    /** A request to the route as a caller with {@code roles}, or with no token when none are given. */
    public static APIGatewayV2HTTPEvent post(String body, Role... roles) {
        var event = com.warroom.local.stack.HttpEvents.route("POST /v1/platform/events");
        if (roles.length > 0) {
            event.caller("platform", roles);
        }
        return event.body(body).build();
    }

    public static ObjectNode json(APIGatewayV2HTTPResponse response) {
        return (ObjectNode) Json.readTree(response.getBody());
    }

    // ---- config

    private void seedConfig(ConfigStore config) {
        if (config.newest().isPresent()) {
            return;
        }
        var seed = (ConfigOutcome.Valid) SeedConfigParser.load(Path.of("../../config/seed-v1.json"));
        new ConfigSeeder(config, new AuditLog(dynamo, Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS), clock))
                .seed(seed.config(), new Caller("warroom-test", "test@warroom.test", Set.of(Role.SUPER_ADMIN)),
                        new ConfigSeeder.SeedSource("seed:config/seed-v1.json", new RequestOrigin("test", "127.0.0.1")));
    }

    /** The local KMS, unless switched off: then every seal and check is unavailable, as when KMS does not answer. */
    public static final class FlakySealer implements Sealer {
        private final Sealer kms;
        private final AtomicInteger failuresLeft = new AtomicInteger();

        FlakySealer(Sealer kms) {
            this.kms = kms;
        }

        /** The next {@code n} seals or checks fail as unavailable. */
        public void failNext(int n) {
            failuresLeft.set(n);
        }

        @Override
        public Seal seal(byte[] canonicalBytes) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new SealingUnavailable("KMS is unavailable (test)", null);
            }
            return kms.seal(canonicalBytes);
        }

        @Override
        public Verification verify(byte[] canonicalBytes, Seal seal) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return new Verification.Unavailable("KMS is unavailable (test)");
            }
            return kms.verify(canonicalBytes, seal);
        }
    }
}
