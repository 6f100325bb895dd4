package com.warroom.payments.orders;

import com.warroom.payments.Order;
import static com.warroom.payments.PaymentsStack.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.MidtransAnswers;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentsStack;
import com.warroom.payments.processor.TestProcessors;
import com.warroom.seal.Verification;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code POST /v1/orders} and {@code GET /v1/orders/{orderId}} over the embedded stack. */
@ExtendWith(EmbeddedStackExtension.class)
class OrdersRouteTest {

    private static final String POST = "POST /v1/orders";
    private static final String GET = "GET /v1/orders/{orderId}";

    private static PaymentsStack world;
    private static OrdersHandler handler;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PaymentsStack(stack, Instant.parse("2026-11-30T16:00:00Z"));
        handler = new OrdersHandler(world.dynamo, world.sealer, world.clock, world.notifications);
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
        world.close();
    }

    private static String body(String orderId) {
        return "{\"orderId\":\"" + orderId + "\",\"userId\":\"u-1001\",\"amount\":\"150000.00\",\"currency\":\"IDR\","
                + "\"item\":\"course:python-101\",\"customer\":{\"email\":\"budi@example.id\",\"phone\":\"+6281234567890\"}}";
    }

    private static APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of(Topology.ORDERS_API.name(), 1024, 30));
    }

    private static APIGatewayV2HTTPResponse post(String body) {
        return post(body, UUID.randomUUID().toString(), Role.SERVICE);
    }

    private static APIGatewayV2HTTPResponse post(String body, String key, Role... roles) {
        return send(HttpEvents.withHeader(HttpEvents.route(POST).caller("backend", roles).body(body).build(), "Idempotency-Key", key));
    }

    private static APIGatewayV2HTTPResponse get(String orderId, Role... roles) {
        APIGatewayV2HTTPEvent event = HttpEvents.route(GET).caller("reader", roles).build();
        event.setRawPath("/v1/orders/" + orderId);
        event.setPathParameters(Map.of("orderId", orderId));
        return send(event);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String type, String... fields) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/" + type);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (fields.length > 0) {
            assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
        }
    }

    // ---- POST

    @Test
    void post_registersTheOrder_sealed_andAnswers201WithItsView() {
        String orderId = newOrderId();
        String now = com.warroom.payments.SortableTime.format(world.clock.instant());

        APIGatewayV2HTTPResponse response = post(body(orderId));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode view = json(response);
        assertThat(view.path("orderId").asText()).isEqualTo(orderId);
        assertThat(view.path("userId").asText()).isEqualTo("u-1001");
        assertThat(view.path("item").asText()).isEqualTo("course:python-101");
        assertThat(view.path("amount").asText()).isEqualTo("150000.00");
        assertThat(view.path("currency").asText()).isEqualTo("IDR");
        assertThat(view.path("status").asText()).isEqualTo("PENDING");
        assertThat(view.path("version").asLong()).isEqualTo(1);
        assertThat(view.path("createdAt").asText()).isEqualTo(now);
        assertThat(view.path("updatedAt").asText()).isEqualTo(now);
        assertThat(view.has("paidAt")).isFalse();
        assertThat(view.path("integrity").asText()).isEqualTo("intact");
        assertThat(view.path("customer")).isEqualTo(Json.readTree("{\"email\":\"budi@example.id\",\"phone\":\"+6281234567890\"}"));
        assertThat(view.path("events").isArray() && view.path("events").isEmpty()).isTrue();
        assertThat(view.path("entitlement").isNull()).isTrue();
        assertThat(view.path("notifications").isArray() && view.path("notifications").isEmpty()).isTrue();
        Order stored = world.order(orderId);
        assertThat(stored.amount().minor()).isEqualTo(15_000_000);
        assertThat(world.seal.verify(stored)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void post_withoutContacts_registersAnOrderWithoutThem() {
        String orderId = newOrderId();
        String body = "{\"orderId\":\"" + orderId + "\",\"userId\":\"u:9@x.io\",\"amount\":\"5\",\"currency\":\"JPY\",\"item\":\"blue_check\"}";

        APIGatewayV2HTTPResponse response = post(body);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(json(response).has("customer")).isFalse();
        assertThat(json(response).path("amount").asText()).isEqualTo("5");
    }

    @Test
    void post_retriedWithTheSameIdempotencyKey_replaysTheFirstAnswer() {
        String orderId = newOrderId();
        String key = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse first = post(body(orderId), key, Role.SERVICE);
        APIGatewayV2HTTPResponse again = post(body(orderId), key, Role.SERVICE);

        assertThat(again.getStatusCode()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
    }

    @Test
    void post_theSameRegistrationUnderANewKey_answers200WithTheOrderAsItIs() {
        String orderId = newOrderId();
        post(body(orderId));

        APIGatewayV2HTTPResponse again = post(body(orderId));

        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(200);
        assertThat(json(again).path("version").asLong()).isEqualTo(1);
        assertThat(world.order(orderId).version()).isEqualTo(1);
    }

    @Test
    void post_theSameIdWithOtherFields_answers409_andChangesNothing() {
        String orderId = newOrderId();
        post(body(orderId));

        APIGatewayV2HTTPResponse conflict = post(body(orderId).replace("150000.00", "1.00"));

        assertProblem(conflict, 409, "order-exists");
        assertThat(world.order(orderId).amount().minor()).isEqualTo(15_000_000);
        assertProblem(post(body(orderId).replace("budi@example.id", "other@example.id")), 409, "order-exists");
        assertProblem(post(body(orderId).replace("u-1001", "u-1002")), 409, "order-exists");
    }

    @Test
    void post_tenConcurrentRegistrationsOfOneOrder_createItOnce() throws Exception {
        String orderId = newOrderId();
        var pool = Executors.newFixedThreadPool(10);
        List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return post(body(orderId));
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get().getStatusCode());
            }
            assertThat(statuses).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void post_withoutIdempotencyKey_answers400NamingIt() {
        String orderId = newOrderId();

        APIGatewayV2HTTPResponse response = send(HttpEvents.route(POST).caller("backend", Role.SERVICE).body(body(orderId)).build());

        assertProblem(response, 400, "validation", "Idempotency-Key");
        assertThat(world.orders.find(orderId)).isEmpty();
    }

    @Test
    void post_withoutToken_answers401() {
        String orderId = newOrderId();

        APIGatewayV2HTTPResponse response = send(HttpEvents.withHeader(HttpEvents.route(POST).body(body(orderId)).build(), "Idempotency-Key", "k-1"));

        assertProblem(response, 401, "unauthorized");
        assertThat(world.orders.find(orderId)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPER_ADMIN", "OPS", "FINANCE", "SUPPORT", "REVIEWER"})
    void post_byStaff_answers403_onlyThePlatformRegistersOrders(Role role) {
        String orderId = newOrderId();

        assertProblem(post(body(orderId), UUID.randomUUID().toString(), role), 403, "forbidden");
        assertThat(world.orders.find(orderId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "\"order\"", "{\"orderId\":\"O-1\",\"orderId\":\"O-2\"}"})
    void post_whenTheBodyIsNotAJsonObject_answers400(String body) {
        assertProblem(post(body), 400, "malformed-json");
    }

    @Test
    void post_whenFieldsAreMissingOrUnknown_namesEach() {
        assertProblem(post("{\"orderId\":\"O-x\",\"price\":\"1\"}"), 400, "validation", "price", "userId", "amount", "currency", "item");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"amount\":\"150000.00\"|\"amount\":150000|amount",
            "\"userId\":\"u-1001\"|\"userId\":1001|userId",
            "\"userId\":\"u-1001\"|\"userId\":\"u 1001\"|userId",
            "\"item\":\"course:python-101\"|\"item\":\"Course:Python\"|item",
            "\"item\":\"course:python-101\"|\"item\":\"\"|item",
            "\"currency\":\"IDR\"|\"currency\":\"idr\"|currency",
            "\"currency\":\"IDR\"|\"currency\":\"XYZ\"|currency",
            "\"currency\":\"IDR\"|\"currency\":null|currency",
            "\"email\":\"budi@example.id\"|\"email\":\"budi\"|customer.email",
            "\"phone\":\"+6281234567890\"|\"phone\":\"081234567890\"|customer.phone",
            "\"phone\":\"+6281234567890\"|\"phone\":6281234567890|customer.phone",
            "\"phone\":\"+6281234567890\"|\"fax\":\"+6281234567890\"|customer.fax",
            "\"customer\":{\"email\":\"budi@example.id\",\"phone\":\"+6281234567890\"}|\"customer\":\"budi@example.id\"|customer",
    })
    void post_whenAFieldIsWrong_answers400NamingIt_andWritesNothing(String good, String bad, String field) {
        String orderId = newOrderId();

        assertProblem(post(body(orderId).replace(good, bad)), 400, "validation", field);
        assertThat(world.orders.find(orderId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"O#1", "O 1", "order/1", "ÖRDER-1", ""})
    void post_whenTheOrderIdIsNotOneMidtransTakes_answers400(String orderId) {
        assertProblem(post(body("PLACEHOLDER").replace("PLACEHOLDER", orderId)), 400, "validation", "orderId");
    }

    @Test
    void post_whenTheOrderIdIsTooLong_answers400() {
        assertProblem(post(body("O".repeat(51))), 400, "validation", "orderId");
    }

    @ParameterizedTest
    @CsvSource({"1.001,IDR", "150000.001,IDR", "0,IDR", "0.00,IDR", "-5,IDR", "+5,IDR", "1e5,IDR", "1000000000000.01,IDR",
            "9999999999999,IDR", "1.5,JPY", "1.0005,BHD", "' 5',IDR", "'1,000',IDR"})
    void post_whenTheAmountIsNotOneTheCurrencyAllows_answers422NamingIt(String amount, String currency) {
        String orderId = newOrderId();
        String body = body(orderId).replace("\"150000.00\"", "\"" + amount + "\"").replace("\"IDR\"", "\"" + currency + "\"");

        assertProblem(post(body), 422, "invalid-amount", "amount");
        assertThat(world.orders.find(orderId)).isEmpty();
    }

    @Test
    void post_whenTheAmountAndAnotherFieldAreWrong_answers400NamingBoth() {
        assertProblem(post(body(newOrderId()).replace("\"150000.00\"", "\"1.001\"").replace("u-1001", "u 1001")), 400, "validation",
                "amount", "userId");
    }

    @Test
    void post_whenTheBodyIsOversize_answers413() {
        String orderId = newOrderId();
        String huge = body(orderId).replace("\"u-1001\"", "\"" + "u".repeat(1_100_000) + "\"");

        assertProblem(post(huge), 413, "payload-too-large");
        assertThat(world.orders.find(orderId)).isEmpty();
    }

    @Test
    void post_withAnotherContentType_answers415() {
        String orderId = newOrderId();
        APIGatewayV2HTTPEvent event = HttpEvents.withHeader(HttpEvents.withHeader(HttpEvents.route(POST).caller("backend", Role.SERVICE)
                .body(body(orderId)).build(), "Idempotency-Key", "k-415"), "Content-Type", "text/plain");

        assertProblem(send(event), 415, "unsupported-media-type");
        assertThat(world.orders.find(orderId)).isEmpty();
    }

    // ---- GET

    @Test
    void get_anUnknownOrder_answers404() {
        assertProblem(get(newOrderId(), Role.SUPPORT), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"O#1", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "O 1"})
    void get_anIdThatIsNoOrderId_answers400(String orderId) {
        assertProblem(get(orderId, Role.SUPPORT), 400, "validation", "orderId");
    }

    @Test
    void get_withoutToken_answers401() {
        APIGatewayV2HTTPEvent event = HttpEvents.route(GET).build();
        event.setPathParameters(Map.of("orderId", "O-1"));

        assertProblem(send(event), 401, "unauthorized");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPER_ADMIN", "REVIEWER"})
    void get_byRolesThatDoNotReadOrders_answers403(Role role) {
        assertProblem(get("O-1", role), 403, "forbidden");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SERVICE", "SUPPORT", "OPS", "FINANCE"})
    void get_byEachReader_answers200(Role role) {
        String orderId = newOrderId();
        post(body(orderId));

        APIGatewayV2HTTPResponse response = get(orderId, role);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("PENDING");
        assertThat(json(response).path("integrity").asText()).isEqualTo("intact");
    }

    @Test
    void get_showsThePaymentStory_notificationAndCheck_oldestFirst() {
        String orderId = newOrderId();
        post(body(orderId));
        world.midtransSays(orderId, MidtransAnswers.expire(orderId, "150000.00"));
        String notification = MidtransAnswers.notification(orderId, "expire", "407", "150000.00", null);
        PaymentCheck check = world.notified(notification);
        world.clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(TestProcessors.handler(world).handleRequest(batchOf(check), null).getBatchItemFailures()).isEmpty();

        JsonNode view = json(get(orderId, Role.SUPPORT));

        assertThat(view.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(view.path("version").asLong()).isEqualTo(2);
        JsonNode events = view.path("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("kind").asText()).isEqualTo("notification");
        assertThat(events.get(0).path("eventKey").asText()).isEqualTo(check.eventKey().orElseThrow());
        assertThat(events.get(0).path("transactionStatus").asText()).isEqualTo("expire");
        assertThat(events.get(0).path("statusCode").asText()).isEqualTo("407");
        assertThat(events.get(0).path("grossAmount").asText()).isEqualTo("150000.00");
        assertThat(events.get(0).path("transactionId").asText()).isEqualTo("tx-" + orderId);
        assertThat(events.get(0).path("paymentType").asText()).isEqualTo("bank_transfer");
        assertThat(events.get(0).path("raw")).isEqualTo(Json.readTree(notification));
        assertThat(events.get(1).path("kind").asText()).isEqualTo("check");
        assertThat(events.get(1).path("source").asText()).isEqualTo("webhook");
        assertThat(events.get(1).path("midtrans").path("transactionStatus").asText()).isEqualTo("expire");
        assertThat(events.get(1).path("applied").asText()).isEqualTo("EXPIRED");
        assertThat(events.get(1).path("outcome").asText()).startsWith("EXPIRED");
        assertThat(view.path("entitlement").isNull()).isTrue();
    }

    @Test
    void get_anOrderEditedInTheTable_showsItTampered_andCountsIt() {
        String orderId = newOrderId();
        post(body(orderId));
        world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.ORDERS.localName()).key(Map.of("orderId", AttributeValue.fromS(orderId)))
                .updateExpression("SET #s = :paid").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":paid", AttributeValue.fromS("PAID"))));
        metrics.clear();

        JsonNode view = json(get(orderId, Role.OPS));

        assertThat(view.path("status").asText()).isEqualTo("PAID");
        assertThat(view.path("integrity").asText()).isEqualTo("tampered");
        assertThat(metrics.count(OrderSeal.TAMPERED_METRIC)).isEqualTo(1);
    }

    private static com.amazonaws.services.lambda.runtime.events.SQSEvent batchOf(PaymentCheck check) {
        var message = new com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(check.toJson());
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        var event = new com.amazonaws.services.lambda.runtime.events.SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
