package com.warroom.payments.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.json.Json;
import com.warroom.money.Money;
import com.warroom.payments.MidtransAnswers;
import com.warroom.payments.MidtransNotification;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.Customer;
import com.warroom.payments.NewOrder;
import com.warroom.payments.Order;
import com.warroom.payments.Revenue;
import com.warroom.payments.reviews.ReviewKind;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of {@link PaymentDecider}, without a stack: the status applied is always Midtrans's get-status answer. */
class PaymentDeciderTest {

    private static final String ID = "O-decide-1";
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Order PENDING = Order.pending(new NewOrder(ID, "u-1", "course:python-101", new Money("IDR", 15_000_000),
            Customer.NONE), NOW);
    private static final Order PAID = PENDING.paid(new Revenue.Courses(), NOW);

    private static MidtransAnswer answer(String json) {
        return new MidtransAnswer.Found(MidtransTransaction.of(Json.readTree(json)).orElseThrow());
    }

    private static Optional<MidtransNotification> webhook(String status, String code, String fraud) {
        String json = MidtransAnswers.notification(ID, status, code, "150000.00", fraud);
        return Optional.of(((MidtransNotification.Parsed.Valid) MidtransNotification.parse(json)).notification());
    }

    private static Verdict decide(Order order, Optional<MidtransNotification> webhook, String answerJson) {
        return PaymentDecider.decide(order, webhook, answer(answerJson));
    }

    @Test
    void settlement_withTheOrdersAmount_pays() {
        Verdict v = decide(PENDING, webhook("settlement", "200", "accept"), MidtransAnswers.settlement(ID, "150000.00"));

        assertThat(v.transition()).isEqualTo(new Transition.Pay());
        assertThat(v.review()).isEmpty();
        assertThat(v.outcome()).startsWith("PAID: Midtrans says settlement");
    }

    @Test
    void captureAccepted_orWithoutFraudStatus_pays_butChallengedStays() {
        assertThat(decide(PENDING, Optional.empty(), MidtransAnswers.capture(ID, "150000", "accept")).transition()).isEqualTo(new Transition.Pay());
        String noFraud = MidtransAnswers.capture(ID, "150000.00", "accept").replace(",\"fraud_status\":\"accept\"", "");
        assertThat(decide(PENDING, Optional.empty(), noFraud).transition()).isEqualTo(new Transition.Pay());

        Verdict challenged = decide(PENDING, Optional.empty(), MidtransAnswers.capture(ID, "150000.00", "challenge"));
        assertThat(challenged.transition()).isEqualTo(new Transition.None());
        assertThat(challenged.outcome()).contains("stays PENDING");
    }

    @ParameterizedTest
    @CsvSource({"149999.99,IDR", "150000.01,IDR", "150000.00,USD", "1500000.00,IDR", "abc,IDR"})
    void settlement_withAnotherAmountOrCurrency_isReviewed_andNothingApplied(String amount, String currency) {
        String json = MidtransAnswers.settlement(ID, amount).replace("\"currency\":\"IDR\"", "\"currency\":\"" + currency + "\"");

        Verdict v = decide(PENDING, webhook("settlement", "200", "accept"), json);

        assertThat(v.transition()).isEqualTo(new Transition.None());
        assertThat(v.review()).get().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReviewKind.AMOUNT_MISMATCH);
            assertThat(r.expected()).get().satisfies(e -> assertThat(e.amount()).isEqualTo("150000.00"));
            assertThat(r.received()).get().satisfies(e -> {
                assertThat(e.amount()).isEqualTo(amount);
                assertThat(e.currency()).isEqualTo(currency);
            });
        });
    }

    @Test
    void settlementWithoutACurrency_isRupiah() {
        String json = MidtransAnswers.settlement(ID, "150000.00").replace(",\"currency\":\"IDR\"", "");

        assertThat(decide(PENDING, Optional.empty(), json).transition()).isEqualTo(new Transition.Pay());
    }

    @Test
    void settlementWithAnotherStatusCode_isNotAPayment() {
        String json = MidtransAnswers.settlement(ID, "150000.00").replace("\"status_code\":\"200\"", "\"status_code\":\"201\"");

        assertThat(decide(PENDING, Optional.empty(), json).transition()).isEqualTo(new Transition.None());
    }

    @ParameterizedTest
    @CsvSource({"expire,EXPIRED", "cancel,CANCELLED", "deny,FAILED", "failure,FAILED"})
    void closing_movesAPendingOrder(String status, OrderStatus to) {
        String json = switch (status) {
            case "expire" -> MidtransAnswers.expire(ID, "150000.00");
            case "cancel" -> MidtransAnswers.cancel(ID, "150000.00");
            case "deny" -> MidtransAnswers.deny(ID, "150000.00");
            default -> MidtransAnswers.failure(ID, "150000.00");
        };

        Verdict v = decide(PENDING, webhook(status, "202", null), json);

        assertThat(v.transition()).isEqualTo(new Transition.Close(to));
        assertThat(v.review()).isEmpty();
    }

    @Test
    void webhookSaysSettlement_butMidtransSaysPending_isReviewed_andTheOrderStays() {
        Verdict v = decide(PENDING, webhook("settlement", "200", "accept"), MidtransAnswers.pending(ID, "150000.00"));

        assertThat(v.transition()).isEqualTo(new Transition.None());
        assertThat(v.review()).get().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReviewKind.STATUS_DISAGREES);
            assertThat(r.detail()).contains("the notification says settlement").contains("Midtrans's get-status says pending");
        });
    }

    @Test
    void webhookSaysSettlement_butMidtransHasNoTransaction_isReviewed() {
        Verdict v = PaymentDecider.decide(PENDING, webhook("settlement", "200", "accept"), new MidtransAnswer.NotFound());

        assertThat(v.transition()).isEqualTo(new Transition.None());
        assertThat(v.review()).get().extracting(ReviewNote::kind).isEqualTo(ReviewKind.STATUS_DISAGREES);
    }

    @Test
    void webhookSaysSettlement_butMidtransSaysExpire_appliesMidtrans_andIsReviewed() {
        Verdict v = decide(PENDING, webhook("settlement", "200", "accept"), MidtransAnswers.expire(ID, "150000.00"));

        assertThat(v.transition()).isEqualTo(new Transition.Close(OrderStatus.EXPIRED));
        assertThat(v.review()).get().extracting(ReviewNote::kind).isEqualTo(ReviewKind.STATUS_DISAGREES);
    }

    @Test
    void webhookSaysPending_andMidtransSaysSettlement_pays_theApiIsTheTruth() {
        Verdict v = decide(PENDING, webhook("pending", "201", "accept"), MidtransAnswers.settlement(ID, "150000.00"));

        assertThat(v.transition()).isEqualTo(new Transition.Pay());
        assertThat(v.review()).isEmpty();
    }

    @Test
    void reconcile_withNoTransactionAtMidtrans_changesNothing() {
        Verdict v = PaymentDecider.decide(PENDING, Optional.empty(), new MidtransAnswer.NotFound());

        assertThat(v).isEqualTo(Verdict.none("no change: Midtrans has no transaction for this order"));
    }

    @Test
    void whyNothingCanChange_monotonic() {
        assertThat(PaymentDecider.whyNothingCanChange(PENDING, webhook("pending", "201", "accept"), false)).isEmpty();
        assertThat(PaymentDecider.whyNothingCanChange(PENDING, Optional.empty(), true)).isEmpty();
        assertThat(PaymentDecider.whyNothingCanChange(PAID, webhook("pending", "201", "accept"), false))
                .contains("no change: order is PAID (the notification says pending)");
        assertThat(PaymentDecider.whyNothingCanChange(PAID, webhook("expire", "407", null), false)).get().asString().startsWith("no change: order is PAID");
        assertThat(PaymentDecider.whyNothingCanChange(PAID, webhook("settlement", "200", "accept"), false)).isPresent();
        assertThat(PaymentDecider.whyNothingCanChange(PAID, Optional.empty(), true)).contains("no change: order is PAID");
        assertThat(PaymentDecider.whyNothingCanChange(PAID, webhook("refund", "200", "accept"), false)).isEmpty();
        assertThat(PaymentDecider.whyNothingCanChange(PAID, webhook("cancel", "200", "accept"), false)).isEmpty();
        Order expired = PENDING.moved(OrderStatus.EXPIRED, NOW);
        assertThat(PaymentDecider.whyNothingCanChange(expired, webhook("settlement", "200", "accept"), false)).contains("no change: order is EXPIRED");
    }

    @Test
    void paidOrder_thatMidtransNowCancels_isReviewed_neverMovedBack() {
        Verdict v = decide(PAID, webhook("cancel", "200", "accept"), MidtransAnswers.cancel(ID, "150000.00"));

        assertThat(v.transition()).isEqualTo(new Transition.None());
        assertThat(v.review()).get().satisfies(r -> assertThat(r.detail()).contains("reversed after it was applied"));
    }

    @Test
    void closedOrder_thatMidtransSaysWasPaid_isReviewed() {
        Order cancelled = PENDING.moved(OrderStatus.CANCELLED, NOW);

        Verdict v = PaymentDecider.decide(cancelled, Optional.empty(), answer(MidtransAnswers.settlement(ID, "150000.00")));

        assertThat(v.transition()).isEqualTo(new Transition.None());
        assertThat(v.review()).get().satisfies(r -> assertThat(r.detail()).contains("closed here"));
    }

    @Test
    void refunds_moveByTheTotalRefunded() {
        Verdict partial = decide(PAID, webhook("partial_refund", "200", "accept"), MidtransAnswers.refund(ID, "150000.00", "partial_refund", "50000.00"));
        assertThat(partial.transition()).isEqualTo(new Transition.Refund(OrderStatus.PARTIALLY_REFUNDED, 5_000_000));

        Order partly = PAID.refunded(OrderStatus.PARTIALLY_REFUNDED, 5_000_000, NOW);
        Verdict rest = decide(partly, webhook("refund", "200", "accept"), MidtransAnswers.refund(ID, "150000.00", "refund", "50000.00", "100000.00"));
        assertThat(rest.transition()).isEqualTo(new Transition.Refund(OrderStatus.REFUNDED, 15_000_000));
        assertThat(rest.outcome()).contains("100000.00 IDR of it new");

        Verdict again = decide(partly, webhook("partial_refund", "200", "accept"), MidtransAnswers.refund(ID, "150000.00", "partial_refund", "50000.00"));
        assertThat(again.transition()).isEqualTo(new Transition.None());
        assertThat(again.outcome()).contains("already refunded");
    }

    @Test
    void refund_withoutAnAmount_isTheWholeOrder_butAPartialOneIsReviewed() {
        String full = "{\"status_code\":\"200\",\"transaction_status\":\"refund\",\"gross_amount\":\"150000.00\"}";
        String partial = "{\"status_code\":\"200\",\"transaction_status\":\"partial_refund\",\"gross_amount\":\"150000.00\"}";

        assertThat(decide(PAID, Optional.empty(), full).transition()).isEqualTo(new Transition.Refund(OrderStatus.REFUNDED, 15_000_000));
        assertThat(decide(PAID, Optional.empty(), partial).review()).get().extracting(ReviewNote::kind).isEqualTo(ReviewKind.STATUS_DISAGREES);
    }

    @Test
    void refund_ofMoreThanWasPaid_isReviewed() {
        Verdict v = decide(PAID, Optional.empty(), MidtransAnswers.refund(ID, "150000.00", "refund", "150000.00", "1.00"));

        assertThat(v.review()).get().extracting(ReviewNote::kind).isEqualTo(ReviewKind.AMOUNT_MISMATCH);
        assertThat(v.transition()).isEqualTo(new Transition.None());
    }

    @Test
    void refund_ofAnOrderNeverPaidHere_isReviewed() {
        Verdict v = decide(PENDING, Optional.empty(), MidtransAnswers.refund(ID, "150000.00", "refund", "150000.00"));

        assertThat(v.review()).get().satisfies(r -> assertThat(r.detail()).contains("never PAID here"));
    }

    @Test
    void chargebackOfAPaidOrder_isReviewed_andUnknownStatusesChangeNothing() {
        String chargeback = "{\"status_code\":\"200\",\"transaction_status\":\"chargeback\",\"gross_amount\":\"150000.00\"}";
        String authorize = "{\"status_code\":\"200\",\"transaction_status\":\"authorize\",\"gross_amount\":\"150000.00\"}";

        assertThat(decide(PAID, Optional.empty(), chargeback).review()).isPresent();
        assertThat(decide(PENDING, Optional.empty(), authorize)).satisfies(v -> {
            assertThat(v.transition()).isEqualTo(new Transition.None());
            assertThat(v.review()).isEmpty();
            assertThat(v.outcome()).contains("does not apply");
        });
    }
}
