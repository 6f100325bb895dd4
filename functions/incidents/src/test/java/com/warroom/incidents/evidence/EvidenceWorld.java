package com.warroom.incidents.evidence;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.aws.AwsClients;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagStore;
import com.warroom.http.Caller;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.Posting;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.money.Money;
import com.warroom.payments.Customer;
import com.warroom.payments.NewOrder;
import com.warroom.payments.Order;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.PaymentEvent;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.Wallet;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Evidence over the embedded stack, with the rows written by their own writers' code: orders and payment events with
 * their schemas, payouts through {@link PayoutStore} (sealed), ledger entries through {@link Ledger} (the entries the
 * payment processor and the payout API post), audit entries through {@link AuditLog}, kill switches through
 * {@link FlagStore}; findings and tickets as the items their stores put. Every id is fresh, so tests sharing the JVM's
 * tables never meet.
 */
final class EvidenceWorld {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final AdjustableClock clock = AdjustableClock.startingAt(NOW);
    final DynamoDbClient dynamo;
    final DynamoDbEnhancedClient enhanced;
    final S3Client s3;
    final Sealer sealer = KmsSealer.forKey(Topology.SEALS);
    final Ledger ledger;
    final PayoutStore payouts;
    final FlagStore flags;
    final AuditLog audit;

    EvidenceWorld(EmbeddedStack stack) {
        this.dynamo = stack.dynamoDb();
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        this.s3 = AwsClients.s3();
        this.ledger = new Ledger(enhanced, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(), sealer, clock);
        this.payouts = new PayoutStore(enhanced, Topology.PAYOUTS.localName());
        this.flags = new FlagStore(enhanced, Topology.FLAGS.localName(), sealer, clock);
        this.audit = new AuditLog(enhanced, Topology.AUDIT.localName(), sealer, clock);
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String hexId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    static EvidenceTables tables() {
        return new EvidenceTables(Topology.ORDERS.localName(), Topology.PAYMENT_EVENTS.localName(), Topology.PAYOUTS.localName(),
                Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(), Topology.AUDIT.localName(),
                Topology.FLAGS.localName(), Topology.RECONCILE_FINDINGS.localName(), Topology.TICKETS.localName());
    }

    EvidenceBucket bucket() {
        return new EvidenceBucket(s3, Topology.EVIDENCE.localName());
    }

    EvidenceCollector collector(Path logDir) {
        return new EvidenceCollector(new EvidenceRows(dynamo, tables()), new LocalLogSearch(logDir), bucket(), clock);
    }

    EvidenceCollector collector(Path logDir, Supplier<String> ids) {
        return new EvidenceCollector(new EvidenceRows(dynamo, tables()), new LocalLogSearch(logDir), bucket(), clock, ids);
    }

    // ---- rows

    /** An order created {@code age} ago, PAID two minutes later with its ledger entry, and Midtrans's notification. */
    Order paidOrder(String orderId, String userId, Duration age) {
        Instant created = clock.instant().minus(age);
        Order order = Order.pending(new NewOrder(orderId, userId, "course-" + orderId, new Money("IDR", 15_000_000),
                new Customer(Optional.of(userId + "@example.test"), Optional.empty())), created)
                .moved(OrderStatus.PAID, created.plus(Duration.ofMinutes(2)));
        enhanced.table(Topology.ORDERS.localName(), Order.SCHEMA).putItem(order);
        String raw = "{\"order_id\":\"" + orderId + "\",\"transaction_status\":\"settlement\",\"gross_amount\":\"150000.00\"}";
        enhanced.table(Topology.PAYMENT_EVENTS.localName(), PaymentEvent.SCHEMA).putItem(new PaymentEvent(orderId,
                "notification:tx-" + orderId + ":settlement", PaymentEvent.NOTIFICATION,
                SortableTime.format(created.plus(Duration.ofMinutes(1))), raw, null, "tx-" + orderId));
        // as the payment processor posts a PAID order: the PSP's clearing account to revenue
        ledger.post(new JournalEntry("order-paid:" + orderId, created.plus(Duration.ofMinutes(2)), "order:" + orderId,
                List.of(new Posting(new AccountId("psp_clearing:midtrans"), new Money("IDR", -15_000_000)),
                        new Posting(new AccountId("revenue:courses"), new Money("IDR", 15_000_000)))));
        return order;
    }

    /** A payout accepted {@code age} ago with its hold, as the payout API accepts one (the treasury opened first). */
    Payout heldPayout(String payoutId, String userId, Duration age) {
        Instant created = clock.instant().minus(age);
        Money amount = new Money("USDC", 25_000_000);
        ledger.post(PayoutJournal.opening("evm:1", new Money("USDC", 1_000_000_000_000L), created.minus(Duration.ofDays(90))));
        Payout accepted = new PayoutSeal(sealer).sealed(Payout.accepted(payoutId, new Payout.Request(userId, PayoutKind.values()[0].name(),
                amount, "ref-" + payoutId, Optional.empty(), "service"), new Wallet("evm:1", "0x" + "ab".repeat(20)),
                PayoutStatus.REQUESTED, Optional.empty(), created));
        payouts.commit(List.of(payouts.insert(accepted)));
        ledger.post(PayoutJournal.hold(accepted, created));
        return accepted;
    }

    /** EXP granted to the user {@code age} ago, as the ticket desk's reward posts it. */
    void expGranted(String userId, String ticketId, long exp, Duration age) {
        ledger.post(new JournalEntry("exp-reward:" + ticketId, clock.instant().minus(age), "ticket:" + ticketId,
                List.of(new Posting(new AccountId("exp_clearing:rewards"), new Money("EXP", -exp)),
                        new Posting(new AccountId("exp:" + userId), new Money("EXP", exp)))));
    }

    /** An audit entry about {@code target}, {@code age} ago. */
    void audited(String target, String action, Duration age) {
        Instant at = clock.instant();
        clock.advance(age.negated());
        try {
            AuditDraft draft = new AuditDraft(new Caller("ops-1", "ops-1@warroom.test", Set.of(Role.OPS)), action, target, null,
                    "{\"note\":\"" + action + "\"}", "evidence test", new RequestOrigin("req-" + UUID.randomUUID(), "127.0.0.1"));
            audit.commit(seq -> new AuditedChange.Write<>(List.of(), draft, entry -> entry));
        } finally {
            clock.advance(Duration.between(clock.instant(), at));
        }
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

    /** A reconcile finding's item, as the findings store writes it. */
    void finding(String findingId, String subject) {
        dynamo.putItem(b -> b.tableName(Topology.RECONCILE_FINDINGS.localName()).item(Map.of(
                "findingId", AttributeValue.fromS(findingId), "check", AttributeValue.fromS("order-paid-has-entitlement"),
                "subject", AttributeValue.fromS(subject), "risk", AttributeValue.fromS("HIGH"),
                "status", AttributeValue.fromS("OPEN"), "firstSeenAt", AttributeValue.fromS(clock.instant().toString()))));
    }

    /** A ticket item and one history item of it. */
    void ticket(String ticketId, String userId) {
        dynamo.putItem(b -> b.tableName(Topology.TICKETS.localName()).item(Map.of(
                "ticketId", AttributeValue.fromS(ticketId), "item", AttributeValue.fromS("ticket"),
                "listKey", AttributeValue.fromS("ticket"), "userId", AttributeValue.fromS(userId),
                "status", AttributeValue.fromS("OPEN"), "title", AttributeValue.fromS("paid but no access"),
                "createdAt", AttributeValue.fromS(SortableTime.format(clock.instant())))));
        dynamo.putItem(b -> b.tableName(Topology.TICKETS.localName()).item(Map.of(
                "ticketId", AttributeValue.fromS(ticketId), "item", AttributeValue.fromS("comment#0001"),
                "body", AttributeValue.fromS("looking into it"))));
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(CanonicalJson.sha256(bytes));
    }
}
