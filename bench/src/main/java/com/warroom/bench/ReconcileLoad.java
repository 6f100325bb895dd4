package com.warroom.bench;

import com.warroom.aws.AwsClients;
import com.warroom.json.Json;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.BenchLedgerItems;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerWrite;
import com.warroom.ledger.Posting;
import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.payments.Entitlement;
import com.warroom.payments.Customer;
import com.warroom.payments.NewOrder;
import com.warroom.payments.Order;
import com.warroom.payments.orders.OrderSeal;
import com.warroom.payments.Revenue;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.Wallet;
import com.warroom.reconcile.run.SegmentPlanner;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes {@code entries} ledger entries, consistent with every other table the reconcile checks read, straight into the
 * tables with BatchWriteItem on {@code writers} threads (posting a million entries through {@code Ledger.post} would
 * take hours here). One thread makes the items in posting order: journal items and hash-chained lines from the
 * ledger's own records ({@link BenchLedgerItems}), sealed payouts and orders with the real seals; at the end every
 * balance, sealed. Per block of 200 entries:
 * <ul>
 *   <li>1 order paid: {@code order-paid:<id>} from {@code psp_clearing:midtrans} to {@code revenue:courses}, the order
 *       PAID (paid two days before the run, so the PSP check asks Midtrans nothing) and its entitlement;</li>
 *   <li>2 for 1 payout: its hold and its paid entry, the payout CONFIRMED;</li>
 *   <li>127 contributions to one of 50 rounds ({@code platform:<eventId>}, ContributionConfirmed events, the rounds'
 *       totals and contributor items agreeing);</li>
 *   <li>70 referral claims ({@code platform:<eventId>}, ReferralClaimed events, owed to one of 2,000 users).</li>
 * </ul>
 * Plus one opening entry funding the treasury the payouts are paid from. The checks find nothing to report in it, and
 * the ledger's own seal and chain checks pass over it ({@link #verify}).
 */
final class ReconcileLoad {

    static final int BLOCK = 200;
    private static final int ROUNDS = 50;
    private static final int USERS = 2_000;
    private static final String CHAIN = "evm:1";
    private static final String ADDRESS = "0x8617E340B3D01FA5F11F306F4090FD50E238070D";
    private static final int BATCH = 25;

    /** What was written. */
    record Loaded(long entries, Map<String, Long> itemsPerTable, int balances, Duration took) {
        long items() {
            return itemsPerTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Batch(String table, List<WriteRequest> writes) {
    }

    private static final Batch END = new Batch("", List.of());

    private final DynamoDbClient dynamo = AwsClients.dynamoDb();
    private final Sealer sealer = KmsSealer.forKey(Topology.SEALS);
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(256);
    private final Map<String, List<WriteRequest>> pending = new HashMap<>();
    private final Map<String, AtomicLong> written = new java.util.concurrent.ConcurrentHashMap<>();

    static Loaded load(long entries, int writers) throws Exception {
        return new ReconcileLoad().run(entries, writers);
    }

    private Loaded run(long entries, int writers) throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(writers, Thread.ofPlatform().name("load-", 0).daemon().factory());
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            done.add(pool.submit(() -> {
                write();
                return null;
            }));
        }
        int balances;
        try {
            balances = generate(entries);
        } finally {
            for (int w = 0; w < writers; w++) {
                queue.put(END);
            }
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        verify(entries);
        Map<String, Long> counts = new LinkedHashMap<>();
        written.forEach((table, count) -> counts.put(table, count.get()));
        return new Loaded(entries, counts, balances, Duration.ofNanos(System.nanoTime() - started));
    }

    private int generate(long entries) throws InterruptedException {
        BenchLedgerItems ledger = new BenchLedgerItems();
        PayoutSeal payoutSeal = new PayoutSeal(sealer);
        OrderSeal orderSeal = new OrderSeal(sealer);
        Instant now = Instant.now();
        Instant at = now.minus(Duration.ofHours(30));
        Instant paidAt = now.minus(Duration.ofDays(2));
        // per round: raised, contributions, contributors
        long[] raised = new long[ROUNDS];
        long[] contributions = new long[ROUNDS];
        List<TreeMap<String, String>> contributors = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            contributors.add(new TreeMap<>());
        }
        long payoutMinor = 5_000_000;
        long payouts = (entries - 1) / BLOCK + 1;
        put(Topology.LEDGER_ENTRIES, ledger.post(PayoutJournal.opening(CHAIN, new Money("USDC", payoutMinor * payouts), at), at));
        for (long i = 1; i < entries; i++) {
            int slot = (int) (i % BLOCK);
            String user = "u" + ((i * 7919) % USERS);
            if (slot == 0) {
                String orderId = "ord-" + i;
                String buyer = "buyer-" + i;
                String item = "course-" + (i % 20);
                Money amount = new Money("IDR", 150_000 + (i % 50) * 1_000);
                Order pending = Order.pending(new NewOrder(orderId, buyer, item, amount, Customer.NONE), paidAt.minusSeconds(60));
                Order paid = orderSeal.sealed(pending.paid(new Revenue.Courses(), paidAt));
                put(Topology.ORDERS, List.of(Order.SCHEMA.itemToMap(paid, true)));
                put(Topology.ENTITLEMENTS, List.of(Entitlement.SCHEMA.itemToMap(
                        new Entitlement(buyer, item, orderId, SortableTime.format(paidAt), Optional.empty()), true)));
                put(Topology.LEDGER_ENTRIES, ledger.post(new JournalEntry("order-paid:" + orderId, paidAt, "order:" + orderId,
                        List.of(leg("psp_clearing:midtrans", -amount.minor(), "IDR"), leg("revenue:courses", amount.minor(), "IDR"))), paidAt));
            } else if (slot == 1) {
                String payoutId = "po-" + i;
                Payout accepted = Payout.accepted(payoutId, new Payout.Request(user, PayoutKind.WITHDRAWAL.name(),
                        new Money("USDC", payoutMinor), "ref-" + i, Optional.empty(), "bench"), new Wallet(CHAIN, ADDRESS),
                        PayoutStatus.REQUESTED, Optional.empty(), at);
                Payout confirmed = payoutSeal.sealed(accepted.moved(new Payout.Progress(PayoutStatus.CONFIRMED.name(), 1, 1,
                        Optional.of("rail-" + payoutId), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()), at));
                put(Topology.PAYOUTS, List.of(Payout.SCHEMA.itemToMap(confirmed, true)));
                put(Topology.LEDGER_ENTRIES, ledger.post(PayoutJournal.hold(accepted, at), at));
                if (i + 1 < entries) {
                    i++;
                    put(Topology.LEDGER_ENTRIES, ledger.post(PayoutJournal.paid(confirmed, at), at));
                }
            } else if (slot < 130) {
                int round = (int) (i % ROUNDS);
                String roundId = "round-" + round;
                String eventId = "evt-c" + i;
                long minor = (1 + i % 97) * 1_000_000;
                raised[round] += minor;
                contributions[round]++;
                contributors.get(round).putIfAbsent(user, eventId);
                platform(ledger, eventId, "ContributionConfirmed", at, Map.of("roundId", roundId, "userId", user,
                        "amount", Long.toString(minor / 1_000_000), "asset", "USDC", "txHash", "0x" + eventId),
                        List.of(leg("contribution_clearing:USDC", -minor, "USDC"), leg("round_raised:" + roundId, minor, "USDC")));
            } else {
                String eventId = "evt-r" + i;
                long minor = (1 + i % 13) * 500_000;
                platform(ledger, eventId, "ReferralClaimed", at, Map.of("userId", user, "amount", Long.toString(minor / 1_000_000) + "."
                        + (minor % 1_000_000 == 0 ? "0" : "5"), "asset", "USDC", "reference", "claim-" + eventId),
                        List.of(leg("referral_clearing:USDC", -minor, "USDC"), leg("referral_owed:" + user, minor, "USDC")));
            }
        }
        for (int r = 0; r < ROUNDS; r++) {
            if (contributions[r] == 0) {
                continue;
            }
            String roundId = "round-" + r;
            put(Topology.ROUNDS, List.of(Map.of("roundId", s(roundId), "item", s("total#USDC"), "raisedMinor", n(raised[r]),
                    "refundedMinor", n(0), "contributors", n(contributors.get(r).size()), "contributions", n(contributions[r]))));
            for (var contributor : contributors.get(r).entrySet()) {
                put(Topology.ROUNDS, List.of(Map.of("roundId", s(roundId), "item", s("contributor#" + contributor.getKey()),
                        "firstEventId", s(contributor.getValue()))));
            }
        }
        put(Topology.LEDGER_BALANCES, ledger.sealedBalances(sealer));
        for (String table : new TreeSet<>(pending.keySet())) {
            flush(table);
        }
        return ledger.balances();
    }

    /**
     * The ledger's own checks over what was written: preparing (not posting) an entry over the busiest accounts reads
     * their balances and chain heads as {@code Ledger.post} does, and throws {@code LedgerTampered} on a broken seal,
     * line hash or chain.
     */
    private void verify(long entries) {
        Ledger ledger = new Ledger(AwsClients.dynamoDbEnhanced(), SegmentPlanner.tableName(Topology.LEDGER_BALANCES),
                SegmentPlanner.tableName(Topology.LEDGER_ENTRIES), sealer, Clock.systemUTC());
        List<Posting> legs = new ArrayList<>(List.of(leg("contribution_clearing:USDC", 1, "USDC"), leg("round_raised:round-3", -1, "USDC")));
        if (entries > BLOCK) {
            legs.addAll(List.of(leg("psp_clearing:midtrans", 1, "IDR"), leg("revenue:courses", -1, "IDR"),
                    leg(PayoutJournal.treasury(CHAIN, "USDC").value(), 1, "USDC"), leg("referral_clearing:USDC", -1, "USDC")));
        }
        if (!(ledger.prepare(new JournalEntry("bench-probe", Instant.now(), "bench:probe", legs)) instanceof LedgerWrite.Writes)) {
            throw new IllegalStateException("the ledger would not post over the loaded balances");
        }
    }

    private void platform(BenchLedgerItems ledger, String eventId, String type, Instant at, Map<String, String> detail,
                          List<Posting> legs) throws InterruptedException {
        JournalEntry entry = new JournalEntry("platform:" + eventId, at, "platform:" + type + ":" + eventId, legs);
        put(Topology.LEDGER_ENTRIES, ledger.post(entry, at));
        Map<String, AttributeValue> event = new HashMap<>();
        event.put("eventId", s(eventId));
        event.put("type", s(type));
        event.put("occurredAt", s(at.toString()));
        event.put("receivedAt", s(at.toString()));
        event.put("detail", s(Json.write(detail)));
        event.put("entryId", s(entry.id()));
        put(Topology.PLATFORM_EVENTS, List.of(event));
    }

    private static Posting leg(String account, long minor, String currency) {
        return new Posting(new AccountId(account), new Money(currency, minor));
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    private static AttributeValue n(long number) {
        return AttributeValue.fromN(Long.toString(number));
    }

    private void put(TableDef table, List<Map<String, AttributeValue>> items) throws InterruptedException {
        String name = SegmentPlanner.tableName(table);
        List<WriteRequest> batch = pending.computeIfAbsent(name, t -> new ArrayList<>(BATCH));
        for (Map<String, AttributeValue> item : items) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == BATCH) {
                flush(name);
                batch = pending.computeIfAbsent(name, t -> new ArrayList<>(BATCH));
            }
        }
    }

    private void flush(String table) throws InterruptedException {
        List<WriteRequest> batch = pending.remove(table);
        if (batch != null && !batch.isEmpty()) {
            queue.put(new Batch(table, batch));
        }
    }

    private void write() throws InterruptedException {
        while (true) {
            Batch batch = queue.take();
            if (batch == END) {
                return;
            }
            Map<String, List<WriteRequest>> left = Map.of(batch.table(), batch.writes());
            for (int attempt = 0; !left.isEmpty(); attempt++) {
                if (attempt > 0) {
                    Thread.sleep(Math.min(1_000, 20L << Math.min(attempt, 6)));
                }
                Map<String, List<WriteRequest>> request = left;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                left = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
            written.computeIfAbsent(batch.table(), t -> new AtomicLong()).addAndGet(batch.writes().size());
        }
    }
}
