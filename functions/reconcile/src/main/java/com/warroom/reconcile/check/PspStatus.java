package com.warroom.reconcile.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.money.DecimalAmount;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.SortableTime;
import com.warroom.payments.Order;
import com.warroom.payments.processor.MidtransAnswer;
import com.warroom.payments.processor.MidtransClient;
import com.warroom.payments.processor.MidtransTransaction;
import com.warroom.payments.processor.MidtransUnavailable;
import com.warroom.topology.TableDef;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * PSP against internal: each order PAID on the run's day (Asia/Jakarta) is asked of Midtrans's get-status. Midtrans
 * must say {@code settlement}, or {@code capture} with {@code fraud_status} accept, for the order's amount; anything
 * else (pending, expire, deny, a refund, no transaction, another amount) means access was granted for money Midtrans
 * does not hold: HIGH. When Midtrans cannot be asked, one LOW finding says so (retry the run). Reads on its own: the
 * orders' status index (PAID orders created from {@link #CREATED_BEFORE_PAID} before the day to its end: a virtual
 * account may stay pending for a day before it is paid), then one get-status per order.
 */
final class PspStatus implements Check {

    static final String NAME = "psp-status";
    static final ZoneId DAY_ZONE = ZoneId.of("Asia/Jakarta");
    /** How long before it was paid an order may have been created (Midtrans keeps virtual accounts open 24 hours). */
    static final Duration CREATED_BEFORE_PAID = Duration.ofDays(2);
    private static final String RUNBOOK = "#reconcile-" + NAME;

    private final DynamoDbIndex<Order> byStatus;
    private final MidtransClient midtrans;

    PspStatus(DynamoDbEnhancedClient dynamo, String ordersTable, MidtransClient midtrans) {
        this.byStatus = dynamo.table(ordersTable, Order.SCHEMA).index(Order.BY_STATUS);
        this.midtrans = midtrans;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of();
    }

    @Override
    public Aggregate newAggregate() {
        return new NothingScanned();
    }

    @Override
    public Aggregate readAggregate(JsonNode json) {
        return new NothingScanned();
    }

    @Override
    public List<FindingDraft> compare(Aggregate merged, RunContext run) {
        Instant dayStart = run.day().atStartOfDay(DAY_ZONE).toInstant();
        Instant dayEnd = run.day().plusDays(1).atStartOfDay(DAY_ZONE).toInstant();
        List<FindingDraft> findings = new ArrayList<>();
        for (Order order : paidOrders(dayStart.minus(CREATED_BEFORE_PAID), dayEnd)) {
            Instant paidAt = order.times().paidAt().orElse(Instant.EPOCH);
            if (paidAt.isBefore(dayStart) || !paidAt.isBefore(dayEnd)) {
                continue;
            }
            MidtransAnswer answer;
            try {
                answer = midtrans.status(order.orderId());
            } catch (MidtransUnavailable e) {
                findings.add(new FindingDraft(NAME, "midtrans get-status", "Midtrans's status of the day's PAID orders",
                        "not asked: " + e.getMessage(), "orders unchecked", Risk.LOW, Action.RETRY, RUNBOOK));
                return findings;
            }
            disagreement(order, answer).ifPresent(findings::add);
        }
        return findings;
    }

    private List<Order> paidOrders(Instant createdFrom, Instant createdTo) {
        QueryConditional range = QueryConditional.sortBetween(
                Key.builder().partitionValue(OrderStatus.PAID.name()).sortValue(SortableTime.format(createdFrom)).build(),
                Key.builder().partitionValue(OrderStatus.PAID.name()).sortValue(SortableTime.format(createdTo)).build());
        List<Order> orders = new ArrayList<>();
        byStatus.query(QueryEnhancedRequest.builder().queryConditional(range).build())
                .forEach(page -> orders.addAll(page.items()));
        return orders;
    }

    private Optional<FindingDraft> disagreement(Order order, MidtransAnswer answer) {
        String ours = "PAID " + DecimalAmount.format(order.amount()) + " " + order.amount().currency();
        return switch (answer) {
            case MidtransAnswer.NotFound notFound -> Optional.of(new FindingDraft(NAME, order.orderId(), ours,
                    "Midtrans has no transaction for it", "paid here only", Risk.HIGH, Action.ESCALATE, RUNBOOK));
            case MidtransAnswer.Found found -> {
                MidtransTransaction t = found.transaction();
                boolean settled = t.transactionStatus().equals("settlement")
                        || (t.transactionStatus().equals("capture") && t.fraudStatus().map("accept"::equals).orElse(true));
                boolean sameAmount = t.grossAmount().map(g -> sameAmount(g, order)).orElse(false);
                if (settled && sameAmount) {
                    yield Optional.empty();
                }
                yield Optional.of(new FindingDraft(NAME, order.orderId(), ours + " (Midtrans settlement or capture)",
                        "Midtrans " + t.transactionStatus() + t.fraudStatus().map(f -> " (fraud " + f + ")").orElse("") + " "
                                + t.grossAmount().orElse("(no amount)") + " " + t.currency().orElse(order.amount().currency()),
                        settled ? "another amount" : "not settled at Midtrans", Risk.HIGH, Action.ESCALATE, RUNBOOK));
            }
        };
    }

    private static boolean sameAmount(String gross, Order order) {
        try {
            return new BigDecimal(gross).compareTo(new BigDecimal(DecimalAmount.format(order.amount()))) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
