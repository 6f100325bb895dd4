package com.warroom.payments.processor;

import static com.warroom.payments.PaymentsStack.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.MidtransAnswers;
import com.warroom.payments.PaymentsStack;
import com.warroom.payments.intake.WebhookIntakeHandler;
import com.warroom.payments.Order;
import com.warroom.secrets.LocalSecrets;
import com.warroom.topology.Topology;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The headline: 50 threads deliver the same 20 notifications 10 times each, in random order, through the real
 * webhook intake (its production wiring); then the processor drains the payment-checks queue on four concurrent
 * consumers, as Lambda's event source mapping would. Each order changes state once, with one entitlement, one
 * notification and one ledger entry. Waits for the ledger and the outbox to land.
 */
@ExtendWith(EmbeddedStackExtension.class)
class DuplicateDeliveryTest {

    private static final int ORDERS = 20;
    private static final int DELIVERIES_EACH = 10;
    private static final int SENDERS = 50;
    private static final int CONSUMERS = 4;

    private static PaymentsStack world;

    @BeforeAll
    static void start(EmbeddedStack stack) throws Exception {
        world = new PaymentsStack(stack, Instant.parse("2026-11-30T13:00:00Z"));
        System.setProperty(LocalSecrets.DIR_SETTING, Files.createTempDirectory("warroom-secrets").toString());
        System.setProperty(Topology.MIDTRANS_SERVER_KEY.localEnvVar(), PaymentsStack.LOCAL_KEY);
    }

    @AfterAll
    static void stop() {
        System.clearProperty(LocalSecrets.DIR_SETTING);
        System.clearProperty(Topology.MIDTRANS_SERVER_KEY.localEnvVar());
        world.close();
    }

    @Test
    void fiftyThreads_deliverTwentyNotificationsTenTimesEach_inRandomOrder_andEachOrderChangesStateOnce() throws Exception {
        world.purgeChecks();
        world.dispatched();
        List<Order> orders = new ArrayList<>();
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Order order = world.register(newOrderId());
            orders.add(order);
            world.midtransSays(order.orderId(), MidtransAnswers.settlement(order.orderId(), "150000.00"));
            for (int d = 0; d < DELIVERIES_EACH; d++) {
                deliveries.add(MidtransAnswers.settlementNotification(order.orderId()));
            }
        }
        Collections.shuffle(deliveries, new Random(20261130));

        WebhookIntakeHandler intake = new WebhookIntakeHandler();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (String body : deliveries) {
                answers.add(senders.submit(() -> {
                    go.await();
                    return intake.handleRequest(HttpEvents.route("POST /v1/webhooks/midtrans").body(body).build(),
                            LocalLambdaContext.of(Topology.WEBHOOK_INTAKE.name(), 512, 10));
                }));
            }
            go.countDown();
            for (Future<APIGatewayV2HTTPResponse> answer : answers) {
                assertThat(answer.get().getStatusCode()).isEqualTo(200);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(world.messagesIn(world.checksUrl())).isEqualTo(ORDERS * DELIVERIES_EACH);

        Processor processor = new Processor(world);
        ExecutorService consumers = Executors.newFixedThreadPool(CONSUMERS);
        try {
            List<Future<Integer>> drained = new ArrayList<>();
            for (int c = 0; c < CONSUMERS; c++) {
                drained.add(consumers.submit(() -> world.drainChecks(processor::handle)));
            }
            for (Future<Integer> d : drained) {
                d.get();
            }
        } finally {
            consumers.shutdownNow();
        }

        List<String> dispatched = world.dispatched();
        for (Order registered : orders) {
            String id = registered.orderId();
            Order order = world.order(id);
            assertThat(order.status()).as(id).isEqualTo("PAID");
            assertThat(order.version()).as(id + " changed state once").isEqualTo(2);
            assertThat(world.checksOf(id)).as(id + ": a check per delivery").hasSizeGreaterThanOrEqualTo(DELIVERIES_EACH);
            assertThat(new Processor(world).checks(id).stream().filter(c -> "PAID".equals(c.path("applied").asText(null))))
                    .as(id + ": one check applied PAID").hasSize(1);
            assertThat(world.entitlements.find(registered.userId(), registered.item())).as(id).get()
                    .satisfies(e -> assertThat(e.orderId()).isEqualTo(id));
            assertThat(world.outboxItems(id)).as(id + ": one notification").hasSize(1);
            assertThat(world.ledgerLines("revenue:courses", "order-paid:" + id)).as(id + ": one ledger entry").hasSize(1);
            assertThat(world.ledgerLines("psp_clearing:midtrans", "order-paid:" + id)).hasSize(1);
            assertThat(dispatched).as(id + " handed to the sender").contains("payment.success:" + id);
            assertThat(world.midtransCallsFor(id)).as(id).isBetween(1, DELIVERIES_EACH);
            assertThat(world.reviewsOf(id)).isEmpty();
        }
        assertThat(world.messagesIn(world.checksUrl())).isZero();
    }
}
