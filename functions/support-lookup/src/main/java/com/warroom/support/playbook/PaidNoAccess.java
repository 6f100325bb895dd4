package com.warroom.support.playbook;

import static com.warroom.support.TicketPriority.HIGH;
import static com.warroom.support.TicketPriority.MEDIUM;

import com.warroom.support.playbook.Facts.OrderFact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * "I paid but got nothing": an order PAID (or refunded in part) whose user holds no entitlement for its item; or an
 * order still PENDING past the sweeper's threshold, where Midtrans has not confirmed what the user says they paid. A
 * REFUNDED order has no access on purpose, and a PENDING order younger than the threshold is a payment still under way.
 */
final class PaidNoAccess implements CaseRule {

    static final Situation PAID = new Situation("paid", HIGH,
            Set.of("userId", "orderId", "item", "amount", "paidAt", "age"));
    static final Situation PAYMENT_PENDING = new Situation("payment_pending", MEDIUM,
            Set.of("userId", "orderId", "item", "amount", "createdAt", "age"));

    @Override
    public String caseId() {
        return "paid_no_access";
    }

    @Override
    public List<Situation> situations() {
        return List.of(PAID, PAYMENT_PENDING);
    }

    @Override
    public List<Match> matches(Facts facts) {
        List<Match> matches = new ArrayList<>();
        List<OrderFact> oldestFirst = facts.orders().stream().sorted(Comparator.comparing(OrderFact::createdAt)).toList();
        for (OrderFact order : oldestFirst) {
            boolean paid = order.status().equals("PAID") || order.status().equals("PARTIALLY_REFUNDED");
            if (paid && !order.entitled()) {
                Values values = common(facts, order)
                        .put("paidAt", Wording.time(order.paidAt().orElse(order.updatedAt())));
                matches.add(new Match(PAID, Wording.age(values, "age",
                        Duration.between(order.paidAt().orElse(order.updatedAt()), facts.now()))));
            } else if (order.status().equals("PENDING") && order.stuck()) {
                Values values = common(facts, order).put("createdAt", Wording.time(order.createdAt()));
                matches.add(new Match(PAYMENT_PENDING, Wording.age(values, "age", Duration.between(order.createdAt(), facts.now()))));
            }
        }
        return matches;
    }

    private static Values common(Facts facts, OrderFact order) {
        Values values = new Values()
                .put("userId", facts.user().userId())
                .put("orderId", order.orderId())
                .put("item", order.item());
        return Wording.money(values, "amount", order.amount());
    }
}
