package com.warroom.stuck.sweep;

import static com.warroom.payments.PaymentsStack.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.MidtransAnswers;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentsStack;
import com.warroom.payments.Order;
import com.warroom.payments.processor.PaymentProcessorHandler;
import com.warroom.payments.processor.TestProcessors;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Orders PENDING for over 15 minutes, whose webhook may be lost, are checked with Midtrans through the same processor
 * path as a notification; the sweep itself never moves an order out of PENDING. The clock is moved, not waited for.
 */
@ExtendWith(EmbeddedStackExtension.class)
class StuckSweepOrdersTest {

    private static PaymentsStack world;
    private static StuckSweep sweep;
    private static Function<SQSEvent, SQSBatchResponse> processor;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PaymentsStack(stack, Instant.parse("2026-12-04T15:00:00Z"));
        sweep = SweepParts.sweep(stack, world.clock);
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

    private static List<String> run() {
        return sweep.run().redriven(SweepReport.Kind.ORDER);
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
    void run_checksAnOrderOncePerFifteenMinutes_howeverOftenItRuns() {
        Order order = world.register(newOrderId());
        world.clock.advance(Duration.ofMinutes(16));

        assertThat(run()).contains(order.orderId());
        assertThat(run()).doesNotContain(order.orderId());
        world.clock.advance(StuckSweep.INTERVAL);
        assertThat(run()).doesNotContain(order.orderId());
        world.clock.advance(StuckSweep.INTERVAL);
        assertThat(run()).doesNotContain(order.orderId());
        world.clock.advance(StuckSweep.INTERVAL);
        assertThat(run()).as("15 minutes after its last check").contains(order.orderId());
        long checks = world.drainQueue(world.checksUrl()).stream().map(Json::readTree)
                .filter(m -> m.path("orderId").asText().equals(order.orderId())).count();
        assertThat(checks).isEqualTo(2);
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
        assertThat(world.ledgerLines("revenue:courses", "order-paid:" + order.orderId())).hasSize(1);
        world.clock.advance(Duration.ofMinutes(30));
        assertThat(run()).as("PAID is no longer PENDING").doesNotContain(order.orderId());
    }

    @Test
    void aPendingOrderThatMidtransSaysExpired_isClosedByTheProcessor_onMidtransWord() {
        Order order = world.register(newOrderId());
        world.midtransSays(order.orderId(), MidtransAnswers.expire(order.orderId(), "150000.00"));
        world.clock.advance(Duration.ofMinutes(16));

        assertThat(run()).contains(order.orderId());
        world.drainChecks(processor);

        assertThat(world.order(order.orderId()).status()).isEqualTo("EXPIRED");
        assertThat(world.checksOf(order.orderId())).singleElement()
                .satisfies(check -> assertThat(Json.readTree(check.check()).path("source").asText()).isEqualTo("reconcile"));
    }

    @Test
    void aVirtualAccountPaymentPendingForADay_staysPending_andIsAskedAgainAndAgain() {
        Order order = world.register(newOrderId());
        world.midtransSays(order.orderId(), MidtransAnswers.pending(order.orderId(), "150000.00"));
        int asked = 0;

        for (Duration step = Duration.ZERO; step.compareTo(Duration.ofHours(25)) < 0; step = step.plusHours(1)) {
            world.clock.advance(Duration.ofHours(1));
            if (run().contains(order.orderId())) {
                asked++;
            }
            world.drainChecks(processor);
            assertThat(world.order(order.orderId()).status()).isEqualTo("PENDING");
        }

        assertThat(asked).isEqualTo(25);
        assertThat(world.midtransCallsFor(order.orderId())).isEqualTo(25);
        assertThat(world.reviewsOf(order.orderId())).isEmpty();
    }

    @Test
    void run_neverChangesAnOrder_evenAfterADay() {
        Order order = world.register(newOrderId());

        for (int run = 0; run < 10; run++) {
            world.clock.advance(Duration.ofHours(3));
            run();
        }

        Order after = world.order(order.orderId());
        assertThat(after.status()).isEqualTo("PENDING");
        assertThat(after.version()).isEqualTo(order.version());
        assertThat(after.times().updatedAt()).isEqualTo(order.times().updatedAt());
        assertThat(world.checksOf(order.orderId())).as("nothing was asked: the checks stayed on the queue").isEmpty();
        world.purgeChecks();
    }
}
