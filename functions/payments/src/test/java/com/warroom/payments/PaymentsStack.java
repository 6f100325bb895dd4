package com.warroom.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.warroom.audit.AuditLog;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfigParser;
import com.warroom.http.Caller;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerWrite;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.LambdaQueue;
import com.warroom.money.Money;
import com.warroom.outbox.Notification;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.OutboxItem;
import com.warroom.payments.entitlements.EntitlementStore;
import com.warroom.payments.Customer;
import com.warroom.payments.NewOrder;
import com.warroom.payments.Order;
import com.warroom.payments.orders.OrderBook;
import com.warroom.payments.orders.OrderNotifications;
import com.warroom.payments.orders.OrderSeal;
import com.warroom.payments.orders.OrderStore;
import com.warroom.payments.orders.RegisterOutcome;
import com.warroom.payments.processor.Journal;
import com.warroom.payments.processor.MidtransClient;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * The payment functions' world in a test: the embedded stack's tables and queues through the real SDK clients, seals
 * through the local KMS, Midtrans's get-status API served by WireMock with Midtrans's documented answers, the config
 * seeded, an adjustable clock. The ledger and the outbox are built on first use.
 */
public final class PaymentsStack implements AutoCloseable {

    public static final String LOCAL_KEY = "SB-Mid-server-warroom-local-only";
    public static final Money PRICE = new Money("IDR", 15_000_000);

    public final EmbeddedStack stack;
    public final DynamoDbEnhancedClient dynamo;
    public final KmsSealer sealer;
    public final AdjustableClock clock;
    public final WireMockServer midtrans;
    public final MidtransClient midtransClient;
    public final OrderStore orders;
    public final OrderSeal seal;
    public final PaymentEvents events;
    public final ReviewStore reviews;
    public final EntitlementStore entitlements;
    public final ConfigStore config;
    public final Journal journal = entry -> ledger().prepare(entry);
    public final OrderNotifications notifications = new OrderNotifications() {
        @Override
        public Consumer<TransactWriteItemsEnhancedRequest.Builder> create(Notification notification) {
            return outbox().create(notification);
        }

        @Override
        public List<OutboxItem> forOrder(String orderId) {
            return outbox().forOrder(orderId);
        }
    };
    private final String checksUrl;
    private Ledger ledger;
    private Outbox outbox;

    public PaymentsStack(EmbeddedStack stack, Instant start) {
        this.stack = stack;
        this.dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        this.sealer = KmsSealer.forKey(Topology.SEALS);
        this.clock = AdjustableClock.startingAt(start);
        this.midtrans = new WireMockServer(WireMockConfiguration.options().bindAddress(EmbeddedStack.LOOPBACK).dynamicPort());
        midtrans.start();
        this.midtransClient = new MidtransClient(MidtransClient.httpClient(), URI.create(midtrans.baseUrl()), () -> LOCAL_KEY,
                Duration.ofSeconds(2));
        this.orders = new OrderStore(dynamo, Topology.ORDERS.localName());
        this.seal = new OrderSeal(sealer);
        this.events = new PaymentEvents(dynamo, Topology.PAYMENT_EVENTS.localName());
        this.reviews = new ReviewStore(dynamo, Topology.PAYMENT_REVIEWS.localName());
        this.entitlements = new EntitlementStore(dynamo, Topology.ENTITLEMENTS.localName());
        this.config = new ConfigStore(dynamo, Topology.CONFIG.localName(), clock);
        this.checksUrl = queueUrl(Topology.PAYMENT_CHECKS.urlEnvVar());
        seedConfig();
    }

    @Override
    public void close() {
        midtrans.stop();
    }

    public synchronized Ledger ledger() {
        if (ledger == null) {
            ledger = new Ledger(dynamo, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(), sealer, clock);
        }
        return ledger;
    }

    public synchronized Outbox outbox() {
        if (outbox == null) {
            outbox = new Outbox(dynamo, Topology.OUTBOX.localName(), clock);
        }
        return outbox;
    }

    /** What the ledger would write for an entry, for tests that check it was already posted. */
    public LedgerWrite prepare(com.warroom.ledger.JournalEntry entry) {
        return ledger().prepare(entry);
    }

    /** The ledger lines of {@code entryId} on {@code account} (through the ledger's own statement). */
    public List<com.warroom.ledger.AccountStatement.Line> ledgerLines(String account, String entryId) {
        List<com.warroom.ledger.AccountStatement.Line> lines = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var statement = ledger().statement(new com.warroom.ledger.AccountId(account), cursor, 100);
            statement.lines().stream().filter(l -> l.entryId().equals(entryId)).forEach(lines::add);
            cursor = statement.nextCursor();
        } while (cursor.isPresent());
        return lines;
    }

    /** The order's notifications in the outbox. */
    public List<OutboxItem> outboxItems(String orderId) {
        return outbox().forOrder(orderId);
    }

    /** The outbox ids handed to the sender (the notifications queue's messages), taken off the queue. */
    public List<String> dispatched() {
        return drainQueue(queueUrl(Topology.NOTIFICATIONS.urlEnvVar())).stream()
                .map(body -> com.warroom.json.Json.readTree(body).path("outboxId").asText()).toList();
    }

    // ---- orders

    public static String newOrderId() {
        return "O-" + UUID.randomUUID().toString().substring(0, 18);
    }

    public Order register(String orderId) {
        return register(orderId, "u-" + orderId, "course:python-101", PRICE);
    }

    public Order register(String orderId, String userId, String item, Money amount) {
        var outcome = new OrderBook(orders, seal, clock).register(new NewOrder(orderId, userId, item, amount,
                new Customer(Optional.of(userId + "@example.id"), Optional.empty())));
        return ((RegisterOutcome.Created) outcome).order();
    }

    public Order order(String orderId) {
        return orders.find(orderId).orElseThrow();
    }

    public List<PaymentEvent> checksOf(String orderId) {
        return events.forOrder(orderId).stream().filter(PaymentEvent::isCheck).toList();
    }

    public List<PaymentReview> reviewsOf(String orderId) {
        List<PaymentReview> found = new ArrayList<>();
        Optional<ReviewStore.PageKey> after = Optional.empty();
        do {
            ReviewStore.Listing page = reviews.newest(PaymentReview.OPEN, 100, after);
            page.reviews().stream().filter(r -> r.orderId().equals(orderId)).forEach(found::add);
            after = page.next();
        } while (after.isPresent());
        return found;
    }

    /** Puts a notification as the webhook intake stores it, and answers the check the intake would queue. */
    public PaymentCheck notified(String notificationJson) {
        var parsed = (MidtransNotification.Parsed.Valid) MidtransNotification.parse(notificationJson);
        events.append(PaymentEvent.notification(parsed.notification(), clock.instant()));
        return PaymentCheck.webhook(parsed.notification().orderId(), parsed.notification().eventKey());
    }

    // ---- Midtrans

    /** Midtrans answers get-status of the order with {@code body} (HTTP 200) from now on. */
    public void midtransSays(String orderId, String body) {
        midtransAnswers(orderId, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
    }

    public void midtransAnswers(String orderId, ResponseDefinitionBuilder response) {
        midtrans.stubFor(get(urlPathEqualTo("/v2/" + orderId + "/status")).willReturn(response));
    }

    public int midtransCallsFor(String orderId) {
        return midtrans.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v2/" + orderId + "/status")).build()).getCount();
    }

    // ---- the payment-checks queue, as Lambda's event source mapping hands it over

    public void purgeChecks() {
        drainQueue(checksUrl);
    }

    public void send(PaymentCheck check) {
        new PaymentCheckQueue(stack.sqs(), checksUrl).send(check);
    }

    /** Up to ten messages off the payment-checks queue (invisible for {@code visibility}), as the SQS event Lambda gives. */
    public SQSEvent receiveChecks(int visibilitySeconds) {
        return receive(checksUrl, visibilitySeconds);
    }

    public SQSEvent receive(String queueUrl, int visibilitySeconds) {
        return queue(queueUrl).receive(visibilitySeconds);
    }

    /**
     * What Lambda does with a batch's answer: deletes the messages that did not fail; a failed one comes back once its
     * visibility ends, here at once (the test does not wait out the queue's two minutes).
     */
    public void settle(String queueUrl, SQSEvent batch, SQSBatchResponse answer) {
        queue(queueUrl).settle(batch, answer);
    }

    /** Hands every message on the payment-checks queue to {@code consumer} until the queue is empty; answers the batches. */
    public int drainChecks(Function<SQSEvent, SQSBatchResponse> consumer) {
        int batches = 0;
        while (true) {
            batches += queue(checksUrl).drainVisible(consumer, Integer.MAX_VALUE);
            if (messagesIn(checksUrl) == 0) {
                return batches;
            }
        }
    }

    public String checksUrl() {
        return checksUrl;
    }

    public String queueUrl(String envVar) {
        return stack.settings(Topology.warroom()).get(envVar);
    }

    public int messagesIn(String queueUrl) {
        return queue(queueUrl).messages();
    }

    /** Every message on a queue, taken off it. */
    public List<String> drainQueue(String queueUrl) {
        return queue(queueUrl).drainBodies();
    }

    private LambdaQueue queue(String queueUrl) {
        return new LambdaQueue(stack.sqs(), queueUrl, stack.region());
    }

    // ---- config

    private void seedConfig() {
        if (config.newest().isPresent()) {
            return;
        }
        var seed = (ConfigOutcome.Valid) SeedConfigParser.load(Path.of("../../config/seed-v1.json"));
        new ConfigSeeder(config, new AuditLog(dynamo, Topology.AUDIT.localName(), sealer, clock)).seed(seed.config(),
                new Caller("warroom-test", "test@warroom.test", Set.of(Role.SUPER_ADMIN)),
                new ConfigSeeder.SeedSource("seed:config/seed-v1.json", new RequestOrigin("test", "127.0.0.1")));
    }
}
