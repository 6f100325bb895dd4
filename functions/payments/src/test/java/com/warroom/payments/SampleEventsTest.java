package com.warroom.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.admin.PaymentsAdminHandler;
import com.warroom.payments.intake.WebhookIntakeHandler;
import com.warroom.payments.orders.TestOrders;
import com.warroom.payments.processor.TestProcessors;
import com.warroom.secrets.LocalSecrets;
import com.warroom.topology.Topology;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The events in events/orders-api, events/webhook-intake, events/payment-processor and events/payments-admin, in the
 * order a payment meets them, through the handlers' production constructors (settings from the embedded stack, the
 * server key from the local secret) except Midtrans, which is WireMock here.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleEventsTest {

    private static PaymentsStack world;

    @BeforeAll
    static void start(EmbeddedStack stack) throws Exception {
        world = new PaymentsStack(stack, Instant.now());
        System.setProperty(LocalSecrets.DIR_SETTING, Files.createTempDirectory("warroom-secrets").toString());
        System.setProperty(Topology.MIDTRANS_SERVER_KEY.localEnvVar(), PaymentsStack.LOCAL_KEY);
    }

    @AfterAll
    static void stop() {
        System.clearProperty(LocalSecrets.DIR_SETTING);
        System.clearProperty(Topology.MIDTRANS_SERVER_KEY.localEnvVar());
        world.close();
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    @Test
    @Order(1)
    void sampleEvents_registerNotifyCheckAndReview_answerAsDocumented() {
        world.purgeChecks();
        APIGatewayV2HTTPResponse created = TestOrders.handler(world)
                .handleRequest(EventLoader.loadApiGatewayHttpEvent("events/orders-api/create-order.json"),
                        LocalLambdaContext.of(Topology.ORDERS_API.name(), 1024, 30));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(json(created).path("orderId").asText()).isEqualTo("O-sample-1");

        APIGatewayV2HTTPResponse notified = new WebhookIntakeHandler().handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/webhook-intake/midtrans-settlement.json"),
                LocalLambdaContext.of(Topology.WEBHOOK_INTAKE.name(), 512, 10));
        assertThat(notified.getStatusCode()).as(notified.getBody()).isEqualTo(200);
        world.purgeChecks();

        // Midtrans has not settled it yet: the notification is not confirmed, and a person is asked to look
        world.midtransSays("O-sample-1", MidtransAnswers.pending("O-sample-1", "150000.00"));
        SQSBatchResponse checked = TestProcessors.handler(world).handleRequest(
                EventLoader.loadSQSEvent("events/payment-processor/payment-checks.json"),
                LocalLambdaContext.of(Topology.PAYMENT_PROCESSOR.name(), 1024, 60));
        assertThat(checked.getBatchItemFailures()).isEmpty();
        assertThat(world.order("O-sample-1").status()).isEqualTo("PENDING");
        assertThat(world.reviewsOf("O-sample-1")).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo("STATUS_DISAGREES"));
        assertThat(world.reviewsOf("O-sample-2")).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("UNKNOWN_ORDER");
            assertThat(r.id()).isEqualTo("UNKNOWN_ORDER:reconcile:O-sample-2");
        });

        PaymentsAdminHandler admin = new PaymentsAdminHandler();
        APIGatewayV2HTTPResponse reviews = admin.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/payments-admin/list-reviews.json"),
                LocalLambdaContext.of(Topology.PAYMENTS_ADMIN.name(), 1024, 30));
        assertThat(reviews.getStatusCode()).as(reviews.getBody()).isEqualTo(200);
        assertThat(json(reviews).path("reviews").isArray()).isTrue();
        APIGatewayV2HTTPResponse reconcile = admin.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/payments-admin/reconcile.json"),
                LocalLambdaContext.of(Topology.PAYMENTS_ADMIN.name(), 1024, 30));
        assertThat(reconcile.getStatusCode()).as(reconcile.getBody()).isEqualTo(202);
        assertThat(json(reconcile).has("queued")).isTrue();
        APIGatewayV2HTTPResponse override = admin.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/payments-admin/override-review.json"),
                LocalLambdaContext.of(Topology.PAYMENTS_ADMIN.name(), 1024, 30));
        assertThat(override.getStatusCode()).as(override.getBody()).isEqualTo(202);
        assertThat(json(override).path("action").asText()).isEqualTo("SCAN_OVERRIDE");
        world.purgeChecks();
    }

    @Test
    @Order(2)
    void sampleEvents_settledAtMidtrans_theOrderReadsPaid() {
        world.midtransSays("O-sample-1", MidtransAnswers.settlement("O-sample-1", "150000.00"));
        SQSBatchResponse checked = TestProcessors.handler(world).handleRequest(
                EventLoader.loadSQSEvent("events/payment-processor/payment-checks.json"),
                LocalLambdaContext.of(Topology.PAYMENT_PROCESSOR.name(), 1024, 60));
        assertThat(checked.getBatchItemFailures()).isEmpty();

        APIGatewayV2HTTPResponse order = TestOrders.handler(world)
                .handleRequest(EventLoader.loadApiGatewayHttpEvent("events/orders-api/get-order.json"),
                        LocalLambdaContext.of(Topology.ORDERS_API.name(), 1024, 30));

        assertThat(order.getStatusCode()).as(order.getBody()).isEqualTo(200);
        assertThat(json(order).path("status").asText()).isEqualTo("PAID");
        assertThat(json(order).path("entitlement").path("item").asText()).isEqualTo("course:python-101");
        assertThat(json(order).path("notifications").get(0).path("id").asText()).isEqualTo("payment.success:O-sample-1");
    }
}
