package com.warroom.bench;

import com.warroom.idempotency.ProcessedMessages;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PendingOrders;
import com.warroom.payments.SortableTime;
import com.warroom.payments.Customer;
import com.warroom.payments.NewOrder;
import com.warroom.payments.Order;
import com.warroom.payments.orders.OrderSeal;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.Wallet;
import com.warroom.stuck.sweep.OpenFindings;
import com.warroom.stuck.sweep.Redrives;
import com.warroom.stuck.sweep.StuckSweep;
import com.warroom.stuck.sweep.SweepReport;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What one sweep of the stuck-transaction sweeper reads, at two sizes of the payouts and orders tables with the same few
 * dozen open items: the read capacity DynamoDB reports for its queries (every Query asks for
 * {@code ReturnConsumedCapacity.TOTAL} through an SDK interceptor, so the sweeper's code is unchanged), the items and
 * pages they read, the calls it makes, and the time per sweep; and, for contrast, what one Scan of the same tables
 * costs. The tables are filled with BatchWriteItem from several threads; almost every item is final (CONFIRMED or
 * FAILED payouts, PAID or EXPIRED orders).
 *
 * <pre>bench/run.sh stuck-sweep [--sizes 10000,1000000] [--warmup 5] [--sweeps 5] [--writers 4] [--scan-up-to 100000]</pre>
 */
public final class StuckSweepReadCost {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final String ADDRESS = "0x8617E340B3D01FA5F11F306F4090FD50E238070D";

    /** The open items, the same at every size: what a sweep is about. */
    private static final Map<PayoutStatus, Integer> OPEN_PAYOUTS = Map.of(PayoutStatus.REQUESTED, 12, PayoutStatus.SUBMITTED, 8,
            PayoutStatus.HELD, 5, PayoutStatus.RETRY_SCHEDULED, 5, PayoutStatus.QUARANTINED, 3);
    private static final int PENDING_ORDERS_OVERDUE = 20;
    private static final int PENDING_ORDERS_FRESH = 10;

    private StuckSweepReadCost() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, Map.of("sizes", "10000,1000000", "sweeps", "5", "writers", "4", "scan-up-to", "100000",
                "warmup", "5"));
        List<Integer> sizes = java.util.Arrays.stream(options.text("sizes").split(",")).map(String::strip).map(Integer::parseInt).toList();
        int sweeps = options.number("sweeps");
        int writers = options.number("writers");
        int scanUpTo = options.number("scan-up-to");
        int warmup = options.number("warmup");
        MachineInfo.print("stuck-sweep");
        try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.ephemeral()).provision(Topology.warroom())) {
            ReadMeter meter = new ReadMeter();
            DynamoDbClient metered = DynamoDbClient.builder().endpointOverride(stack.dynamoEndpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal")))
                    .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(5)).build())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(meter)).build();
            Loader loader = new Loader(stack.dynamoDb(), writers);
            loader.open();
            List<String> rows = new ArrayList<>();
            rows.add("| items in payouts + orders | sweep: Query calls (pages) | sweep: items read | sweep: read capacity (RCU) | sweep: time (median of " + sweeps + ") | one Scan of both tables: items, RCU, time |");
            rows.add("|---|---|---|---|---|---|");
            for (int size : sizes) {
                long loadStarted = System.nanoTime();
                loader.fillTo(size);
                System.out.printf("loaded %,d items (payouts + orders) in %.1f s%n", loader.total(), (System.nanoTime() - loadStarted) / 1e9);
                rows.add(measure(stack, metered, meter, loader.total(), warmup, sweeps, loader.total() <= scanUpTo));
                System.out.println(rows.getLast());
            }
            System.out.println();
            rows.forEach(System.out::println);
            System.out.println();
            System.out.println("DynamoDB Local reports ConsumedCapacity on Query and Scan: " + meter.capacityReported);
        }
    }

    private static String measure(EmbeddedStack stack, DynamoDbClient metered, ReadMeter meter, long total, int warmup, int sweeps,
                                  boolean scan) {
        var settings = stack.settings(Topology.warroom());
        AdjustableClock clock = AdjustableClock.startingAt(NOW);
        DynamoDbEnhancedClient dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(metered).build();
        StuckSweep sweep = new StuckSweep(new StuckSweep.Parts(new PayoutStore(dynamo, Topology.PAYOUTS.localName()),
                new PendingOrders(dynamo, Topology.ORDERS.localName()), new OpenFindings(metered, Topology.RECONCILE_FINDINGS.localName()),
                new Redrives(new ProcessedMessages(dynamo, Topology.IDEMPOTENCY.localName(), clock)),
                new PayoutWork(stack.sqs(), settings.get(Topology.PAYOUT_WORK.urlEnvVar())),
                new PaymentCheckQueue(stack.sqs(), settings.get(Topology.PAYMENT_CHECKS.urlEnvVar()))), clock);
        for (int i = 0; i < warmup; i++) {
            // warm-up: classes, the JIT, connections, DynamoDB Local's statement cache; each re-drives as a measured sweep does
            clock.advance(StuckSweep.INTERVAL.multipliedBy(3));
            sweep.run();
        }
        List<Long> nanos = new ArrayList<>();
        ReadMeter.Reading reading = null;
        SweepReport report = null;
        for (int i = 0; i < sweeps; i++) {
            // the next scheduled sweep: every mark of the last one has lapsed, so each sweep re-drives as the first did
            clock.advance(StuckSweep.INTERVAL.multipliedBy(3));
            meter.reset();
            long started = System.nanoTime();
            report = sweep.run();
            nanos.add(System.nanoTime() - started);
            reading = meter.reading();
            stack.sqs().purgeQueue(b -> b.queueUrl(settings.get(Topology.PAYOUT_WORK.urlEnvVar())));
            stack.sqs().purgeQueue(b -> b.queueUrl(settings.get(Topology.PAYMENT_CHECKS.urlEnvVar())));
        }
        nanos.sort(Long::compare);
        double medianMs = nanos.get(nanos.size() / 2) / 1e6;
        if (reading.scans() != 0) {
            throw new IllegalStateException("the sweep scanned a table");
        }
        long open = report.stuck(SweepReport.Kind.PAYOUT).count() + report.stuck(SweepReport.Kind.ORDER).count();
        System.out.printf("%,d items: sweep %s; %d stuck (payouts %s, orders %s); calls %s%n", total, reading, open,
                report.stuck(SweepReport.Kind.PAYOUT), report.stuck(SweepReport.Kind.ORDER), reading.calls());

        String sweepColumns = String.format("| %,d | %d (%d) | %,d | %.1f | %.1f ms |", total, reading.queries(), reading.pages(),
                reading.itemsRead(), reading.capacity(), medianMs);
        if (!scan) {
            // DynamoDB Local pages a Scan of a million items slowly (each page re-reads its SQLite table): not run here
            return sweepColumns + " not run (`--scan-up-to`) |";
        }
        meter.reset();
        long scanStarted = System.nanoTime();
        scanAll(metered, Topology.PAYOUTS.localName());
        scanAll(metered, Topology.ORDERS.localName());
        double scanSeconds = (System.nanoTime() - scanStarted) / 1e9;
        ReadMeter.Reading scanned = meter.reading();
        return sweepColumns + String.format(" %,d items, %,.1f RCU (%d pages), %.1f s |", scanned.itemsRead(), scanned.capacity(),
                scanned.pages(), scanSeconds);
    }

    private static void scanAll(DynamoDbClient dynamo, String table) {
        Map<String, AttributeValue> after = null;
        do {
            Map<String, AttributeValue> start = after;
            ScanResponse page = dynamo.scan(b -> b.tableName(table).exclusiveStartKey(start));
            after = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (after != null);
    }

    /** Asks every Query and Scan for its consumed capacity and adds up what comes back, with the items and pages read. */
    private static final class ReadMeter implements ExecutionInterceptor {
        private final DoubleAdder capacity = new DoubleAdder();
        private final AtomicLong items = new AtomicLong();
        private final AtomicLong queries = new AtomicLong();
        private final AtomicLong scans = new AtomicLong();
        private final AtomicLong pages = new AtomicLong();
        private final Map<String, AtomicLong> calls = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean capacityReported;

        record Reading(double capacity, long itemsRead, long queries, long scans, long pages, Map<String, Long> calls) {
            @Override
            public String toString() {
                return String.format("%d queries (%d pages), %,d items read, %.1f RCU", queries, pages, itemsRead, capacity);
            }
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            calls.computeIfAbsent(context.request().getClass().getSimpleName().replace("Request", ""), k -> new AtomicLong()).incrementAndGet();
            if (context.request() instanceof QueryRequest query) {
                return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            }
            if (context.request() instanceof ScanRequest scan) {
                return scan.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            }
            return context.request();
        }

        @Override
        public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
            if (context.response() instanceof QueryResponse query) {
                queries.incrementAndGet();
                pages.incrementAndGet();
                items.addAndGet(query.scannedCount());
                add(query.consumedCapacity());
            } else if (context.response() instanceof ScanResponse scan) {
                scans.incrementAndGet();
                pages.incrementAndGet();
                items.addAndGet(scan.scannedCount());
                add(scan.consumedCapacity());
            }
        }

        private void add(ConsumedCapacity consumed) {
            if (consumed != null && consumed.capacityUnits() != null) {
                capacityReported = true;
                capacity.add(consumed.capacityUnits());
            }
        }

        void reset() {
            capacity.reset();
            items.set(0);
            queries.set(0);
            scans.set(0);
            pages.set(0);
            calls.clear();
        }

        Reading reading() {
            Map<String, Long> snapshot = new java.util.TreeMap<>();
            calls.forEach((k, v) -> snapshot.put(k, v.get()));
            return new Reading(capacity.sum(), items.get(), queries.get(), scans.get(), pages.get(), snapshot);
        }
    }

    /**
     * Fills the payouts and orders tables as the functions write them (each item made from its table schema, sealed with a
     * constant MAC so that it keeps its size), half payouts and half orders, with BatchWriteItem from several threads.
     */
    private static final class Loader {
        private static final int BATCH = 25;

        private final DynamoDbClient dynamo;
        private final int writers;
        private final Map<String, AttributeValue> payoutTemplate;
        private final Map<String, AttributeValue> orderTemplate;
        private long total;

        Loader(DynamoDbClient dynamo, int writers) {
            this.dynamo = dynamo;
            this.writers = writers;
            NoKmsSealer sealer = new NoKmsSealer("arn:aws:kms:us-east-1:000000000000:key/bench");
            Money usdc = ((DecimalAmount.Parsed.Valid) DecimalAmount.parsePositiveAsset("125.5", "USDC")).money();
            Payout payout = new PayoutSeal(sealer).sealed(Payout.accepted("P-template", new Payout.Request("u-template",
                    PayoutKind.WITHDRAWAL.name(), usdc, "ref-template", Optional.empty(), "platform"), new Wallet("evm:1", ADDRESS),
                    PayoutStatus.REQUESTED, Optional.empty(), NOW));
            this.payoutTemplate = Payout.SCHEMA.itemToMap(payout, true);
            Order order = new OrderSeal(sealer).sealed(Order.pending(new NewOrder("O-template", "u-template", "course:python-101",
                    new Money("IDR", 15_000_000), new Customer(Optional.of("someone@example.id"), Optional.empty())), NOW));
            this.orderTemplate = Order.SCHEMA.itemToMap(order, true);
        }

        long total() {
            return total;
        }

        /** The open items, once: what every sweep finds. */
        void open() throws Exception {
            List<Map<String, AttributeValue>> payouts = new ArrayList<>();
            OPEN_PAYOUTS.forEach((status, count) -> {
                for (int i = 0; i < count; i++) {
                    Instant changed = NOW.minus(Duration.ofMinutes(20 + i));
                    Map<String, AttributeValue> item = payout("P-open-" + status + "-" + i, status, changed);
                    if (status == PayoutStatus.HELD || status == PayoutStatus.RETRY_SCHEDULED) {
                        item.put("nextAttemptAt", AttributeValue.fromS(SortableTime.format(NOW.minus(Duration.ofMinutes(1)))));
                    }
                    payouts.add(item);
                }
            });
            List<Map<String, AttributeValue>> orders = new ArrayList<>();
            for (int i = 0; i < PENDING_ORDERS_OVERDUE + PENDING_ORDERS_FRESH; i++) {
                Instant created = i < PENDING_ORDERS_OVERDUE ? NOW.minus(Duration.ofMinutes(30 + i)) : NOW.minus(Duration.ofMinutes(i - 20));
                orders.add(order("O-open-" + i, OrderStatus.PENDING, created));
            }
            write(Topology.PAYOUTS.localName(), payouts);
            write(Topology.ORDERS.localName(), orders);
            total += payouts.size() + orders.size();
        }

        /** Adds final payouts and orders, half each, until the two tables hold {@code size} items. */
        void fillTo(long size) throws Exception {
            long missing = size - total;
            if (missing <= 0) {
                return;
            }
            long first = total;
            ExecutorService threads = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> work = new ArrayList<>();
                long perWriter = (missing + writers - 1) / writers;
                for (int w = 0; w < writers; w++) {
                    long from = first + w * perWriter;
                    long to = Math.min(first + missing, from + perWriter);
                    work.add(threads.submit(() -> {
                        List<WriteRequest> payouts = new ArrayList<>();
                        List<WriteRequest> orders = new ArrayList<>();
                        for (long n = from; n < to; n++) {
                            // spread over the last 90 days, newest last
                            Instant at = NOW.minus(Duration.ofSeconds(7_776_000L - (n % 7_776_000L))).minus(Duration.ofHours(1));
                            if (n % 2 == 0) {
                                payouts.add(put(payout("P-" + n, n % 10 == 0 ? PayoutStatus.FAILED : PayoutStatus.CONFIRMED, at)));
                            } else {
                                orders.add(put(order("O-" + n, n % 5 == 1 ? OrderStatus.EXPIRED : OrderStatus.PAID, at)));
                            }
                            if (payouts.size() == BATCH) {
                                batch(Topology.PAYOUTS.localName(), payouts);
                            }
                            if (orders.size() == BATCH) {
                                batch(Topology.ORDERS.localName(), orders);
                            }
                        }
                        batch(Topology.PAYOUTS.localName(), payouts);
                        batch(Topology.ORDERS.localName(), orders);
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                threads.shutdownNow();
            }
            total = size;
        }

        private Map<String, AttributeValue> payout(String id, PayoutStatus status, Instant at) {
            Map<String, AttributeValue> item = new HashMap<>(payoutTemplate);
            item.put("payoutId", AttributeValue.fromS(id));
            item.put("userId", AttributeValue.fromS("u-" + id));
            item.put("status", AttributeValue.fromS(status.name()));
            item.put("createdAt", AttributeValue.fromS(SortableTime.format(at)));
            item.put("updatedAt", AttributeValue.fromS(SortableTime.format(at)));
            return item;
        }

        private Map<String, AttributeValue> order(String id, OrderStatus status, Instant at) {
            Map<String, AttributeValue> item = new HashMap<>(orderTemplate);
            item.put("orderId", AttributeValue.fromS(id));
            item.put("userId", AttributeValue.fromS("u-" + id));
            item.put("status", AttributeValue.fromS(status.name()));
            item.put("createdAt", AttributeValue.fromS(SortableTime.format(at)));
            item.put("updatedAt", AttributeValue.fromS(SortableTime.format(at)));
            return item;
        }

        private static WriteRequest put(Map<String, AttributeValue> item) {
            return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
        }

        private void write(String table, List<Map<String, AttributeValue>> items) {
            List<WriteRequest> pending = new ArrayList<>();
            for (Map<String, AttributeValue> item : items) {
                pending.add(put(item));
                if (pending.size() == BATCH) {
                    batch(table, pending);
                }
            }
            batch(table, pending);
        }

        /** Writes the batch (and what DynamoDB leaves unprocessed, again) and empties the list. */
        private void batch(String table, List<WriteRequest> requests) {
            Map<String, List<WriteRequest>> left = Map.of(table, List.copyOf(requests));
            requests.clear();
            while (!left.isEmpty() && !left.getOrDefault(table, List.of()).isEmpty()) {
                Map<String, List<WriteRequest>> send = left;
                BatchWriteItemResponse answer = dynamo.batchWriteItem(b -> b.requestItems(send));
                left = answer.hasUnprocessedItems() ? answer.unprocessedItems() : Map.of();
            }
        }
    }
}
