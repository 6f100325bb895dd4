package com.warroom.stuck.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.local.stack.SdkCallCounter;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.payments.Customer;
import com.warroom.payments.NewOrder;
import com.warroom.payments.orders.OrderBook;
import com.warroom.payments.orders.OrderSeal;
import com.warroom.payments.orders.OrderStore;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.Wallet;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * What every sweep measures, exactly: tables of their own (the same shape as the topology's, under other names), so
 * that the counts are those of this test's items alone; and that a sweep reads through the status indexes only.
 */
@ExtendWith(EmbeddedStackExtension.class)
class SweepMetricsTest {

    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");
    private static final String ADDRESS = "0x8617E340B3D01FA5F11F306F4090FD50E238070D";

    private static final TableDef PAYOUTS = copy(Topology.PAYOUTS);
    private static final TableDef ORDERS = copy(Topology.ORDERS);
    private static final TableDef FINDINGS = copy(Topology.RECONCILE_FINDINGS);
    private static final TableDef IDEMPOTENCY = copy(Topology.IDEMPOTENCY);

    private static EmbeddedStack embedded;
    private static AdjustableClock clock;
    private static DynamoDbEnhancedClient dynamo;
    private static PayoutStore payouts;
    private static PayoutSeal payoutSeal;
    private static OrderStore orders;
    private static OrderSeal orderSeal;
    private static SdkCallCounter calls;
    private static StuckSweep sweep;
    private static RecordedMetrics metrics;

    private static TableDef copy(TableDef table) {
        return new TableDef("sweep-metrics-" + table.logicalName(), table.envVar(), table.partitionKey(), table.sortKey(),
                table.indexes(), table.ttlAttribute());
    }

    @BeforeAll
    static void start(EmbeddedStack stack) {
        embedded = stack;
        stack.provision(Topology.builder().tables(PAYOUTS, ORDERS, FINDINGS, IDEMPOTENCY).build());
        clock = AdjustableClock.startingAt(T0);
        dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        var sealer = KmsSealer.forKey(Topology.SEALS);
        payouts = new PayoutStore(dynamo, PAYOUTS.localName());
        payoutSeal = new PayoutSeal(sealer);
        orders = new OrderStore(dynamo, ORDERS.localName());
        orderSeal = new OrderSeal(sealer);
        calls = new SdkCallCounter();
        DynamoDbClient counted = DynamoDbClient.builder().endpointOverride(stack.dynamoEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("warroomlocal", "warroomlocal"))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build();
        var settings = stack.settings(Topology.warroom());
        sweep = SweepParts.sweep(stack, counted, clock, PAYOUTS.localName(), ORDERS.localName(), FINDINGS.localName(),
                IDEMPOTENCY.localName(), settings.get(Topology.PAYOUT_WORK.urlEnvVar()), settings.get(Topology.PAYMENT_CHECKS.urlEnvVar()));
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
    }

    @BeforeEach
    void clear() {
        metrics.clear();
        calls.reset();
    }

    @Test
    void aSweep_measuresWhatIsStuck_perKind_withTheOldestAge_andTheUnticketedFindings() {
        // nothing written yet: zeros, and the run is counted
        SweepReport empty = sweep.run();
        assertThat(empty.stuck(SweepReport.Kind.PAYOUT)).isEqualTo(SweepReport.Stuck.NONE);
        assertMeasured(0, 0, 0, 0, 0);
        assertThat(metrics.count("SweeperRun")).isEqualTo(1);

        Payout requested = payout(PayoutStatus.REQUESTED, Optional.empty());
        payout(PayoutStatus.SUBMITTED, Optional.empty());
        payout(PayoutStatus.HELD, Optional.of(T0.plus(Duration.ofHours(1))));
        payout(PayoutStatus.CONFIRMED, Optional.empty());
        order();
        finding("OPEN", T0.minus(Duration.ofHours(25)));
        finding("OPEN", T0.minus(Duration.ofHours(23)));
        finding("OPEN", T0.minus(Duration.ofHours(30)).plusMillis(250));
        finding("ACKNOWLEDGED", T0.minus(Duration.ofHours(48)));
        finding("RESOLVED", T0.minus(Duration.ofHours(48)));
        clock.advance(Duration.ofMinutes(10));
        order();
        clock.advance(Duration.ofMinutes(10));
        payout(PayoutStatus.QUARANTINED, Optional.empty());
        clock.advance(Duration.ofMinutes(10));
        metrics.clear();

        // T0 + 30 min: REQUESTED for 30 min and QUARANTINED (stuck at once); both orders past 15 minutes PENDING
        sweep.run();
        assertMeasured(2, 1800, 2, 1800, 2);
        assertThat(metrics.count("PayoutStuck")).isEqualTo(2);
        assertThat(metrics.count("SweeperRun")).isEqualTo(1);
        assertThat(metrics.count("SweeperRedriven")).as("REQUESTED for 5 and SUBMITTED for 15 minutes, and the two orders")
                .isEqualTo(4);
        metrics.clear();

        // T0 + 3 h: nobody acted (no worker here); SUBMITTED over an hour, HELD an hour past its cooling-off (T0 + 1 h)
        clock.advance(Duration.ofMinutes(150));
        SweepReport later = sweep.run();
        assertMeasured(4, 10_800, 2, 10_800, 3);
        assertThat(later.stuck(SweepReport.Kind.PAYOUT)).isEqualTo(new SweepReport.Stuck(4, 10_800));
        assertThat(later.redriven(SweepReport.Kind.PAYOUT)).contains(requested.payoutId());
        assertThat(payouts.find(requested.payoutId()).orElseThrow().version()).as("never moved by the sweep")
                .isEqualTo(requested.version());
    }

    @Test
    void aSweep_readsThroughTheStatusIndexesOnly_neverAScan() {
        clock.advance(Duration.ofMinutes(1));

        sweep.run();

        assertThat(calls.calls().keySet()).as("reads are queries; the puts are the re-drive marks")
                .isSubsetOf("DynamoDb.Query", "DynamoDb.PutItem");
        assertThat(calls.calls().get("DynamoDb.Query")).as("six open payout states, PENDING orders, OPEN findings")
                .isGreaterThanOrEqualTo(8);
    }

    private static void assertMeasured(long payoutCount, long payoutOldest, long orderCount, long orderOldest, long unticketed) {
        List<RecordedMetrics.Point> points = metrics.points();
        assertThat(points).contains(
                new RecordedMetrics.Point("StuckCount", payoutCount, MetricUnit.COUNT, true, Map.of("kind", "payout")),
                new RecordedMetrics.Point("StuckOldestAgeSeconds", payoutOldest, MetricUnit.SECONDS, true, Map.of("kind", "payout")),
                new RecordedMetrics.Point("StuckCount", orderCount, MetricUnit.COUNT, true, Map.of("kind", "order")),
                new RecordedMetrics.Point("StuckOldestAgeSeconds", orderOldest, MetricUnit.SECONDS, true, Map.of("kind", "order")),
                new RecordedMetrics.Point("ReconcileFindingsUnticketed", unticketed, MetricUnit.COUNT, true, Map.of()));
        assertThat(points.stream().filter(p -> p.name().startsWith("Stuck"))).hasSize(4);
    }

    private static void order() {
        String orderId = "O-metrics-" + UUID.randomUUID().toString().substring(0, 12);
        new OrderBook(orders, orderSeal, clock).register(new NewOrder(orderId, "u-" + orderId, "course:python-101",
                new Money("IDR", 15_000_000), new Customer(Optional.of("u@example.id"), Optional.empty())));
    }

    /** A USDC payout written as the payouts route accepts it, then moved to {@code status} as the worker leaves it. */
    private static Payout payout(PayoutStatus status, Optional<Instant> nextAttemptAt) {
        String payoutId = "P-metrics-" + UUID.randomUUID().toString().substring(0, 12);
        Instant now = SortableTime.now(clock);
        Money amount = ((DecimalAmount.Parsed.Valid) DecimalAmount.parsePositiveAsset("12.5", "USDC")).money();
        Payout accepted = payoutSeal.sealed(Payout.accepted(payoutId, new Payout.Request("u-" + payoutId, PayoutKind.WITHDRAWAL.name(),
                amount, "ref-" + payoutId, Optional.empty(), "platform-test"), new Wallet("evm:1", ADDRESS), PayoutStatus.REQUESTED,
                Optional.empty(), now));
        payouts.commit(List.of(payouts.insert(accepted)));
        if (status == PayoutStatus.REQUESTED) {
            return accepted;
        }
        Payout moved = accepted.moved(new Payout.Progress(status.name(), 1, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), nextAttemptAt, Optional.empty()), now);
        assertThat(payouts.update(accepted, moved)).isTrue();
        return moved;
    }

    /** A reconcile finding as the findings store keeps it (status, firstSeenAt as Instant.toString()). */
    private static void finding(String status, Instant firstSeenAt) {
        embedded.dynamoDb().putItem(b -> b.tableName(FINDINGS.localName()).item(Map.of(
                "findingId", AttributeValue.fromS("F-" + UUID.randomUUID()),
                "status", AttributeValue.fromS(status),
                "firstSeenAt", AttributeValue.fromS(firstSeenAt.toString()),
                "risk", AttributeValue.fromS("HIGH"))));
    }
}
