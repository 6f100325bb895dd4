package com.warroom.local.breaks;

import com.warroom.config.ConfigStore;
import com.warroom.config.FeeRule;
import com.warroom.json.Json;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerWrite;
import com.warroom.ledger.Posting;
import com.warroom.ledger.PostingOutcome;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.Entitlement;
import com.warroom.payments.Order;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Breaks the local tables on purpose, as a bug or an insider would, so that a person sees the reconcile run find it:
 * a double payout (a second payout for the same user, kind and reference, sealed and CONFIRMED with its hold and its
 * paid entry, as a payout route that lost its idempotency would write it), and a fee posted to the wrong account (a
 * FeeCharged event and its ledger entry crediting another rule's fee account, as a buggy ingest would post it), and a
 * paid order whose entitlement is gone (paid, no access).
 */
public final class Breakage {

    /** What a break wrote, in words, or why it wrote nothing. */
    public sealed interface Outcome {
        record Written(List<String> lines) implements Outcome {
        }

        record Refused(String why) implements Outcome {
        }
    }

    private final DynamoDbClient raw;
    private final DynamoDbEnhancedClient dynamo;
    private final Ledger ledger;
    private final PayoutStore payouts;
    private final PayoutSeal seal;
    private final ConfigStore config;
    private final Clock clock;

    public Breakage(DynamoDbClient raw, Sealer sealer, Clock clock) {
        this.raw = raw;
        this.dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(raw).build();
        this.ledger = new Ledger(dynamo, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(), sealer, clock);
        this.payouts = new PayoutStore(dynamo, Topology.PAYOUTS.localName());
        this.seal = new PayoutSeal(sealer);
        this.config = new ConfigStore(dynamo, Topology.CONFIG.localName(), clock);
        this.clock = clock;
    }

    /**
     * A second payout like {@code payoutId} (or, when empty, the newest CONFIRMED payout): same user, kind, reference,
     * amount and wallet, CONFIRMED, with its hold and paid entries.
     */
    public Outcome doublePayout(Optional<String> payoutId) {
        Optional<Payout> original = payoutId.isPresent() ? payouts.find(payoutId.get()) : newestConfirmed();
        if (original.isEmpty()) {
            return new Outcome.Refused(payoutId.map(id -> "no payout " + id).orElse(
                    "no CONFIRMED payout to double: request one (POST /v1/payouts) and let the custody simulator complete it"));
        }
        Payout first = original.get();
        Instant now = SortableTime.now(clock);
        String id = first.payoutId() + "-dup-" + UUID.randomUUID().toString().substring(0, 6);
        Payout accepted = seal.sealed(Payout.accepted(id, first.request(), first.destination(), PayoutStatus.REQUESTED,
                Optional.empty(), now));
        Payout confirmed = accepted.moved(new Payout.Progress(PayoutStatus.CONFIRMED.name(), 1, 1, Optional.of("break-" + id),
                Optional.of("COMPLETED"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), now);
        Optional<String> refused = commit(List.of(payouts.insert(accepted)), PayoutJournal.hold(accepted, now));
        if (refused.isEmpty()) {
            refused = commit(List.of(payouts.replace(accepted, confirmed)), PayoutJournal.paid(confirmed, now));
        }
        if (refused.isPresent()) {
            return new Outcome.Refused(refused.get());
        }
        Payout.Request request = first.request();
        return new Outcome.Written(List.of(
                "Payout " + id + " written CONFIRMED: user " + request.userId() + ", kind " + request.kind() + ", reference "
                        + request.reference() + ", " + DecimalAmount.format(request.amount()) + " " + request.amount().currency()
                        + " (the same as payout " + first.payoutId() + ")",
                "Ledger: " + PayoutJournal.holdId(id, 1) + " and " + PayoutJournal.paidId(id) + " posted.",
                "A reconcile run now reports check double-payout, HIGH, ESCALATE."));
    }

    /**
     * A FeeCharged event of {@code amount} {@code asset} under rule {@code ruleId} whose entry credits the whole fee
     * to another rule's fee account.
     */
    public Outcome misPostedFee(String ruleId, String amount, String asset) {
        Map<String, FeeRule> rules = config.currentFeeRules().orElse(Map.of());
        if (!rules.containsKey(ruleId)) {
            return new Outcome.Refused("no fee rule " + ruleId + " in the config in force (" + String.join(", ", rules.keySet()) + ")");
        }
        Optional<String> otherRule = rules.keySet().stream().filter(r -> !r.equals(ruleId)).sorted().findFirst();
        if (otherRule.isEmpty()) {
            return new Outcome.Refused("the config in force has no other fee rule to post to by mistake");
        }
        if (!(DecimalAmount.parsePositiveAsset(amount, asset) instanceof DecimalAmount.Parsed.Valid valid)) {
            return new Outcome.Refused("--amount must be a positive amount of " + asset + ": " + amount);
        }
        Money fee = valid.money();
        String eventId = "break-fee-" + UUID.randomUUID().toString().substring(0, 8);
        String wrong = "fees:" + otherRule.get() + ":treasury";
        Instant now = clock.instant();
        JournalEntry entry = new JournalEntry("platform:" + eventId, now, "platform:FeeCharged:" + eventId, List.of(
                new Posting(new AccountId("fee_clearing:" + asset), new Money(asset, -fee.minor())),
                new Posting(new AccountId(wrong), fee)));
        PostingOutcome posted = ledger.post(entry);
        if (!(posted instanceof PostingOutcome.Posted)) {
            return new Outcome.Refused("the ledger did not post " + entry.id() + ": " + posted);
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("eventId", AttributeValue.fromS(eventId));
        item.put("type", AttributeValue.fromS("FeeCharged"));
        item.put("occurredAt", AttributeValue.fromS(now.toString()));
        item.put("receivedAt", AttributeValue.fromS(now.toString()));
        item.put("detail", AttributeValue.fromS(Json.write(Map.of("ruleId", ruleId, "amount", amount, "asset", asset,
                "reference", "break:" + eventId))));
        item.put("entryId", AttributeValue.fromS(entry.id()));
        raw.putItem(b -> b.tableName(Topology.PLATFORM_EVENTS.localName()).item(item));
        return new Outcome.Written(List.of(
                "FeeCharged " + eventId + " (rule " + ruleId + ", " + amount + " " + asset + ") written, its entry " + entry.id()
                        + " crediting " + wrong + " instead of the " + ruleId + " split.",
                "A reconcile run now reports check fee-splits" + ", HIGH when the fee is above the " + asset + " threshold."));
    }

    /**
     * Deletes the entitlement a PAID order granted, as a bug in the access grant (or an insider) would leave it: the user
     * paid and has no access. The order, its payment events and its ledger entries stay as they are.
     */
    public Outcome lostAccess(String orderId) {
        Order order = dynamo.table(Topology.ORDERS.localName(), Order.SCHEMA).getItem(Key.builder().partitionValue(orderId).build());
        if (order == null) {
            return new Outcome.Refused("no order " + orderId);
        }
        if (!OrderStatus.PAID.name().equals(order.status())) {
            return new Outcome.Refused("order " + orderId + " is " + order.status() + ", not PAID: pay it first (./warroom midtrans pay --order "
                    + orderId + ")");
        }
        Entitlement removed = dynamo.table(Topology.ENTITLEMENTS.localName(), Entitlement.SCHEMA)
                .deleteItem(Key.builder().partitionValue(order.userId()).sortValue(order.item()).build());
        if (removed == null) {
            return new Outcome.Refused("user " + order.userId() + " holds no entitlement to " + order.item() + " already");
        }
        return new Outcome.Written(List.of(
                "Entitlement of user " + order.userId() + " to " + order.item() + " deleted; order " + orderId + " stays PAID.",
                "The support lookup of " + orderId + " now suggests paid_no_access; a reconcile run reports check orders-paid."));
    }

    private Optional<Payout> newestConfirmed() {
        return payouts.oldestInStatus(PayoutStatus.CONFIRMED, 1000).stream()
                .max(Comparator.comparing(p -> p.times().updatedAt()));
    }

    // the payout's write and its ledger entry in one transaction, as the payout functions write them
    private Optional<String> commit(List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes, JournalEntry entry) {
        return switch (ledger.prepare(entry)) {
            case LedgerWrite.Writes ledgerWrites -> {
                List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> all = new ArrayList<>(writes);
                all.addAll(ledgerWrites.writes());
                payouts.commit(all);
                yield Optional.empty();
            }
            case LedgerWrite.AlreadyPosted posted -> Optional.of("entry " + posted.entryId() + " is posted already");
            case LedgerWrite.Overdrawn overdrawn -> Optional.of("the treasury cannot pay it again: " + overdrawn.account()
                    + " would go to " + DecimalAmount.format(overdrawn.balanceAfter()) + " (fund it in the seed's openingBalances)");
        };
    }
}
