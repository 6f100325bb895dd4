package com.warroom.payments.reconcile;

import static com.warroom.payments.PaymentsStack.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.lambda.Priming;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.MidtransAnswers;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PaymentsStack;
import com.warroom.payments.orders.Order;
import com.warroom.payments.processor.PaymentProcessorHandler;
import com.warroom.payments.processor.TestProcessors;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PSP reconcile: orders PENDING longer than 15 minutes, whose webhook never came, are checked with Midtrans through
 * the same processor path as a notification. The clock is moved, not waited for.
 */
@ExtendWith(EmbeddedStackExtension.class)
class PspReconcileTest {

    private static PaymentsStack world;
    private static PspReconcileHandler handler;
    private static Function<SQSEvent, SQSBatchResponse> processor;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PaymentsStack(stack, Instant.parse("2026-11-30T15:00:00Z"));
        handler = new PspReconcileHandler(new PspReconcile(new PendingOrders(world.orders, world.clock),
                new PaymentCheckQueue(stack.sqs(), world.checksUrl())));
        PaymentProcessorHandler consumer = TestProcessors.handler(world);
        processor = batch -> consumer.handleRequest(batch, LocalLambdaContext.of(Topology.PAYMENT_PROCESSOR.name(), 1024, 60));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void emptyQueue() {
        world.purgeChecks();
    }

    @SuppressWarnings("unchecked")
    private static List<String> run() {
        Map<String, Object> answer = handler.handleRequest(EventLoader.loadEvent("events/psp-reconcile/scheduled-run.json", Map.class),
                LocalLambdaContext.of(Topology.PSP_RECONCILE.name(), 512, 60));
        List<String> ids = (List<String>) answer.get("orderIds");
        assertThat(answer.get("queued")).isEqualTo(ids.size());
        return ids;
    }

    @Test
    void run_queuesACheckForEachOrderPendingLongerThanFifteenMinutes_andNoOther() {
        Order old = world.register(newOrderId());
        Order closed = world.register(newOrderId());
        world.midtransSays(closed.orderId(), MidtransAnswers.cancel(closed.orderId(), "150000.00"));
        world.clock.advance(Duration.ofMinutes(10));
        Order young = world.register(newOrderId());
        world.clock.advance(Duration.ofMinutes(6));
        world.send(PaymentCheck.reconcile(closed.orderId()));
        world.drainChecks(processor);

        List<String> queued = run();

        assertThat(queued).contains(old.orderId()).doesNotContain(young.orderId(), closed.orderId());
        List<JsonNode> messages = world.drainQueue(world.checksUrl()).stream().map(Json::readTree).toList();
        assertThat(messages).contains(Json.readTree("{\"orderId\":\"" + old.orderId() + "\",\"source\":\"reconcile\"}"));
        assertThat(messages).hasSize(queued.size());
    }

    @Test
    void aPendingOrderWithoutWebhook_thatMidtransSaysExpired_isClosedThroughTheProcessor() {
        Order order = world.register(newOrderId());
        world.midtransSays(order.orderId(), MidtransAnswers.expire(order.orderId(), "150000.00"));
        world.clock.advance(Duration.ofMinutes(16));

        assertThat(run()).contains(order.orderId());
        world.drainChecks(processor);

        assertThat(world.order(order.orderId()).status()).isEqualTo("EXPIRED");
        assertThat(world.checksOf(order.orderId())).singleElement().satisfies(check -> {
            assertThat(check.eventKey()).startsWith("check:reconcile:");
            assertThat(Json.readTree(check.check()).path("source").asText()).isEqualTo("reconcile");
        });
        assertThat(run()).doesNotContain(order.orderId());
    }

    @Test
    void aPendingOrderWithoutWebhook_thatMidtransSaysSettled_isPaidThroughTheProcessor() {
        Order order = world.register(newOrderId());
        world.midtransSays(order.orderId(), MidtransAnswers.settlement(order.orderId(), "150000.00"));
        world.clock.advance(Duration.ofMinutes(16));

        assertThat(run()).contains(order.orderId());
        world.drainChecks(processor);

        assertThat(world.order(order.orderId()).status()).isEqualTo("PAID");
        assertThat(world.entitlements.find(order.userId(), order.item())).isPresent();
        assertThat(world.outboxItems(order.orderId())).hasSize(1);
        assertThat(world.ledgerLines("revenue:courses", "order-paid:" + order.orderId())).hasSize(1);
    }

    @Test
    void aPendingOrderThatMidtransDoesNotKnow_staysPending_andIsCheckedAgainNextRun() {
        Order order = world.register(newOrderId());
        world.clock.advance(Duration.ofMinutes(16));

        run();
        world.drainChecks(processor);

        assertThat(world.order(order.orderId()).status()).isEqualTo("PENDING");
        assertThat(Json.readTree(world.checksOf(order.orderId()).getFirst().check()).path("outcome").asText())
                .isEqualTo("no change: Midtrans has no transaction for this order");
        assertThat(world.reviewsOf(order.orderId())).isEmpty();
        world.clock.advance(Duration.ofMinutes(15));
        assertThat(run()).contains(order.orderId());
    }

    @Test
    void priming_readsOnly() {
        world.purgeChecks();

        Priming.primeRegistered();

        assertThat(world.messagesIn(world.checksUrl())).isZero();
    }
}
