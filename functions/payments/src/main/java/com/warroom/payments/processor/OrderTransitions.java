package com.warroom.payments.processor;

import com.warroom.config.ConfigStore;
import com.warroom.config.FeeRule;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.LedgerWrite;
import com.warroom.ledger.Posting;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.outbox.Notification;
import com.warroom.outbox.NotificationKind;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.PaymentEvent;
import com.warroom.payments.PaymentEvents;
import com.warroom.payments.entitlements.EntitlementStore;
import com.warroom.payments.Order;
import com.warroom.payments.orders.OrderNotifications;
import com.warroom.payments.orders.OrderSeal;
import com.warroom.payments.orders.OrderStore;
import com.warroom.payments.Revenue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes a transition of an order in one {@code TransactWriteItems}: the order (only if it is still at the status and
 * version that was read), the check item, and what the transition brings with it. PAID brings the ledger entry, the
 * entitlement and the success notification, so that the notification exists exactly when the payment is applied; a
 * refund brings the ledger's reversal of what is newly refunded and, in full, the entitlement's revocation. Only
 * reads before the commit, so a refused commit is simply prepared again from fresh reads.
 */
final class OrderTransitions {

    static final AccountId PSP_CLEARING = new AccountId("psp_clearing:midtrans");

    private static final Logger LOG = LoggerFactory.getLogger(OrderTransitions.class);

    private final DynamoDbEnhancedClient client;
    private final OrderStore orders;
    private final OrderSeal seal;
    private final PaymentEvents events;
    private final EntitlementStore entitlements;
    private final Journal journal;
    private final OrderNotifications notifications;
    private final ConfigStore config;

    /** The stores the transactions write, and the services whose writes join them. */
    record Stores(OrderStore orders, PaymentEvents events, EntitlementStore entitlements, ConfigStore config) {
    }

    OrderTransitions(DynamoDbEnhancedClient client, Stores stores, OrderSeal seal, Journal journal, OrderNotifications notifications) {
        this.client = client;
        this.orders = stores.orders();
        this.events = stores.events();
        this.entitlements = stores.entitlements();
        this.config = stores.config();
        this.seal = seal;
        this.journal = journal;
        this.notifications = notifications;
    }

    /** How a write ended. */
    sealed interface Written {
        /** Committed; {@code dispatch} is the outbox item to hand to the sender now. */
        record Committed(Optional<String> dispatch) implements Written {
        }

        /** A condition failed (the order, a balance or the entitlement moved since they were read): prepare again. */
        record Refused(String why) implements Written {
        }
    }

    Written write(Order order, Transition transition, PaymentEvent check, Instant now) {
        var request = TransactWriteItemsEnhancedRequest.builder();
        Optional<String> dispatch = Optional.empty();
        switch (transition) {
            case Transition.Pay pay -> dispatch = Optional.of(pay(order, now, request));
            case Transition.Close close -> orders.replace(order, seal.sealed(order.moved(close.to(), now))).accept(request);
            case Transition.Refund refund -> refund(order, refund, now, request);
            case Transition.None none -> throw new IllegalArgumentException("a check that applies nothing writes no transition");
        }
        events.appendInTransaction(check).accept(request);
        try {
            client.transactWriteItems(request.build());
            return new Written.Committed(dispatch);
        } catch (TransactionCanceledException e) {
            if (!raced(e)) {
                throw e;
            }
            return new Written.Refused(reasons(e));
        }
    }

    /**
     * The PAID transaction, in one place: the order PENDING → PAID, the ledger entry {@code order-paid:<orderId>}
     * (Midtrans's clearing account pays the item's revenue accounts), the user's entitlement to the item, and the
     * success notification. Answers the notification's outbox id.
     */
    private String pay(Order order, Instant now, TransactWriteItemsEnhancedRequest.Builder request) {
        Revenue revenue = revenueFor(order.item());
        List<Posting> postings = new ArrayList<>();
        postings.add(new Posting(PSP_CLEARING, new Money(order.amount().currency(), -order.amount().minor())));
        postings.addAll(revenue.credits(order.amount()));
        post(new JournalEntry("order-paid:" + order.orderId(), now, "order:" + order.orderId(), postings), request);
        orders.replace(order, seal.sealed(order.paid(revenue, now))).accept(request);
        entitlements.grant(order.userId(), order.item(), order.orderId(), now, entitlements.find(order.userId(), order.item()))
                .ifPresent(grant -> grant.accept(request));
        Notification success = new Notification(NotificationKind.PAYMENT_SUCCESS, order.orderId(), order.userId(),
                order.customer().email(), order.customer().phone(), Map.of(
                        "amount", DecimalAmount.format(order.amount()), "currency", order.amount().currency(), "item", order.item()));
        notifications.create(success).accept(request);
        return success.id();
    }

    /**
     * A refund: the order → PARTIALLY_REFUNDED or REFUNDED, the ledger entry {@code order-refund:<orderId>:<total>}
     * reversing what is newly refunded, account by account in the shares of the payment, and, when refunded in full,
     * the revocation of the entitlement this order granted.
     */
    private void refund(Order order, Transition.Refund refund, Instant now, TransactWriteItemsEnhancedRequest.Builder request) {
        String currency = order.amount().currency();
        Revenue revenue = order.revenue().orElse(new Revenue.Courses());
        Map<AccountId, Long> before = revenue.amountsOf(order.refundedMinor());
        Map<AccountId, Long> after = revenue.amountsOf(refund.refundedTotalMinor());
        List<Posting> postings = new ArrayList<>();
        postings.add(new Posting(PSP_CLEARING, new Money(currency, refund.refundedTotalMinor() - order.refundedMinor())));
        after.forEach((account, total) -> {
            long reversed = total - before.getOrDefault(account, 0L);
            if (reversed != 0) {
                postings.add(new Posting(account, new Money(currency, -reversed)));
            }
        });
        post(new JournalEntry("order-refund:" + order.orderId() + ":" + refund.refundedTotalMinor(), now, "order:" + order.orderId(),
                postings), request);
        orders.replace(order, seal.sealed(order.refunded(refund.to(), refund.refundedTotalMinor(), now))).accept(request);
        if (refund.to() == OrderStatus.REFUNDED) {
            entitlements.find(order.userId(), order.item())
                    .filter(e -> e.active() && e.orderId().equals(order.orderId()))
                    .ifPresent(granted -> entitlements.revoke(granted, now).accept(request));
        }
    }

    private void post(JournalEntry entry, TransactWriteItemsEnhancedRequest.Builder request) {
        switch (journal.prepare(entry)) {
            case LedgerWrite.Writes writes -> writes.writes().forEach(w -> w.accept(request));
            // the entry commits with the order's change, so this means someone posted it outside Warroom's path
            case LedgerWrite.AlreadyPosted posted -> LOG.warn("ledger entry {} is already posted; the order's change goes on without it",
                    posted.entryId());
            case LedgerWrite.Overdrawn overdrawn -> throw new IllegalStateException("the ledger refuses " + entry.id() + ": account "
                    + overdrawn.account() + " would go to " + DecimalAmount.format(overdrawn.balanceAfter()));
        }
    }

    /** The item's revenue route under the config in force: its fee rule's recipients, or revenue:courses. */
    private Revenue revenueFor(String item) {
        Map<String, FeeRule> rules = config.currentFeeRules().orElseThrow(() -> new IllegalStateException(
                "no config is loaded, so the fee rules are unknown: run the config seed first"));
        FeeRule rule = rules.get(item);
        return rule == null ? new Revenue.Courses() : new Revenue.Fees(item, rule.splits());
    }

    // a lost race (a condition on the order, a balance, the entitlement or the check's key) or a concurrent transaction
    private static boolean raced(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return false;
        }
        for (CancellationReason reason : e.cancellationReasons()) {
            String code = reason.code();
            if (code != null && !code.equals("None") && !code.equals("ConditionalCheckFailed") && !code.equals("TransactionConflict")) {
                return false;
            }
        }
        return true;
    }

    private static String reasons(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).toList().toString();
    }
}
