package com.warroom.payments.intake;

import static com.warroom.payments.intake.Intake.LOCAL_KEY;
import static com.warroom.payments.intake.Intake.json;
import static com.warroom.payments.intake.Intake.newOrderId;
import static com.warroom.payments.intake.Intake.notification;
import static com.warroom.payments.intake.Intake.settlement;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.payments.MidtransSignature;
import com.warroom.payments.PaymentEvent;
import com.warroom.topology.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /v1/webhooks/midtrans} over the embedded stack: what is stored, what is queued, what is refused. */
@ExtendWith(EmbeddedStackExtension.class)
class WebhookIntakeRouteTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:30:00Z");

    private static Intake intake;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        intake = new Intake(stack, AdjustableClock.startingAt(NOW));
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
    }

    @BeforeEach
    void reset() {
        intake.drainChecks();
        intake.calls.reset();
        metrics.clear();
    }

    @Test
    void post_whenSignedSettlement_storesItRawQueuesOneCheckAndAnswers200_inOnePutAndOneSend() {
        String orderId = newOrderId();
        String body = settlement(orderId);

        APIGatewayV2HTTPResponse response = intake.post(body);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        String eventKey = json(response).path("eventKey").asText();
        assertThat(json(response).path("received").asBoolean()).isTrue();
        assertThat(eventKey).matches("notification:[0-9a-f]{64}");
        assertThat(intake.eventsOf(orderId)).singleElement().satisfies(event -> {
            assertThat(event.eventKey()).isEqualTo(eventKey);
            assertThat(event.kind()).isEqualTo(PaymentEvent.NOTIFICATION);
            assertThat(event.raw()).as("the body exactly as received").isEqualTo(body);
            assertThat(event.at()).isEqualTo("2026-11-30T09:30:00.000Z");
        });
        assertThat(intake.checksFor(orderId)).singleElement().satisfies(check -> assertThat(check)
                .isEqualTo(Json.readTree("{\"orderId\":\"" + orderId + "\",\"eventKey\":\"" + eventKey + "\",\"source\":\"webhook\"}")));
        assertThat(intake.calls.calls()).containsExactlyInAnyOrderEntriesOf(Map.of("DynamoDb.PutItem", 1L, "Sqs.SendMessage", 1L));
        assertThat(Intake.counted(metrics, WebhookIntake.ACCEPTED_METRIC)).isEqualTo(1);
    }

    @Test
    void post_whenTheSameNotificationComesAgain_answers200WithTheSameKey_storesItOnce_andQueuesItAgain() {
        String orderId = newOrderId();
        String body = settlement(orderId);

        APIGatewayV2HTTPResponse first = intake.post(body);
        APIGatewayV2HTTPResponse again = intake.post(body);

        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(200);
        assertThat(json(again).path("eventKey").asText()).isEqualTo(json(first).path("eventKey").asText());
        assertThat(intake.eventsOf(orderId)).hasSize(1);
        assertThat(intake.checksFor(orderId)).as("queued again: the processor is idempotent, and a crash between put and send is covered")
                .hasSize(2);
        assertThat(intake.calls.callsTo("DynamoDb")).isEqualTo(2);
        assertThat(intake.calls.callsTo("Sqs")).isEqualTo(2);
    }

    @Test
    void post_whenOneOrderSendsSeveralNotifications_storesEach() {
        String orderId = newOrderId();

        intake.post(notification(orderId, "pending", "201", "150000.00", "accept", LOCAL_KEY));
        intake.post(settlement(orderId));
        intake.post(notification(orderId, "refund", "200", "150000.00", "accept", LOCAL_KEY));

        assertThat(intake.eventsOf(orderId)).hasSize(3).extracting(PaymentEvent::eventKey).doesNotHaveDuplicates();
    }

    @Test
    void post_whenMidtransAddsFields_acceptsThemAndKeepsThemInTheRawEvent() {
        String orderId = newOrderId();
        String body = settlement(orderId).replace("\"currency\":\"IDR\"",
                "\"currency\":\"IDR\",\"issuer\":\"gopay\",\"metadata\":{\"added_in\":2027},\"acquirer\":null");

        APIGatewayV2HTTPResponse response = intake.post(body);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(intake.eventsOf(orderId).getFirst().raw()).isEqualTo(body).contains("\"added_in\":2027");
    }

    @Test
    void post_whenCharsetIsGiven_orUpperCaseHeaderName_isAccepted() {
        String orderId = newOrderId();
        APIGatewayV2HTTPEvent event = HttpEvents.route(Intake.ROUTE).body(settlement(orderId)).build();
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        event.setHeaders(headers);

        assertThat(intake.send(event).getStatusCode()).isEqualTo(200);
    }

    @Test
    void post_whenACallerSendsAToken_theRouteIsStillPublic_andTheSignatureDecides() {
        String orderId = newOrderId();
        var withToken = HttpEvents.route(Intake.ROUTE).caller("someone", Role.SUPPORT).body(settlement(orderId)).build();
        var forgedWithToken = HttpEvents.route(Intake.ROUTE).caller("ops-person", Role.OPS)
                .body(notification(orderId, "settlement", "200", "150000.00", "accept", "not-the-key")).build();

        assertThat(intake.send(withToken).getStatusCode()).isEqualTo(200);
        assertThat(intake.send(forgedWithToken).getStatusCode()).isEqualTo(401);
    }

    @Test
    void post_whenSignedWithAnotherKey_answers401_countsIt_andWritesNothing() {
        String orderId = newOrderId();

        APIGatewayV2HTTPResponse response = intake.post(notification(orderId, "settlement", "200", "150000.00", "accept",
                "SB-Mid-server-someone-else"));

        assertUnsigned(response, orderId, "does not match");
    }

    @Test
    void post_whenTheAmountWasChangedAfterSigning_answers401() {
        String orderId = newOrderId();
        String tampered = settlement(orderId).replace("\"gross_amount\":\"150000.00\"", "\"gross_amount\":\"1500.00\"");

        assertUnsigned(intake.post(tampered), orderId, "does not match");
    }

    @Test
    void post_whenTheSignatureIsMissingOrNotAString_answers401() {
        String orderId = newOrderId();
        JsonNode signed = Json.readTree(settlement(orderId));
        var missing = ((com.fasterxml.jackson.databind.node.ObjectNode) signed.deepCopy()).without("signature_key");
        var number = ((com.fasterxml.jackson.databind.node.ObjectNode) signed.deepCopy()).put("signature_key", 42);

        assertUnsigned(intake.post(Json.write(missing)), orderId, "is required");
        metrics.clear();
        assertUnsigned(intake.post(Json.write(number)), orderId, "is required");
    }

    @Test
    void post_whenOnlyTheStatusWasChanged_isStillSigned_soTheProcessorMustAskMidtrans() {
        // Midtrans's signature covers order_id, status_code and gross_amount only: this is why the processor confirms
        // every status with the get-status API before applying it
        String orderId = newOrderId();
        String forgedStatus = notification(orderId, "capture", "200", "150000.00", "challenge", LOCAL_KEY)
                .replace("\"capture\"", "\"settlement\"").replace("\"challenge\"", "\"accept\"");

        assertThat(intake.post(forgedStatus).getStatusCode()).isEqualTo(200);
    }

    private static void assertUnsigned(APIGatewayV2HTTPResponse response, String orderId, String why) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).endsWith("/invalid-signature");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asText()).contains("signature_key").contains(why);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("signature_key");
        assertThat(response.getBody()).doesNotContain(LOCAL_KEY);
        assertNothingWritten(orderId);
        assertThat(Intake.counted(metrics, WebhookIntake.SIGNATURE_REJECTED_METRIC)).isEqualTo(1);
        assertThat(Intake.counted(metrics, WebhookIntake.ACCEPTED_METRIC)).isZero();
    }

    private static void assertNothingWritten(String orderId) {
        assertThat(intake.eventsOf(orderId)).isEmpty();
        assertThat(intake.checksFor(orderId)).isEmpty();
        assertThat(intake.calls.calls()).as("no DynamoDB write, no SQS send").doesNotContainKeys("DynamoDb.PutItem", "Sqs.SendMessage");
    }

    @Test
    void post_whenFieldsAreMissing_answers400NamingEach_andWritesNothing() {
        String orderId = newOrderId();

        APIGatewayV2HTTPResponse response = intake.post("{\"order_id\":\"" + orderId + "\",\"signature_key\":\"abc\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).endsWith("/validation");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).contains("status_code");
        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("status_code", "gross_amount", "transaction_status");
        assertNothingWritten(orderId);
        assertThat(metrics.points()).isEmpty();
    }

    @Test
    void post_whenFieldsHaveWrongTypes_answers400NamingThem() {
        String orderId = newOrderId();
        String wrong = settlement(orderId).replace("\"gross_amount\":\"150000.00\"", "\"gross_amount\":150000.00")
                .replace("\"status_code\":\"200\"", "\"status_code\":200");

        APIGatewayV2HTTPResponse response = intake.post(wrong);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("gross_amount", "status_code");
        assertThat(json(response).path("errors").findValuesAsText("message")).allMatch(m -> m.equals("must be a string"));
        assertNothingWritten(orderId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"order_id\":", "[{\"order_id\":\"O-1\"}]", "\"settlement\"", "null", "{\"a\":1,\"a\":2}"})
    void post_whenTheBodyIsNotAJsonObject_answers400MalformedJson(String body) {
        APIGatewayV2HTTPResponse response = intake.post(body);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("type").asText()).endsWith("/malformed-json");
        assertThat(intake.calls.calls()).isEmpty();
    }

    @Test
    void post_whenTheBodyIsEmpty_answers400() {
        assertThat(intake.post("").getStatusCode()).isEqualTo(400);
        assertThat(intake.calls.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/merge-patch+json", "application/json; charset=latin1"})
    void post_whenTheBodyIsNotJson_answers415(String contentType) {
        String orderId = newOrderId();
        APIGatewayV2HTTPEvent event = HttpEvents.withHeader(HttpEvents.route(Intake.ROUTE).body(settlement(orderId)).build(),
                "Content-Type", contentType);

        APIGatewayV2HTTPResponse response = intake.send(event);

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(json(response).path("type").asText()).endsWith("/unsupported-media-type");
        assertNothingWritten(orderId);
    }

    @Test
    void post_withoutContentType_answers415() {
        String orderId = newOrderId();
        APIGatewayV2HTTPEvent event = HttpEvents.route(Intake.ROUTE).body(settlement(orderId)).build();
        event.setHeaders(Map.of("user-agent", "Veritrans"));

        assertThat(intake.send(event).getStatusCode()).isEqualTo(415);
        assertNothingWritten(orderId);
    }

    @Test
    void post_whenTheBodyIsOversize_answers413_andWritesNothing() {
        String orderId = newOrderId();
        String padded = settlement(orderId).replace("\"currency\":\"IDR\"", "\"currency\":\"IDR\",\"pad\":\"" + "x".repeat(70_000) + "\"");
        String huge = settlement(orderId).replace("\"currency\":\"IDR\"", "\"currency\":\"IDR\",\"pad\":\"" + "x".repeat(1_100_000) + "\"");

        assertThat(intake.post(padded).getStatusCode()).isEqualTo(413);
        assertThat(intake.post(huge).getStatusCode()).isEqualTo(413);
        assertThat(json(intake.post(padded)).path("type").asText()).endsWith("/payload-too-large");
        assertNothingWritten(orderId);
    }

    @Test
    void post_whenTwentyThreadsDeliverTheSameNotification_storesItOnce_andAnswersEach200() throws Exception {
        String orderId = newOrderId();
        String body = settlement(orderId);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<APIGatewayV2HTTPResponse>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return intake.post(body);
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get().getStatusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(intake.eventsOf(orderId)).hasSize(1);
        assertThat(intake.checksFor(orderId)).hasSize(20);
    }

    @Test
    void serverKey_isReadOnce_andAgainAfterFiveMinutes() {
        AdjustableClock clock = AdjustableClock.startingAt(NOW);
        Intake counting = new Intake(intake.stack, clock);

        counting.post(settlement(newOrderId()));
        counting.post(notification(newOrderId(), "settlement", "200", "150000.00", "accept", "wrong"));
        counting.post(settlement(newOrderId()));
        assertThat(counting.secretReads.get()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        counting.post(settlement(newOrderId()));
        assertThat(counting.secretReads.get()).isEqualTo(2);
    }

    @Test
    void post_whenTheServerKeyHasNoValue_answers500WithoutInternals_andWritesNothing() {
        String orderId = newOrderId();
        Intake keyless = new Intake(intake.stack, AdjustableClock.startingAt(NOW),
                new com.warroom.secrets.LocalSecrets(name -> java.util.Optional.empty(), java.nio.file.Path.of("/nonexistent")));

        APIGatewayV2HTTPResponse response = keyless.post(settlement(orderId));

        assertThat(response.getStatusCode()).as("Midtrans retries a 5xx").isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("midtrans-server-key").doesNotContain("nonexistent");
        assertThat(intake.eventsOf(orderId)).isEmpty();
        assertThat(keyless.calls.calls()).isEmpty();
    }

    @Test
    void signatureOf_theSampleEvent_isTheOneItCarries() {
        JsonNode sample = Json.readTree(com.amazonaws.services.lambda.runtime.tests.EventLoader
                .loadApiGatewayHttpEvent("events/webhook-intake/midtrans-settlement.json").getBody());

        assertThat(MidtransSignature.of(sample.path("order_id").asText(), sample.path("status_code").asText(),
                sample.path("gross_amount").asText(), LOCAL_KEY)).isEqualTo(sample.path("signature_key").asText());
    }
}
