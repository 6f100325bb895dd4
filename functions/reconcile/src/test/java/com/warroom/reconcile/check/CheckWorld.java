package com.warroom.reconcile.check;

import com.warroom.audit.AuditLog;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfigParser;
import com.warroom.flags.FlagStore;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerWrite;
import com.warroom.ledger.Posting;
import com.warroom.ledger.PostingOutcome;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.payments.entitlements.EntitlementStore;
import com.warroom.payments.Customer;
import com.warroom.payments.NewOrder;
import com.warroom.payments.Order;
import com.warroom.payments.orders.OrderSeal;
import com.warroom.payments.orders.OrderStore;
import com.warroom.payments.Revenue;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.UserStore;
import com.warroom.payouts.Wallet;
import com.warroom.payouts.WalletSeal;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Role;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The checks' world in a test: the embedded stack's tables through the real SDK, seals through the local KMS, the
 * config seeded, an adjustable clock. Records are written through the real stores and the ledger as the functions
 * write them; platform events in the shape the ingest writes (item, ledger entry {@code platform:<eventId>}, round
 * totals). {@link #run} plays a reconcile run: parallel scans of each table a check reads, in segments, each folded
 * into its own aggregate, stored as JSON, read back and merged in shuffled order, then compared.
 */
final class CheckWorld {

    static final String CHAIN = "evm:1";
    static final String USER_ADDRESS = "0x8617E340B3D01FA5F11F306F4090FD50E238070D";
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** The tables the scanning checks read, emptied before each test (the checks see whole tables). */
    static final List<TableDef> SCANNED = List.of(Topology.LEDGER_BALANCES, Topology.LEDGER_ENTRIES, Topology.PAYOUTS,
            Topology.USERS, Topology.ORDERS, Topology.ENTITLEMENTS, Topology.PAYMENT_REVIEWS, Topology.PLATFORM_EVENTS,
            Topology.ROUNDS);

    final EmbeddedStack stack;
    final DynamoDbClient raw;
    final DynamoDbEnhancedClient dynamo;
    final KmsSealer sealer;
    final AdjustableClock clock;
    final ConfigStore config;
    final Ledger ledger;
    final PayoutStore payouts;
    final UserStore users;
    final PayoutSeal payoutSeal;
    final WalletSeal walletSeal;
    final FlagStore flags;
    final OrderStore orders;
    final OrderSeal orderSeal;
    final EntitlementStore entitlements;

    CheckWorld(EmbeddedStack stack) {
        this.stack = stack;
        this.raw = stack.dynamoDb();
        this.dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(raw).build();
        this.sealer = KmsSealer.forKey(Topology.SEALS);
        this.clock = AdjustableClock.startingAt(Instant.parse("2026-11-30T03:00:00Z"));
        this.config = new ConfigStore(dynamo, Topology.CONFIG.localName(), clock);
        this.ledger = new Ledger(dynamo, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(), sealer, clock);
        this.payouts = new PayoutStore(dynamo, Topology.PAYOUTS.localName());
        this.users = new UserStore(dynamo, Topology.USERS.localName());
        this.payoutSeal = new PayoutSeal(sealer);
        this.walletSeal = new WalletSeal(sealer);
        this.flags = new FlagStore(dynamo, Topology.FLAGS.localName(), sealer, clock);
        this.orders = new OrderStore(dynamo, Topology.ORDERS.localName());
        this.orderSeal = new OrderSeal(sealer);
        this.entitlements = new EntitlementStore(dynamo, Topology.ENTITLEMENTS.localName());
        wipe();
        seedConfig();
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Money asset(String amount, String asset) {
        return ((DecimalAmount.Parsed.Valid) DecimalAmount.parsePositiveAsset(amount, asset)).money();
    }

    // ---- a run

    /** The run's context: started now, reconciling today's date in Jakarta. */
    RunContext context() {
        return new RunContext("run-" + UUID.randomUUID(), LocalDate.ofInstant(clock.instant(), JAKARTA), clock.instant());
    }

    List<FindingDraft> run(Check check) {
        return run(check, 1, new Random(1));
    }

    /**
     * The check over {@code segments} parallel-scan segments of each table it scans: each segment folded into a fresh
     * aggregate, stored as JSON text and read back, all merged in an order {@code shuffle} picks.
     */
    List<FindingDraft> run(Check check, int segments, Random shuffle) {
        List<String> stored = new ArrayList<>();
        for (TableDef table : check.scans()) {
            for (int segment = 0; segment < segments; segment++) {
                Aggregate aggregate = check.newAggregate();
                for (Map<String, AttributeValue> item : scan(table, segment, segments)) {
                    aggregate.fold(table, item);
                }
                stored.add(Json.write(aggregate.toJson()));
            }
        }
        Collections.shuffle(stored, shuffle);
        Aggregate merged = check.readAggregate(Json.readTree(Json.write(check.newAggregate().toJson())));
        for (String json : stored) {
            merged.merge(check.readAggregate(Json.readTree(json)));
        }
        return check.compare(merged, context());
    }

    List<Map<String, AttributeValue>> scan(TableDef table, int segment, int segments) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        raw.scanPaginator(ScanRequest.builder().tableName(table.localName()).segment(segment).totalSegments(segments)
                .consistentRead(true).build()).forEach(page -> items.addAll(page.items()));
        return items;
    }

    // ---- raw writes (what an insider or a bug writes)

    void putRaw(TableDef table, Map<String, AttributeValue> item) {
        raw.putItem(b -> b.tableName(table.localName()).item(item));
    }

    Map<String, AttributeValue> getRaw(TableDef table, Map<String, AttributeValue> key) {
        return raw.getItem(b -> b.tableName(table.localName()).key(key).consistentRead(true)).item();
    }

    // ---- money

    void post(JournalEntry entry) {
        PostingOutcome outcome = ledger.post(entry);
        if (!(outcome instanceof PostingOutcome.Posted)) {
            throw new IllegalStateException("the ledger did not post " + entry.id() + ": " + outcome);
        }
    }

    static Posting leg(String account, Money amount) {
        return new Posting(new AccountId(account), amount);
    }

    static Money negate(Money money) {
        return new Money(money.currency(), -money.minor());
    }

    /** Gives the treasury of {@link #CHAIN} and {@code asset} {@code amount} more from equity. */
    void fund(String asset, String amount) {
        Money money = asset(amount, asset);
        JournalEntry opening = PayoutJournal.opening(CHAIN, money, clock.instant());
        post(new JournalEntry("test-funding:" + UUID.randomUUID(), opening.at(), opening.cause(), opening.postings()));
    }

    // ---- users and payouts

    UserProfile user(String userId) {
        Optional<UserProfile> current = users.find(userId);
        Instant now = SortableTime.now(clock);
        UserProfile next = walletSeal.sealed(new UserProfile(userId, new Wallet(CHAIN, USER_ADDRESS), now.minus(Duration.ofDays(30)),
                Optional.empty(), new UserProfile.Standing(true, "APPROVED", Optional.empty(), 1), now,
                current.map(UserProfile::version).orElse(0L) + 1, null));
        TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
        users.put(current, next).accept(request);
        dynamo.transactWriteItems(request.build());
        return next;
    }

    /**
     * A payout accepted as the payouts route accepts one (sealed, REQUESTED, its hold in the same transaction; the
     * treasury funded with its amount first), then moved to {@code status} as the worker moves it (CONFIRMED pays the
     * hold, FAILED and CANCELLED release it, in the same transaction).
     */
    Payout payout(String payoutId, String userId, PayoutKind kind, String reference, String amount, PayoutStatus status) {
        fund("USDC", amount);
        Instant now = SortableTime.now(clock);
        Payout accepted = payoutSeal.sealed(Payout.accepted(payoutId, new Payout.Request(userId, kind.name(), asset(amount, "USDC"),
                reference, Optional.empty(), "platform-test"), new Wallet(CHAIN, USER_ADDRESS), PayoutStatus.REQUESTED,
                Optional.empty(), now));
        commit(List.of(payouts.insert(accepted)), Optional.of(PayoutJournal.hold(accepted, now)));
        if (status == PayoutStatus.REQUESTED) {
            return accepted;
        }
        Payout moved = accepted.moved(new Payout.Progress(status.name(), 1, 1, Optional.of("rail-" + payoutId),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), now);
        Optional<JournalEntry> entry = switch (status) {
            case CONFIRMED -> Optional.of(PayoutJournal.paid(moved, now));
            case FAILED, CANCELLED -> Optional.of(PayoutJournal.release(moved, now));
            default -> Optional.empty();
        };
        commit(List.of(payouts.replace(accepted, moved)), entry);
        return moved;
    }

    void commit(List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes, Optional<JournalEntry> entry) {
        for (int attempt = 0; attempt < 10; attempt++) {
            List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> all = new ArrayList<>(writes);
            if (entry.isPresent()) {
                if (!(ledger.prepare(entry.get()) instanceof LedgerWrite.Writes ledgerWrites)) {
                    throw new IllegalStateException("the ledger refused " + entry.get().id());
                }
                all.addAll(ledgerWrites.writes());
            }
            try {
                TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
                all.forEach(w -> w.accept(request));
                dynamo.transactWriteItems(request.build());
                return;
            } catch (TransactionCanceledException raced) {
                // prepared against balances that moved: prepare again
            }
        }
        throw new IllegalStateException("could not commit " + entry.map(JournalEntry::id).orElse("the writes"));
    }

    // ---- orders

    /**
     * An order registered (PENDING, sealed) then paid as the payment processor pays one: PAID, its ledger entry
     * {@code order-paid:<id>} from Midtrans's clearing account to the courses' revenue, and the user's entitlement, in
     * one transaction.
     */
    Order paidOrder(String orderId, String userId, String item, String amountIdr) {
        Instant now = SortableTime.now(clock);
        Money amount = DecimalAmount.tryParsePositive(amountIdr, "IDR").orElseThrow();
        Order pending = orderSeal.sealed(Order.pending(new NewOrder(orderId, userId, item, amount, Customer.NONE), now));
        if (!orders.insert(pending)) {
            throw new IllegalStateException("order " + orderId + " exists");
        }
        Order paid = orderSeal.sealed(pending.paid(new Revenue.Courses(), now));
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        writes.add(orders.replace(pending, paid));
        entitlements.grant(userId, item, orderId, now, entitlements.find(userId, item)).ifPresent(writes::add);
        commit(writes, Optional.of(new JournalEntry("order-paid:" + orderId, now, "order:" + orderId,
                List.of(leg("psp_clearing:midtrans", negate(amount)), leg("revenue:courses", amount)))));
        return paid;
    }

    // ---- platform events, in the shape the ingest writes them

    void platformEvent(String eventId, String type, Map<String, String> detail, Optional<JournalEntry> entry) {
        entry.ifPresent(this::post);
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put("eventId", AttributeValue.fromS(eventId));
        item.put("type", AttributeValue.fromS(type));
        item.put("occurredAt", AttributeValue.fromS(clock.instant().toString()));
        item.put("receivedAt", AttributeValue.fromS(clock.instant().toString()));
        item.put("detail", AttributeValue.fromS(Json.write(detail)));
        entry.ifPresent(e -> item.put("entryId", AttributeValue.fromS(e.id())));
        putRaw(Topology.PLATFORM_EVENTS, item);
    }

    JournalEntry platformEntry(String eventId, String type, List<Posting> legs) {
        return new JournalEntry("platform:" + eventId, clock.instant(), "platform:" + type + ":" + eventId, legs);
    }

    void contribution(String roundId, String userId, String amount, String assetName) {
        String eventId = newId("evt");
        Money money = asset(amount, assetName);
        platformEvent(eventId, "ContributionConfirmed", Map.of("roundId", roundId, "userId", userId, "amount", amount,
                "asset", assetName, "txHash", "0x" + eventId), Optional.of(platformEntry(eventId, "ContributionConfirmed",
                List.of(leg("contribution_clearing:" + assetName, negate(money)), leg("round_raised:" + roundId, money)))));
        boolean first = getRaw(Topology.ROUNDS, roundKey(roundId, "contributor#" + userId)) == null
                || getRaw(Topology.ROUNDS, roundKey(roundId, "contributor#" + userId)).isEmpty();
        if (first) {
            putRaw(Topology.ROUNDS, Map.of("roundId", AttributeValue.fromS(roundId), "item", AttributeValue.fromS("contributor#" + userId),
                    "firstEventId", AttributeValue.fromS(eventId)));
        }
        addToTotal(roundId, assetName, money.minor(), 0, first ? 1 : 0, 1);
    }

    void refund(String roundId, String userId, String amount, String assetName) {
        String eventId = newId("evt");
        Money money = asset(amount, assetName);
        platformEvent(eventId, "RefundIssued", Map.of("roundId", roundId, "userId", userId, "amount", amount, "asset", assetName,
                "reference", "refund-" + eventId), Optional.of(platformEntry(eventId, "RefundIssued",
                List.of(leg("round_raised:" + roundId, negate(money)), leg("refunds_paid:" + roundId, money)))));
        addToTotal(roundId, assetName, 0, money.minor(), 0, 0);
    }

    void finalized(String roundId, String totalRaised, String assetName, int contributorCount) {
        String eventId = newId("evt");
        platformEvent(eventId, "RoundFinalized", Map.of("roundId", roundId, "totalRaised", totalRaised, "asset", assetName,
                "contributorCount", Integer.toString(contributorCount)), Optional.empty());
        putRaw(Topology.ROUNDS, Map.of("roundId", AttributeValue.fromS(roundId), "item", AttributeValue.fromS("finalized"),
                "totalRaisedMinor", AttributeValue.fromN(Long.toString(asset(totalRaised, assetName).minor())),
                "asset", AttributeValue.fromS(assetName), "contributorCount", AttributeValue.fromN(Integer.toString(contributorCount)),
                "eventId", AttributeValue.fromS(eventId), "finalizedAt", AttributeValue.fromS(clock.instant().toString())));
    }

    /** A FeeCharged event posted to the given {@code fees:...} credits (the rule's split when the ingest is right). */
    void fee(String eventId, String ruleId, String amount, String assetName, Map<String, String> credits) {
        Money money = asset(amount, assetName);
        List<Posting> legs = new ArrayList<>();
        legs.add(leg("fee_clearing:" + assetName, negate(money)));
        credits.forEach((account, part) -> legs.add(leg(account, asset(part, assetName))));
        platformEvent(eventId, "FeeCharged", Map.of("ruleId", ruleId, "amount", amount, "asset", assetName,
                "reference", "fee-" + eventId), Optional.of(platformEntry(eventId, "FeeCharged", legs)));
    }

    void referralClaim(String userId, String amount, String assetName) {
        String eventId = newId("evt");
        Money money = asset(amount, assetName);
        platformEvent(eventId, "ReferralClaimed", Map.of("userId", userId, "amount", amount, "asset", assetName,
                "reference", "claim-" + eventId), Optional.of(platformEntry(eventId, "ReferralClaimed",
                List.of(leg("referral_clearing:" + assetName, negate(money)), leg("referral_owed:" + userId, money)))));
    }

    static Map<String, AttributeValue> roundKey(String roundId, String item) {
        return Map.of("roundId", AttributeValue.fromS(roundId), "item", AttributeValue.fromS(item));
    }

    void addToTotal(String roundId, String assetName, long raised, long refunded, long contributors, long contributions) {
        raw.updateItem(b -> b.tableName(Topology.ROUNDS.localName()).key(roundKey(roundId, "total#" + assetName))
                .updateExpression("ADD raisedMinor :raised, refundedMinor :refunded, contributors :contributors, contributions :contributions")
                .expressionAttributeValues(Map.of(":raised", AttributeValue.fromN(Long.toString(raised)),
                        ":refunded", AttributeValue.fromN(Long.toString(refunded)),
                        ":contributors", AttributeValue.fromN(Long.toString(contributors)),
                        ":contributions", AttributeValue.fromN(Long.toString(contributions)))));
    }

    // ---- set-up

    private void wipe() {
        for (TableDef table : SCANNED) {
            var def = raw.describeTable(b -> b.tableName(table.localName())).table();
            List<String> keys = def.keySchema().stream().map(k -> k.attributeName()).toList();
            for (Map<String, AttributeValue> item : scan(table, 0, 1)) {
                Map<String, AttributeValue> key = new java.util.HashMap<>();
                keys.forEach(k -> key.put(k, item.get(k)));
                raw.deleteItem(b -> b.tableName(table.localName()).key(key));
            }
        }
    }

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
