package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.audit.AuditLog;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfigParser;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerWrite;
import com.warroom.ledger.PostingOutcome;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.Customer;
import com.warroom.payments.Entitlement;
import com.warroom.payments.NewOrder;
import com.warroom.payments.Order;
import com.warroom.payments.OrderStatus;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.Wallet;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Verification;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** {@code ./warroom break} against the embedded stack's DynamoDB and KMS, on their ports, as it finds a running up's. */
@ExtendWith(EmbeddedStackExtension.class)
class BreakCommandTest {

    @TempDir
    Path work;

    private EmbeddedStack stack;
    private DynamoDbEnhancedClient dynamo;
    private KmsSealer sealer;
    private Ledger ledger;
    private PayoutStore payouts;

    @BeforeEach
    void world(EmbeddedStack stack) {
        this.stack = stack;
        dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        sealer = KmsSealer.forKey(Topology.SEALS);
        ledger = new Ledger(dynamo, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(), sealer, Clock.systemUTC());
        payouts = new PayoutStore(dynamo, Topology.PAYOUTS.localName());
        ConfigStore config = new ConfigStore(dynamo, Topology.CONFIG.localName(), Clock.systemUTC());
        if (config.newest().isEmpty()) {
            var seed = (ConfigOutcome.Valid) SeedConfigParser.load(Path.of("../../config/seed-v1.json"));
            new ConfigSeeder(config, new AuditLog(dynamo, Topology.AUDIT.localName(), sealer, Clock.systemUTC())).seed(seed.config(),
                    new Caller("warroom-test", "test@warroom.test", Set.of(Role.SUPER_ADMIN)),
                    new ConfigSeeder.SeedSource("seed:config/seed-v1.json", new RequestOrigin("test", "127.0.0.1")));
        }
    }

    @Test
    void doublePayout_writesASecondSealedConfirmedPayoutForTheSameUserKindAndReferenceWithItsEntries() {
        Payout first = confirmedPayout("u-" + UUID.randomUUID().toString().substring(0, 6));

        CliRun run = cli("break", "double-payout", "--payout", first.payoutId());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Payout> live = payoutsLike(first);
        assertThat(live).hasSize(2).allSatisfy(p -> {
            assertThat(p.progress().status()).isEqualTo("CONFIRMED");
            assertThat(new PayoutSeal(sealer).verify(p)).isInstanceOf(Verification.Valid.class);
        });
        String second = live.stream().map(Payout::payoutId).filter(id -> !id.equals(first.payoutId())).findFirst().orElseThrow();
        assertThat(ledger.posted(List.of(PayoutJournal.holdId(second, 1), PayoutJournal.paidId(second)))).hasSize(2);
        assertThat(run.out()).contains("Payout " + second + " written CONFIRMED", "double-payout, HIGH, ESCALATE");
    }

    @Test
    void doublePayout_ofAPayoutThatDoesNotExist_writesNothingAndExitsOne() {
        CliRun run = cli("break", "double-payout", "--payout", "no-such-payout");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nothing written: no payout no-such-payout");
    }

    @Test
    void misPostedFee_writesTheEventAndPostsItsEntryToAnotherRulesAccount() {
        CliRun run = cli("break", "misposted-fee", "--rule", "blue_check", "--amount", "500", "--asset", "USDC");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String eventId = run.out().lines().findFirst().orElseThrow().split(" ")[1];
        var event = stack.dynamoDb().getItem(b -> b.tableName(Topology.PLATFORM_EVENTS.localName())
                .key(Map.of("eventId", AttributeValue.fromS(eventId))).consistentRead(true)).item();
        assertThat(event.get("type").s()).isEqualTo("FeeCharged");
        assertThat(Json.readTree(event.get("detail").s()).path("ruleId").asText()).isEqualTo("blue_check");
        var journal = stack.dynamoDb().getItem(b -> b.tableName(Topology.LEDGER_ENTRIES.localName())
                .key(Map.of("key", AttributeValue.fromS("journal#platform:" + eventId), "seq", AttributeValue.fromN("0")))
                .consistentRead(true)).item();
        assertThat(journal.get("postings").s()).contains("fee_clearing:USDC").contains("fees:bonding_swap:treasury")
                .doesNotContain("fees:blue_check");
    }

    @Test
    void misPostedFee_ofARuleNotInTheConfig_writesNothing() {
        CliRun run = cli("break", "misposted-fee", "--rule", "no_such_rule");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no fee rule no_such_rule");
    }

    @Test
    void lostAccess_deletesThePaidOrdersEntitlement_andLeavesTheOrderPaid() {
        Order paid = order("PAID");
        dynamo.table(Topology.ENTITLEMENTS.localName(), Entitlement.SCHEMA)
                .putItem(new Entitlement(paid.userId(), paid.item(), paid.orderId(), Instant.now().toString(), Optional.empty()));

        CliRun run = cli("break", "lost-access", "--order", paid.orderId());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Entitlement of user " + paid.userId() + " to " + paid.item() + " deleted");
        assertThat(dynamo.table(Topology.ENTITLEMENTS.localName(), Entitlement.SCHEMA)
                .getItem(Key.builder().partitionValue(paid.userId()).sortValue(paid.item()).build())).isNull();
        assertThat(dynamo.table(Topology.ORDERS.localName(), Order.SCHEMA).getItem(Key.builder().partitionValue(paid.orderId()).build())
                .status()).isEqualTo("PAID");
    }

    @Test
    void lostAccess_ofAnOrderNotPaid_orUnknown_writesNothingAndExitsOne() {
        Order pending = order("PENDING");

        CliRun notPaid = cli("break", "lost-access", "--order", pending.orderId());
        CliRun unknown = cli("break", "lost-access", "--order", "no-such-order");

        assertThat(notPaid.exitCode()).isEqualTo(1);
        assertThat(notPaid.err()).contains("is PENDING, not PAID");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("nothing written: no order no-such-order");
    }

    @Test
    void break_whenNoUpRuns_saysSoAndExitsOne() {
        CliRun run = CliRun.of(Map.of("WARROOM_DYNAMODB_PORT", "1", "WARROOM_KMS_PORT", "1"), work, "break", "misposted-fee");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no ./warroom up answers on 127.0.0.1:1");
    }

    private CliRun cli(String... args) {
        return CliRun.of(Map.of("WARROOM_DYNAMODB_PORT", Integer.toString(stack.dynamoEndpoint().getPort()),
                "WARROOM_KMS_PORT", Integer.toString(stack.kmsEndpoint().getPort())), work, args);
    }

    /** An order in {@code status} as the payments functions store it (unsealed: the break does not read seals). */
    private Order order(String status) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Order pending = Order.pending(new NewOrder("o-" + suffix, "u-" + suffix, "course:java-101",
                new Money("IDR", 15_000_000), Customer.NONE), Instant.now());
        Order stored = "PAID".equals(status) ? pending.moved(OrderStatus.PAID, Instant.now()) : pending;
        dynamo.table(Topology.ORDERS.localName(), Order.SCHEMA).putItem(stored);
        return stored;
    }

    private List<Payout> payoutsLike(Payout first) {
        List<Payout> like = new ArrayList<>();
        stack.dynamoDb().scanPaginator(ScanRequest.builder().tableName(Topology.PAYOUTS.localName()).consistentRead(true).build())
                .items().forEach(item -> {
                    Payout p = Payout.SCHEMA.mapToItem(item);
                    if (p.request().userId().equals(first.request().userId()) && p.request().reference().equals(first.request().reference())) {
                        like.add(p);
                    }
                });
        return like;
    }

    /** A payout accepted and confirmed as the payout functions write it: sealed, its hold then its payment posted. */
    private Payout confirmedPayout(String userId) {
        Money amount = ((DecimalAmount.Parsed.Valid) DecimalAmount.parsePositiveAsset("10", "USDC")).money();
        JournalEntry opening = PayoutJournal.opening("evm:1", amount, Instant.now());
        assertThat(ledger.post(new JournalEntry("test-funding:" + UUID.randomUUID(), opening.at(), opening.cause(), opening.postings())))
                .isInstanceOf(PostingOutcome.Posted.class);
        // the double needs the same amount again
        assertThat(ledger.post(new JournalEntry("test-funding:" + UUID.randomUUID(), opening.at(), opening.cause(), opening.postings())))
                .isInstanceOf(PostingOutcome.Posted.class);
        Instant now = Instant.now();
        Payout accepted = new PayoutSeal(sealer).sealed(Payout.accepted("p-" + UUID.randomUUID().toString().substring(0, 8),
                new Payout.Request(userId, PayoutKind.REFUND.name(), amount, "refund-R1", Optional.empty(), "platform-test"),
                new Wallet("evm:1", "0x8617E340B3D01FA5F11F306F4090FD50E238070D"), PayoutStatus.REQUESTED, Optional.empty(), now));
        write(payouts.insert(accepted), PayoutJournal.hold(accepted, now));
        Payout confirmed = accepted.moved(new Payout.Progress("CONFIRMED", 1, 1, Optional.of("rail-1"), Optional.of("COMPLETED"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), now);
        write(payouts.replace(accepted, confirmed), PayoutJournal.paid(confirmed, now));
        return confirmed;
    }

    private void write(java.util.function.Consumer<TransactWriteItemsEnhancedRequest.Builder> payoutWrite, JournalEntry entry) {
        var request = TransactWriteItemsEnhancedRequest.builder();
        payoutWrite.accept(request);
        ((LedgerWrite.Writes) ledger.prepare(entry)).writes().forEach(w -> w.accept(request));
        dynamo.transactWriteItems(request.build());
    }
}
