package com.warroom.reconcile.check;

import com.warroom.ledger.LedgerItems;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.Entitlement;
import com.warroom.payments.Order;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Orders PAID against entitlements and the ledger. A paid order (PAID or PARTIALLY_REFUNDED) gives its user an active
 * entitlement to its item (one per user and item, whichever order granted it); without one it is MEDIUM (LOW for
 * {@link #ENTITLEMENT_AGE_LIMIT} after it was paid). Every order that was paid (REFUNDED ones too) has its ledger entry
 * {@code order-paid:<orderId>} taking exactly its amount from {@code psp_clearing:midtrans}, and no other order has
 * one: any difference is a money mismatch.
 */
final class OrdersPaid extends TallyCheck {

    static final String NAME = "orders-paid";
    /** How long a paid order may be seen without its entitlement before it is more than a timing gap. */
    static final Duration ENTITLEMENT_AGE_LIMIT = Duration.ofMinutes(15);
    private static final String ORDER = "order ";
    private static final String ENTITLEMENT = "entitlement ";
    private static final String PAID_PREFIX = "order-paid:";
    private static final String PSP_CLEARING = "psp_clearing:";

    private final MismatchThresholds thresholds;

    OrdersPaid(MismatchThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.ORDERS, Topology.ENTITLEMENTS, Topology.LEDGER_ENTRIES);
    }

    @Override
    void fold(TableDef table, Map<String, AttributeValue> item, Tally into) {
        if (table.equals(Topology.ORDERS)) {
            Order order = Order.SCHEMA.mapToItem(item);
            if (order.orderId() == null) {
                return;
            }
            String subject = ORDER + order.orderId();
            into.add(subject, "order", 1);
            into.add(subject, "amount", order.amount().minor());
            into.text(subject, "currency", order.amount().currency());
            into.text(subject, "status", order.status());
            into.text(subject, "entitles", order.userId() + " " + order.item());
            order.times().paidAt().ifPresent(at -> into.max(subject, "paidAt", at.toEpochMilli()));
        } else if (table.equals(Topology.ENTITLEMENTS)) {
            Entitlement entitlement = Entitlement.SCHEMA.mapToItem(item);
            if (entitlement.userId() != null && entitlement.active()) {
                into.add(ENTITLEMENT + entitlement.userId() + " " + entitlement.item(), "active", 1);
            }
        } else {
            LedgerItems.journalId(item).filter(id -> id.startsWith(PAID_PREFIX)).flatMap(id -> LedgerItems.journal(item)).ifPresent(journal -> {
                String subject = ORDER + journal.entryId().substring(PAID_PREFIX.length());
                into.add(subject, "entry", 1);
                journal.legs().stream().filter(leg -> leg.account().startsWith(PSP_CLEARING)).forEach(leg -> {
                    into.add(subject, "posted", -leg.minor());
                    into.text(subject, "postedCurrency", leg.currency());
                });
            });
        }
    }

    @Override
    List<FindingDraft> compare(Tally merged, RunContext run) {
        List<FindingDraft> findings = new ArrayList<>();
        for (String subject : merged.subjects(ORDER)) {
            String orderId = subject.substring(ORDER.length());
            Optional<OrderStatus> status = merged.text(subject, "status").flatMap(OrderStatus::parse);
            boolean wasPaid = status.map(s -> s.isPaid() || s == OrderStatus.REFUNDED).orElse(false);
            String currency = merged.text(subject, "currency").or(() -> merged.text(subject, "postedCurrency")).orElse(Mismatch.NO_CURRENCY);
            long amount = merged.sum(subject, "amount");
            long posted = merged.sum(subject, "posted");
            boolean entry = merged.sum(subject, "entry") > 0;
            String entryLabel = "ledger entry " + PAID_PREFIX + orderId + " from " + PSP_CLEARING + "midtrans";
            if (wasPaid && (!entry || posted != amount)) {
                findings.add(Mismatch.money(NAME, orderId + " ledger", new Mismatch.Sides(currency,
                        "order " + status.get() + " of", amount, entryLabel, entry ? posted : 0), thresholds));
            } else if (!wasPaid && entry) {
                String state = merged.sum(subject, "order") > 0 ? "order in " + merged.text(subject, "status").orElse("no status")
                        : "no such order";
                findings.add(Mismatch.money(NAME, orderId + " ledger", new Mismatch.Sides(currency, "paid for " + state, 0,
                        entryLabel, posted), thresholds));
            }
            if (status.map(OrderStatus::isPaid).orElse(false)) {
                String entitles = merged.text(subject, "entitles").orElseThrow();
                if (merged.sum(ENTITLEMENT + entitles, "active") == 0) {
                    findings.add(unentitled(orderId, entitles, status.get(), merged.max(subject, "paidAt").orElse(0), run));
                }
            }
        }
        return findings;
    }

    private FindingDraft unentitled(String orderId, String entitles, OrderStatus status, long paidAt, RunContext run) {
        boolean recent = run.startedAt().toEpochMilli() - paidAt < ENTITLEMENT_AGE_LIMIT.toMillis();
        Risk risk = recent ? Risk.LOW : Risk.MEDIUM;
        return new FindingDraft(NAME, orderId + " entitlement", "an active entitlement of " + entitles,
                "none" + (recent ? " yet (paid less than " + ENTITLEMENT_AGE_LIMIT.toMinutes() + " minutes ago)" : ""),
                "order " + status + " without entitlement", risk, recent ? Action.RETRY : Action.MANUAL_REVIEW, runbook());
    }
}
