package com.warroom.support.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagStore;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.money.Money;
import com.warroom.payments.Customer;
import com.warroom.payments.Entitlement;
import com.warroom.payments.NewOrder;
import com.warroom.payments.Order;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.PaymentEvent;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.UserStore;
import com.warroom.payouts.Wallet;
import com.warroom.payouts.WalletSeal;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The lookup over the embedded stack, with the rows written as their own writers write them: users through
 * {@link UserStore} (wallet sealed), orders and payment events and entitlements with their schemas, payouts through
 * {@link PayoutStore} (sealed), platform events, reconcile findings and tickets as the items their stores put, kill
 * switches through {@link FlagStore} (sealed). Every id is fresh, so tests sharing the JVM's tables never meet.
 */
final class LookupWorld {

    static final String ROUTE = LookupAction.ROUTE;
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final EmbeddedStack stack;
    final AdjustableClock clock = AdjustableClock.startingAt(NOW);
    final DynamoDbEnhancedClient enhanced;
    final DynamoDbClient dynamo;
    final Sealer sealer = KmsSealer.forKey(Topology.SEALS);
    final SupportLookup lookup;
    final SupportLookupHandler handler;
    private final UserStore users;
    private final PayoutStore payouts;
    private final FlagStore flags;
    final AuditTrail audit;

    LookupWorld(EmbeddedStack stack) {
        this.stack = stack;
        this.dynamo = stack.dynamoDb();
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        this.users = new UserStore(enhanced, Topology.USERS.localName());
        this.payouts = new PayoutStore(enhanced, Topology.PAYOUTS.localName());
        this.flags = new FlagStore(enhanced, Topology.FLAGS.localName(), sealer, clock);
        this.audit = AuditTrail.fromSettings(enhanced);
        LookupTables tables = new LookupTables(Topology.USERS.localName(), Topology.ORDERS.localName(),
                Topology.PAYMENT_EVENTS.localName(), Topology.PAYOUTS.localName(), Topology.PLATFORM_EVENTS.localName(),
                Topology.ENTITLEMENTS.localName(), Topology.FLAGS.localName(), Topology.RECONCILE_FINDINGS.localName(),
                Topology.TICKETS.localName());
        this.lookup = new SupportLookup(new LookupStore(enhanced, dynamo, tables, flags),
                new LookupAudit(new AuditLog(enhanced, Topology.AUDIT.localName(), sealer, clock)), clock);
        this.handler = new SupportLookupHandler(lookup);
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh EVM address in EIP-55-like mixed case, so that lookups in another case are tested. */
    static String evmAddress() {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40);
        StringBuilder mixed = new StringBuilder("0x");
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            mixed.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }

    static String evmTxHash() {
        return "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    static String solanaAddress() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        key[0] = (byte) (key[0] | 0x40);
        return com.warroom.config.Base58.encode(key);
    }

    static String solanaSignature() {
        byte[] signature = new byte[64];
        new java.security.SecureRandom().nextBytes(signature);
        signature[0] = (byte) (signature[0] | 0x40);
        return com.warroom.config.Base58.encode(signature);
    }

    // ---- rows

    UserProfile user(String userId, Wallet wallet, String kycStatus, Optional<String> kycReason, Optional<Instant> coolingOffUntil) {
        UserProfile profile = new WalletSeal(sealer).sealed(new UserProfile(userId, wallet, clock.instant().minus(Duration.ofDays(30)),
                coolingOffUntil, new UserProfile.Standing(true, kycStatus, kycReason, 2), clock.instant(), 1, null));
        var request = TransactWriteItemsEnhancedRequest.builder();
        users.put(Optional.empty(), profile).accept(request);
        enhanced.transactWriteItems(request.build());
        return profile;
    }

    UserProfile user(String userId, Wallet wallet) {
        return user(userId, wallet, "APPROVED", Optional.empty(), Optional.empty());
    }

    Order order(String orderId, String userId, String item, OrderStatus status, Optional<String> email, Duration age) {
        Instant created = clock.instant().minus(age);
        Order pending = Order.pending(new NewOrder(orderId, userId, item, new Money("IDR", 15_000_000),
                new Customer(email, Optional.of("+6281234567890"))), created);
        Order order = status == OrderStatus.PENDING ? pending : pending.moved(status, created.plus(Duration.ofMinutes(2)));
        orders().putItem(order);
        return order;
    }

    void entitlement(String userId, String item, String orderId) {
        enhanced.table(Topology.ENTITLEMENTS.localName(), Entitlement.SCHEMA)
                .putItem(new Entitlement(userId, item, orderId, SortableTime.format(clock.instant()), Optional.empty()));
    }

    void midtransNotification(String orderId, String transactionId) {
        String raw = "{\"order_id\":\"" + orderId + "\",\"transaction_id\":\"" + transactionId
                + "\",\"transaction_status\":\"settlement\",\"status_code\":\"200\",\"gross_amount\":\"150000.00\"}";
        enhanced.table(Topology.PAYMENT_EVENTS.localName(), PaymentEvent.SCHEMA).putItem(new PaymentEvent(orderId,
                "notification:" + transactionId + ":settlement", PaymentEvent.NOTIFICATION, SortableTime.format(clock.instant()), raw,
                null, transactionId));
    }

    /** A payout as accepted, then moved to {@code status} {@code age} ago with what the rail said. */
    Payout payout(String payoutId, String userId, PayoutKind kind, Wallet destination, PayoutStatus status, Duration age,
                  Optional<String> railStatus, Optional<String> txHash, Optional<String> reason) {
        Instant created = clock.instant().minus(age);
        Payout accepted = new PayoutSeal(sealer).sealed(Payout.accepted(payoutId, new Payout.Request(userId, kind.name(),
                new Money("USDC", 25_000_000), "ref-" + payoutId, Optional.of("round-7"), "service"), destination,
                PayoutStatus.REQUESTED, Optional.empty(), created));
        payouts.commit(List.of(payouts.insert(accepted)));
        if (status != PayoutStatus.REQUESTED) {
            Payout.Progress progress = new Payout.Progress(status.name(), 1, 1, Optional.of("rail-" + payoutId), railStatus, txHash,
                    reason, Optional.empty(), Optional.empty());
            payouts.commit(List.of(payouts.replace(accepted, accepted.moved(progress, created))));
        }
        return payouts.find(payoutId).orElseThrow();
    }

    /** A platform event's item as the ingest puts it. */
    void platformEvent(String eventId, String type, String userId, String detail, Optional<String> txHash, Duration age) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("eventId", AttributeValue.fromS(eventId));
        item.put("type", AttributeValue.fromS(type));
        item.put("occurredAt", AttributeValue.fromS(SortableTime.format(clock.instant().minus(age))));
        item.put("receivedAt", AttributeValue.fromS(SortableTime.format(clock.instant())));
        item.put("detail", AttributeValue.fromS(detail));
        item.put("userId", AttributeValue.fromS(userId));
        txHash.ifPresent(hash -> item.put("txHash", AttributeValue.fromS(hash)));
        dynamo.putItem(b -> b.tableName(Topology.PLATFORM_EVENTS.localName()).item(item));
    }

    /** A reconcile finding's item, the attributes the findings store writes that a card reads. */
    void finding(String findingId, String check, String subject, String status) {
        dynamo.putItem(b -> b.tableName(Topology.RECONCILE_FINDINGS.localName()).item(Map.of(
                "findingId", AttributeValue.fromS(findingId), "check", AttributeValue.fromS(check),
                "subject", AttributeValue.fromS(subject), "risk", AttributeValue.fromS("HIGH"),
                "status", AttributeValue.fromS(status), "firstSeenAt", AttributeValue.fromS(clock.instant().toString()))));
    }

    /** A ticket item with the attributes the plan fixes for it (its history items carry no index keys). */
    void ticket(String ticketId, String userId, String type, String title, String status) {
        dynamo.putItem(b -> b.tableName(Topology.TICKETS.localName()).item(Map.of(
                "ticketId", AttributeValue.fromS(ticketId), "item", AttributeValue.fromS("ticket"),
                "listKey", AttributeValue.fromS("ticket"), "userId", AttributeValue.fromS(userId),
                "type", AttributeValue.fromS(type), "title", AttributeValue.fromS(title), "status", AttributeValue.fromS(status),
                "priority", AttributeValue.fromS("HIGH"), "createdAt", AttributeValue.fromS(SortableTime.format(clock.instant())))));
        // a history item of the same ticket: no index keys, so the lookup never sees it
        dynamo.putItem(b -> b.tableName(Topology.TICKETS.localName()).item(Map.of(
                "ticketId", AttributeValue.fromS(ticketId), "item", AttributeValue.fromS("comment#0001"),
                "body", AttributeValue.fromS("looking into it"))));
    }

    /** Turns a kill switch off in one scope, sealed as the flag toggle seals it. */
    void disable(Flag flag, FlagScope scope, String reason) {
        FlagStore.Load.Trusted trusted = (FlagStore.Load.Trusted) flags.load();
        FlagRecord current = trusted.current(flag, scope);
        FlagRecord next = new FlagRecord(flag.key(), scope.key(), false, reason, "ops-1", "ops-1@warroom.test",
                SortableTime.format(clock.instant()), current.version() + 1, 0);
        var request = TransactWriteItemsEnhancedRequest.builder();
        flags.change(trusted, next).forEach(write -> write.accept(request));
        enhanced.transactWriteItems(request.build());
    }

    DynamoDbTable<Order> orders() {
        return enhanced.table(Topology.ORDERS.localName(), Order.SCHEMA);
    }

    // ---- calls

    APIGatewayV2HTTPResponse lookup(String q, String sub, Role... roles) {
        HttpEvents event = HttpEvents.route(ROUTE).caller(sub, roles);
        if (q != null) {
            event.query("q", q);
        }
        return handler.handleRequest(event.build(), LocalLambdaContext.of(Topology.SUPPORT_LOOKUP.name(), 512, 10));
    }

    JsonNode card(String q, Role role) {
        APIGatewayV2HTTPResponse response = lookup(q, fresh(role.claimValue()), role);
        if (response.getStatusCode() != 200) {
            throw new AssertionError("lookup of " + q + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return Json.readTree(response.getBody());
    }

    List<AuditEntry> auditBy(String sub) {
        return audit.newest(new AuditQuery(Optional.empty(), Optional.of(sub), 50, Optional.empty()));
    }
}
