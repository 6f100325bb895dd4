package com.warroom.payments.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.warroom.payments.MidtransAnswers.notification;
import static com.warroom.payments.MidtransAnswers.settlementNotification;
import static com.warroom.payments.PaymentsStack.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.lambda.QueueBatch;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payments.MidtransAnswers;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentsStack;
import com.warroom.payments.Order;
import com.warroom.payments.orders.OrderSeal;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewKind;
import com.warroom.seal.Verification;
import com.warroom.topology.Topology;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The payment processor over the embedded stack and WireMock as Midtrans: every check that does not end PAID or
 * refunded (those, with the ledger and the outbox, are in {@link PaidTransitionTest}).
 */
@ExtendWith(EmbeddedStackExtension.class)
class PaymentProcessorTest {

    private static PaymentsStack world;
    private static Processor processor;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PaymentsStack(stack, Instant.parse("2026-11-30T10:00:00Z"));
        processor = new Processor(world);
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
        world.close();
    }

    @BeforeEach
    void reset() {
        metrics.clear();
    }

    private static void assertUntouched(String orderId) {
        Order order = world.order(orderId);
        assertThat(order.status()).isEqualTo("PENDING");
        assertThat(order.version()).isEqualTo(1);
        assertThat(world.seal.verify(order)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void unknownOrder_isRecordedForReview_withoutAskingMidtrans() {
        String orderId = newOrderId();
        PaymentCheck check = world.notified(settlementNotification(orderId));

        assertThat(processor.process(check)).isEmpty();

        assertThat(world.reviewsOf(orderId)).singleElement().satisfies(review -> {
            assertThat(review.id()).isEqualTo("UNKNOWN_ORDER:" + check.eventKey().orElseThrow());
            assertThat(review.kind()).isEqualTo("UNKNOWN_ORDER");
            assertThat(review.state()).isEqualTo(PaymentReview.OPEN);
            assertThat(review.eventKey()).isEqualTo(check.eventKey().orElseThrow());
        });
        assertThat(world.midtransCallsFor(orderId)).isZero();
        assertThat(processor.checks(orderId)).singleElement().satisfies(c -> {
            assertThat(c.path("applied").isNull()).isTrue();
            assertThat(c.path("midtrans").isNull()).isTrue();
            assertThat(c.path("outcome").asText()).contains("no order " + orderId);
        });
        assertThat(metrics.count(PaymentProcessor.REVIEW_METRIC)).isEqualTo(1);
    }

    @Test
    void unknownOrder_deliveredAgain_isRecordedOnce() {
        String orderId = newOrderId();
        PaymentCheck check = world.notified(settlementNotification(orderId));

        processor.process(check, check);
        processor.process(check);

        assertThat(world.reviewsOf(orderId)).hasSize(1);
        assertThat(metrics.count(PaymentProcessor.REVIEW_METRIC)).isEqualTo(1);
    }

    @Test
    void settlementOfAnotherAmount_isRecordedForReview_andTheOrderIsUntouched() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.settlement(orderId, "15000.00"));
        PaymentCheck check = world.notified(notification(orderId, "settlement", "200", "15000.00", "accept"));

        assertThat(processor.process(check)).isEmpty();

        assertUntouched(orderId);
        assertThat(world.reviewsOf(orderId)).singleElement().satisfies(review -> {
            assertThat(review.kind()).isEqualTo(ReviewKind.AMOUNT_MISMATCH.name());
            assertThat(review.expected()).contains(new PaymentReview.Amount("150000.00", "IDR"));
            assertThat(review.received()).contains(new PaymentReview.Amount("15000.00", "IDR"));
            assertThat(review.detail()).contains("15000.00 IDR").contains("150000.00 IDR");
        });
        assertThat(processor.checks(orderId)).singleElement().satisfies(c -> {
            assertThat(c.path("midtrans").path("grossAmount").asText()).isEqualTo("15000.00");
            assertThat(c.path("applied").isNull()).isTrue();
            assertThat(c.path("source").asText()).isEqualTo("webhook");
        });
        assertThat(metrics.count(PaymentProcessor.APPLIED_METRIC)).isZero();
    }

    @Test
    void settlementInAnotherCurrency_isRecordedForReview() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.settlement(orderId, "150000.00").replace("\"IDR\"", "\"USD\""));

        processor.process(world.notified(settlementNotification(orderId)));

        assertUntouched(orderId);
        assertThat(world.reviewsOf(orderId)).singleElement().extracting(PaymentReview::received)
                .isEqualTo(java.util.Optional.of(new PaymentReview.Amount("150000.00", "USD")));
    }

    @Test
    void webhookSaysSettlement_butGetStatusSaysPending_isRecordedForReview_andTheOrderStaysPending() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.pending(orderId, "150000.00"));

        processor.process(world.notified(settlementNotification(orderId)));

        assertUntouched(orderId);
        assertThat(world.reviewsOf(orderId)).singleElement().satisfies(review -> {
            assertThat(review.kind()).isEqualTo(ReviewKind.STATUS_DISAGREES.name());
            assertThat(review.detail()).contains("settlement").contains("pending");
        });
        assertThat(processor.checks(orderId)).singleElement().satisfies(c ->
                assertThat(c.path("midtrans").path("transactionStatus").asText()).isEqualTo("pending"));
    }

    @Test
    void webhookSaysSettlement_butMidtransHasNoSuchTransaction_isRecordedForReview() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransAnswers(orderId, aResponse().withStatus(404).withBody(MidtransAnswers.notFound()));

        processor.process(world.notified(settlementNotification(orderId)));

        assertUntouched(orderId);
        assertThat(world.reviewsOf(orderId)).singleElement().extracting(PaymentReview::kind).isEqualTo("STATUS_DISAGREES");
    }

    @Test
    void forgedStatus_signedForACapture_isAppliedAsMidtransSaysIt() {
        // the signature covers no status: a capture/challenge notification re-labelled settlement still verifies
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.capture(orderId, "150000.00", "challenge"));

        processor.process(world.notified(settlementNotification(orderId)));

        assertUntouched(orderId);
        assertThat(world.reviewsOf(orderId)).singleElement().extracting(PaymentReview::kind).isEqualTo("STATUS_DISAGREES");
    }

    @Test
    void webhookSaysSettlement_butGetStatusSaysExpire_appliesExpire_andRecordsTheDisagreement() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.expire(orderId, "150000.00"));

        processor.process(world.notified(settlementNotification(orderId)));

        assertThat(world.order(orderId).status()).isEqualTo("EXPIRED");
        assertThat(world.reviewsOf(orderId)).singleElement().extracting(PaymentReview::kind).isEqualTo("STATUS_DISAGREES");
    }

    @ParameterizedTest
    @CsvSource({"expire,407,EXPIRED", "cancel,200,CANCELLED", "deny,202,FAILED", "failure,202,FAILED"})
    void closingStatus_movesThePendingOrder_sealed_withItsCheck(String status, String code, OrderStatus to) {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, switch (status) {
            case "expire" -> MidtransAnswers.expire(orderId, "150000.00");
            case "cancel" -> MidtransAnswers.cancel(orderId, "150000.00");
            case "deny" -> MidtransAnswers.deny(orderId, "150000.00");
            default -> MidtransAnswers.failure(orderId, "150000.00");
        });

        assertThat(processor.process(world.notified(notification(orderId, status, code, "150000.00", null)))).isEmpty();

        Order order = world.order(orderId);
        assertThat(order.status()).isEqualTo(to.name());
        assertThat(order.version()).isEqualTo(2);
        assertThat(order.times().paidAt()).isEmpty();
        assertThat(world.seal.verify(order)).isInstanceOf(Verification.Valid.class);
        assertThat(processor.checks(orderId)).singleElement().satisfies(c -> {
            assertThat(c.path("applied").asText()).isEqualTo(to.name());
            assertThat(c.path("midtrans").path("transactionStatus").asText()).isEqualTo(status);
            assertThat(c.path("outcome").asText()).startsWith(to.name() + ": Midtrans says " + status);
        });
        assertThat(world.reviewsOf(orderId)).isEmpty();
        assertThat(metrics.count(PaymentProcessor.APPLIED_METRIC)).isEqualTo(1);
    }

    @Test
    void afterExpire_aLateSettlementNotification_changesNothing_andMidtransIsNotAsked() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.expire(orderId, "150000.00"));
        processor.process(world.notified(notification(orderId, "expire", "407", "150000.00", null)));
        world.clock.advance(java.time.Duration.ofSeconds(1));

        processor.process(world.notified(settlementNotification(orderId)));

        assertThat(world.order(orderId).status()).isEqualTo("EXPIRED");
        assertThat(world.order(orderId).version()).isEqualTo(2);
        assertThat(world.midtransCallsFor(orderId)).isEqualTo(1);
        assertThat(processor.checks(orderId)).hasSize(2).last().satisfies(c ->
                assertThat(c.path("outcome").asText()).isEqualTo("no change: order is EXPIRED"));
    }

    @Test
    void pendingAndChallengedCapture_leaveTheOrderPending_withACheckEach() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.pending(orderId, "150000.00"));
        processor.process(world.notified(notification(orderId, "pending", "201", "150000.00", "accept")));
        world.midtransSays(orderId, MidtransAnswers.capture(orderId, "150000.00", "challenge"));
        processor.process(world.notified(notification(orderId, "capture", "201", "150000.00", "challenge")));

        assertUntouched(orderId);
        assertThat(processor.checks(orderId)).hasSize(2).allSatisfy(c -> assertThat(c.path("outcome").asText()).contains("stays PENDING"));
        assertThat(world.reviewsOf(orderId)).isEmpty();
    }

    @Test
    void theSameExpireDeliveredThreeTimes_changesTheOrderOnce() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.expire(orderId, "150000.00"));
        PaymentCheck check = world.notified(notification(orderId, "expire", "407", "150000.00", null));

        assertThat(processor.process(check, check, check)).isEmpty();

        assertThat(world.order(orderId).version()).isEqualTo(2);
        assertThat(world.midtransCallsFor(orderId)).isEqualTo(1);
        assertThat(processor.checks(orderId)).hasSize(3).extracting(c -> c.path("applied").asText(null))
                .containsExactlyInAnyOrder("EXPIRED", null, null);
        assertThat(metrics.count(PaymentProcessor.APPLIED_METRIC)).isEqualTo(1);
    }

    @Test
    void tamperedOrder_isCounted_andNothingIsAppliedToIt_norIsMidtransAsked() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.expire(orderId, "150000.00"));
        // someone with table access lowers the price
        world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.ORDERS.localName())
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))
                .updateExpression("SET amountMinor = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromN("100"))));

        assertThat(processor.process(world.notified(notification(orderId, "expire", "407", "150000.00", null)))).isEmpty();

        assertThat(world.order(orderId).status()).isEqualTo("PENDING");
        assertThat(world.midtransCallsFor(orderId)).isZero();
        assertThat(metrics.count(OrderSeal.TAMPERED_METRIC)).isEqualTo(1);
        assertThat(processor.checks(orderId)).singleElement().satisfies(c ->
                assertThat(c.path("outcome").asText()).contains("does not match its seal"));
    }

    @Test
    void midtransUnavailable_failsTheMessage_writesNothing_andCountsIt() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransAnswers(orderId, aResponse().withStatus(503).withBody(MidtransAnswers.serverError()));
        PaymentCheck check = world.notified(settlementNotification(orderId));

        var message = Processor.message(check.toJson(), 1);
        var other = Processor.message(PaymentCheck.reconcile(newOrderId()).toJson(), 1);
        var answer = processor.handle(Processor.batch(message, other));

        assertThat(answer.getBatchItemFailures()).singleElement().satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo(message.getMessageId()));
        assertUntouched(orderId);
        assertThat(processor.checks(orderId)).isEmpty();
        assertThat(metrics.count(MidtransUnavailable.METRIC)).isEqualTo(1);
        assertThat(metrics.count(QueueBatch.MESSAGE_FAILED_METRIC)).isEqualTo(1);
    }

    @Test
    void aMessageThatIsNoCheck_failsAlone() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.cancel(orderId, "150000.00"));
        var garbage = Processor.message("{\"orderId\":\"" + orderId + "\",\"source\":\"cron\"}", 1);
        var notJson = Processor.message("settle " + orderId, 1);
        var good = Processor.message(PaymentCheck.reconcile(orderId).toJson(), 1);

        var answer = processor.handle(Processor.batch(garbage, good, notJson));

        assertThat(answer.getBatchItemFailures()).extracting(f -> f.getItemIdentifier())
                .containsExactlyInAnyOrder(garbage.getMessageId(), notJson.getMessageId());
        assertThat(world.order(orderId).status()).isEqualTo("CANCELLED");
    }

    @Test
    void reconcileCheck_ofAnOrderNoLongerPending_changesNothing_withoutAskingMidtrans() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.cancel(orderId, "150000.00"));
        processor.process(PaymentCheck.reconcile(orderId));
        world.clock.advance(java.time.Duration.ofSeconds(1));

        processor.process(PaymentCheck.reconcile(orderId));

        assertThat(world.midtransCallsFor(orderId)).isEqualTo(1);
        assertThat(processor.checks(orderId)).hasSize(2).last().satisfies(c -> {
            assertThat(c.path("source").asText()).isEqualTo("reconcile");
            assertThat(c.path("outcome").asText()).isEqualTo("no change: order is CANCELLED");
        });
        assertThat(world.checksOf(orderId)).allSatisfy(e -> assertThat(e.eventKey()).startsWith("check:reconcile:"));
    }

    @Test
    void reconcileAmountMismatch_foundOnEveryRun_isRecordedOnce() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.settlement(orderId, "1.00"));

        processor.process(PaymentCheck.reconcile(orderId));
        world.clock.advance(java.time.Duration.ofMinutes(15));
        processor.process(PaymentCheck.reconcile(orderId));

        assertThat(world.reviewsOf(orderId)).singleElement().satisfies(r ->
                assertThat(r.id()).isEqualTo("AMOUNT_MISMATCH:reconcile:" + orderId + ":tx-" + orderId + ":settlement"));
        assertThat(processor.checks(orderId)).hasSize(2);
    }

    @Test
    void priming_readsOnly_andAsksMidtransNothing() {
        int requests = world.midtrans.getAllServeEvents().size();

        com.warroom.lambda.Priming.primeRegistered();

        assertThat(world.midtrans.getAllServeEvents()).hasSize(requests);
    }

    @Test
    void checkItems_recordWhatMidtransSaid() {
        String orderId = newOrderId();
        world.register(orderId);
        world.midtransSays(orderId, MidtransAnswers.deny(orderId, "150000.00"));

        processor.process(PaymentCheck.reconcile(orderId));

        JsonNode check = processor.checks(orderId).getFirst();
        assertThat(check.path("midtrans").path("transactionStatus").asText()).isEqualTo("deny");
        assertThat(check.path("midtrans").path("statusCode").asText()).isEqualTo("202");
        assertThat(check.path("midtrans").path("fraudStatus").asText()).isEqualTo("accept");
        assertThat(check.path("midtrans").path("grossAmount").asText()).isEqualTo("150000.00");
        assertThat(check.path("midtrans").path("currency").asText()).isEqualTo("IDR");
    }
}
