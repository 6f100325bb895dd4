package com.warroom.payments.processor;

import static com.warroom.payments.MidtransAnswers.notification;
import static com.warroom.payments.MidtransAnswers.settlementNotification;
import static com.warroom.payments.PaymentsStack.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.ledger.AccountStatement;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.money.Money;
import com.warroom.outbox.OutboxItem;
import com.warroom.payments.MidtransAnswers;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentsStack;
import com.warroom.payments.Entitlement;
import com.warroom.payments.Order;
import com.warroom.payments.Revenue;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.seal.Verification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PAID and refund transitions, with the real ledger and outbox: each is one TransactWriteItems with the order, the
 * check, the ledger entry, the entitlement and the success notification.
 */
@ExtendWith(EmbeddedStackExtension.class)
class PaidTransitionTest {

    private static PaymentsStack world;
    private static Processor processor;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PaymentsStack(stack, Instant.parse("2026-11-30T11:00:00Z"));
        processor = new Processor(world);
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
        world.close();
    }

    @BeforeEach
    void landed() {
        world.dispatched();
        metrics.clear();
    }

    private static void paid(String orderId) {
        world.midtransSays(orderId, MidtransAnswers.settlement(orderId, "150000.00"));
        assertThat(processor.process(world.notified(settlementNotification(orderId)))).isEmpty();
    }

    private static long minorOf(List<AccountStatement.Line> lines) {
        assertThat(lines).hasSize(1);
        return lines.getFirst().minor();
    }

    @Test
    void settlement_paysTheOrder_postsTheLedger_grantsTheItem_andCreatesAndDispatchesOneNotification() {
        String orderId = newOrderId();
        Order registered = world.register(orderId);

        paid(orderId);

        Order order = world.order(orderId);
        assertThat(order.status()).isEqualTo("PAID");
        assertThat(order.version()).isEqualTo(2);
        assertThat(order.times().paidAt()).isPresent();
        assertThat(order.revenue()).contains(new Revenue.Courses());
        assertThat(world.seal.verify(order)).isInstanceOf(Verification.Valid.class);
        assertThat(minorOf(world.ledgerLines("psp_clearing:midtrans", "order-paid:" + orderId))).isEqualTo(-15_000_000);
        assertThat(minorOf(world.ledgerLines("revenue:courses", "order-paid:" + orderId))).isEqualTo(15_000_000);
        assertThat(world.entitlements.find(registered.userId(), registered.item())).get().satisfies(e -> {
            assertThat(e.orderId()).isEqualTo(orderId);
            assertThat(e.active()).isTrue();
        });
        assertThat(world.outboxItems(orderId)).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("payment.success:" + orderId);
            assertThat(item.status()).isEqualTo("PENDING");
        });
        assertThat(world.dispatched()).containsExactly("payment.success:" + orderId);
        assertThat(processor.checks(orderId)).singleElement().satisfies(c -> {
            assertThat(c.path("applied").asText()).isEqualTo("PAID");
            assertThat(c.path("midtrans").path("transactionStatus").asText()).isEqualTo("settlement");
        });
        assertThat(world.reviewsOf(orderId)).isEmpty();
        assertThat(metrics.count(PaymentProcessor.APPLIED_METRIC)).isEqualTo(1);
    }

    @Test
    void captureAccepted_pays() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.capture(orderId, "150000.00", "accept"));

        processor.process(world.notified(notification(orderId, "capture", "200", "150000.00", "accept")));

        assertThat(world.order(orderId).status()).isEqualTo("PAID");
    }

    @Test
    void anItemWithAFeeRule_isSplitExactlyAmongTheRulesRecipients() {
        String orderId = newOrderId();
        world.register(orderId, "u-" + orderId, "blue_check", new Money("IDR", 15_000_001));
        world.midtransSays(orderId, MidtransAnswers.settlement(orderId, "150000.01"));

        processor.process(world.notified(notification(orderId, "settlement", "200", "150000.01", "accept")));

        String entry = "order-paid:" + orderId;
        assertThat(minorOf(world.ledgerLines("psp_clearing:midtrans", entry))).isEqualTo(-15_000_001);
        assertThat(minorOf(world.ledgerLines("fees:blue_check:treasury", entry))).isEqualTo(10_500_001);
        assertThat(minorOf(world.ledgerLines("fees:blue_check:referral", entry))).isEqualTo(4_500_000);
        assertThat(world.ledgerLines("revenue:courses", entry)).isEmpty();
    }

    @Test
    void settlementThenALatePending_changesNothing_andMidtransIsAskedOnce() {
        String orderId = newOrderId();
        world.register(orderId);
        paid(orderId);
        world.clock.advance(Duration.ofSeconds(1));

        processor.process(world.notified(notification(orderId, "pending", "201", "150000.00", "accept")));

        assertThat(world.order(orderId).version()).isEqualTo(2);
        assertThat(world.midtransCallsFor(orderId)).isEqualTo(1);
        assertThat(processor.checks(orderId)).hasSize(2).last().satisfies(c ->
                assertThat(c.path("outcome").asText()).startsWith("no change: order is PAID"));
    }

    @Test
    void expireAfterSettlement_changesNothing() {
        String orderId = newOrderId();
        world.register(orderId);
        paid(orderId);
        world.midtransSays(orderId, MidtransAnswers.expire(orderId, "150000.00"));

        processor.process(world.notified(notification(orderId, "expire", "407", "150000.00", null)));

        assertThat(world.order(orderId).status()).isEqualTo("PAID");
        assertThat(world.midtransCallsFor(orderId)).isEqualTo(1);
        assertThat(world.reviewsOf(orderId)).isEmpty();
    }

    @Test
    void theSameSettlementThreeTimesInOneBatch_paysOnce() {
        String orderId = newOrderId();
        Order registered = world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.settlement(orderId, "150000.00"));
        PaymentCheck check = world.notified(settlementNotification(orderId));

        assertThat(processor.process(check, check, check)).isEmpty();

        assertThat(world.order(orderId).version()).isEqualTo(2);
        assertThat(world.ledgerLines("revenue:courses", "order-paid:" + orderId)).hasSize(1);
        assertThat(world.outboxItems(orderId)).hasSize(1);
        assertThat(world.entitlements.find(registered.userId(), registered.item())).isPresent();
        assertThat(world.dispatched()).containsExactly("payment.success:" + orderId);
        assertThat(metrics.count(PaymentProcessor.APPLIED_METRIC)).isEqualTo(1);
    }

    @Test
    void aRedeliveredCheck_ofAPaidOrderWhoseNotificationIsStillPending_handsItToTheSenderAgain() {
        // the first processing committed and died before its dispatch (or the dispatch failed): SQS delivers the message again
        String orderId = newOrderId();
        world.register(orderId);
        paid(orderId);
        world.dispatched();
        PaymentCheck check = world.notified(settlementNotification(orderId));

        processor.handle(Processor.batch(Processor.message(check.toJson(), 2)));
        assertThat(world.dispatched()).containsExactly("payment.success:" + orderId);

        processor.handle(Processor.batch(Processor.message(check.toJson(), 1)));
        assertThat(world.dispatched()).as("a first delivery of a duplicate does not hand it over again").isEmpty();
    }

    @Test
    void partialRefundThenTheRest_reverseTheLedgerByWhatIsNew_andTheFullRefundRevokesTheItem() {
        String orderId = newOrderId();
        Order registered = world.register(orderId);
        paid(orderId);

        world.midtransSays(orderId, MidtransAnswers.refund(orderId, "150000.00", "partial_refund", "50000.00"));
        processor.process(world.notified(notification(orderId, "partial_refund", "200", "150000.00", "accept")));

        assertThat(world.order(orderId)).satisfies(o -> {
            assertThat(o.status()).isEqualTo("PARTIALLY_REFUNDED");
            assertThat(o.refundedMinor()).isEqualTo(5_000_000);
        });
        assertThat(minorOf(world.ledgerLines("psp_clearing:midtrans", "order-refund:" + orderId + ":5000000"))).isEqualTo(5_000_000);
        assertThat(minorOf(world.ledgerLines("revenue:courses", "order-refund:" + orderId + ":5000000"))).isEqualTo(-5_000_000);
        assertThat(world.entitlements.find(registered.userId(), registered.item())).get().extracting(Entitlement::active).isEqualTo(true);

        world.clock.advance(Duration.ofDays(1));
        world.midtransSays(orderId, MidtransAnswers.refund(orderId, "150000.00", "refund", "50000.00", "100000.00"));
        processor.process(world.notified(notification(orderId, "refund", "200", "150000.00", "accept")));

        assertThat(world.order(orderId)).satisfies(o -> {
            assertThat(o.status()).isEqualTo("REFUNDED");
            assertThat(o.refundedMinor()).isEqualTo(15_000_000);
            assertThat(world.seal.verify(o)).isInstanceOf(Verification.Valid.class);
        });
        assertThat(minorOf(world.ledgerLines("revenue:courses", "order-refund:" + orderId + ":15000000"))).isEqualTo(-10_000_000);
        assertThat(world.entitlements.find(registered.userId(), registered.item())).get().satisfies(e -> assertThat(e.revokedAt()).isPresent());
        assertThat(world.outboxItems(orderId)).extracting(OutboxItem::id).containsExactly("payment.success:" + orderId);
    }

    @Test
    void aRefundDeliveredTwice_reversesOnce() {
        String orderId = newOrderId();
        world.register(orderId);
        paid(orderId);
        world.midtransSays(orderId, MidtransAnswers.refund(orderId, "150000.00", "partial_refund", "20000.00"));
        PaymentCheck refund = world.notified(notification(orderId, "partial_refund", "200", "150000.00", "accept"));

        processor.process(refund, refund);

        assertThat(world.order(orderId).version()).isEqualTo(3);
        assertThat(world.ledgerLines("revenue:courses", "order-refund:" + orderId + ":2000000")).hasSize(1);
    }

    @Test
    void aPaidOrderThatMidtransCancels_isRecordedForReview_andStaysPaid() {
        String orderId = newOrderId();
        world.register(orderId);
        paid(orderId);
        world.midtransSays(orderId, MidtransAnswers.cancel(orderId, "150000.00"));

        processor.process(world.notified(notification(orderId, "cancel", "200", "150000.00", "accept")));

        assertThat(world.order(orderId).status()).isEqualTo("PAID");
        assertThat(world.reviewsOf(orderId)).singleElement().extracting(PaymentReview::kind).isEqualTo("STATUS_DISAGREES");
    }

    @Test
    void aSecondOrderForAnItemTheUserHas_isPaid_andTheEntitlementStaysTheFirstOrders() {
        String first = newOrderId();
        String second = newOrderId();
        String user = "u-" + first;
        world.register(first, user, "course:rust-201", PaymentsStack.PRICE);
        world.register(second, user, "course:rust-201", PaymentsStack.PRICE);

        paid(first);
        paid(second);

        assertThat(world.order(second).status()).isEqualTo("PAID");
        assertThat(world.entitlements.find(user, "course:rust-201")).get().extracting(Entitlement::orderId).isEqualTo(first);
    }

    @Test
    void aDispatchThatFails_failsTheMessage_andItsRedeliveryHandsTheNotificationOver() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.settlement(orderId, "150000.00"));
        PaymentCheck check = world.notified(settlementNotification(orderId));
        var brokenDispatch = new PaymentProcessorHandler(new PaymentProcessor(new PaymentProcessor.Services(world.orders, world.events,
                world.reviews, world.midtransClient, world.notifications, id -> {
                    throw new IllegalStateException("the notifications queue is down");
                }), world.seal, new OrderTransitions(world.dynamo, new OrderTransitions.Stores(world.orders, world.events,
                world.entitlements, world.config), world.seal, world.journal, world.notifications), world.clock));

        SQSEvent first = Processor.batch(Processor.message(check.toJson(), 1));
        assertThat(brokenDispatch.handleRequest(first, null).getBatchItemFailures()).hasSize(1);
        assertThat(world.order(orderId).status()).as("the payment is committed whatever happens to the dispatch").isEqualTo("PAID");

        processor.handle(Processor.batch(Processor.message(check.toJson(), 2)));
        assertThat(world.dispatched()).containsExactly("payment.success:" + orderId);
    }
}
