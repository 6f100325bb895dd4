package com.warroom.payments.admin;

import static com.warroom.payments.PaymentsStack.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.lambda.Priming;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PaymentsStack;
import com.warroom.payments.Order;
import com.warroom.payments.PendingOrders;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /v1/admin/payments/reviews} and {@code POST /v1/admin/payments/reconcile} over the embedded stack. */
@ExtendWith(EmbeddedStackExtension.class)
class PaymentsAdminRouteTest {

    private static final String REVIEWS = "GET /v1/admin/payments/reviews";
    private static final String RECONCILE = "POST /v1/admin/payments/reconcile";

    private static PaymentsStack world;
    private static PaymentsAdminHandler handler;
    private static AuditLog audit;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PaymentsStack(stack, Instant.parse("2030-06-01T08:00:00Z"));
        audit = new AuditLog(world.dynamo, Topology.AUDIT.localName(), world.sealer, world.clock);
        handler = new PaymentsAdminHandler(world.reviews, new PendingOrders(world.dynamo, Topology.ORDERS.localName()),
                new PaymentCheckQueue(stack.sqs(), world.checksUrl()), world.clock, ReviewOverrideRouteTest.approvals(world, audit),
                new IdempotencyStore(world.dynamo, Topology.IDEMPOTENCY.localName(), world.clock));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of(Topology.PAYMENTS_ADMIN.name(), 1024, 30));
    }

    private static APIGatewayV2HTTPResponse reviews(Role role, String... query) {
        HttpEvents event = HttpEvents.route(REVIEWS).caller("staff-" + role.claimValue(), role);
        for (int i = 0; i < query.length; i += 2) {
            event.query(query[i], query[i + 1]);
        }
        return send(event.build());
    }

    private static APIGatewayV2HTTPResponse reconcile(String body, Role role) {
        return send(HttpEvents.route(RECONCILE).caller("staff-" + role.claimValue(), role).body(body).build());
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String type, String... fields) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/" + type);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (fields.length > 0) {
            assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
        }
    }

    private static PaymentReview review(String createdAt, boolean amounts) {
        String orderId = newOrderId();
        String eventKey = "notification:" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
        return new PaymentReview("AMOUNT_MISMATCH:" + eventKey, "AMOUNT_MISMATCH", orderId, eventKey, "Midtrans says settlement for 1.00 IDR",
                amounts ? Optional.of(new PaymentReview.Amount("150000.00", "IDR")) : Optional.empty(),
                amounts ? Optional.of(new PaymentReview.Amount("1.00", "IDR")) : Optional.empty(), PaymentReview.OPEN, createdAt);
    }

    // ---- reviews

    @Test
    void reviews_newestFirst_pagedByCursor() {
        PaymentReview oldest = review("2099-01-01T00:00:01.000Z", true);
        PaymentReview middle = review("2099-01-01T00:00:02.000Z", false);
        PaymentReview newest = review("2099-01-01T00:00:03.000Z", true);
        List.of(oldest, middle, newest).forEach(world.reviews::record);

        JsonNode first = json(reviews(Role.FINANCE, "limit", "2"));
        JsonNode next = json(reviews(Role.FINANCE, "limit", "2", "cursor", first.path("nextCursor").asText()));

        assertThat(first.path("reviews").findValuesAsText("id")).containsExactly(newest.id(), middle.id());
        assertThat(next.path("reviews").get(0).path("id").asText()).isEqualTo(oldest.id());
        JsonNode view = first.path("reviews").get(0);
        assertThat(view.path("kind").asText()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(view.path("orderId").asText()).isEqualTo(newest.orderId());
        assertThat(view.path("eventKey").asText()).isEqualTo(newest.eventKey());
        assertThat(view.path("detail").asText()).isEqualTo(newest.detail());
        assertThat(view.path("expected")).isEqualTo(Json.readTree("{\"amount\":\"150000.00\",\"currency\":\"IDR\"}"));
        assertThat(view.path("received")).isEqualTo(Json.readTree("{\"amount\":\"1.00\",\"currency\":\"IDR\"}"));
        assertThat(view.path("state").asText()).isEqualTo("OPEN");
        assertThat(view.path("createdAt").asText()).isEqualTo("2099-01-01T00:00:03.000Z");
        assertThat(first.path("reviews").get(1).has("expected")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPS", "FINANCE", "SUPER_ADMIN"})
    void reviews_byPaymentAdmins_answers200(Role role) {
        assertThat(reviews(role).getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPPORT", "REVIEWER", "SERVICE"})
    void reviews_byOthers_answers403(Role role) {
        assertProblem(reviews(role), 403, "forbidden");
    }

    @Test
    void reviews_withoutToken_answers401() {
        assertProblem(send(HttpEvents.route(REVIEWS).build()), 401, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "ten", "-1", "1.5"})
    void reviews_withABadLimit_answers400NamingIt(String limit) {
        assertProblem(reviews(Role.OPS, "limit", limit), 400, "validation", "limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "eyJpZCI6IngifQ", "eyJpZCI6IngiLCJjcmVhdGVkQXQiOiJ5ZXN0ZXJkYXkifQ"})
    void reviews_withACursorNotMadeHere_answers400NamingIt(String cursor) {
        assertProblem(reviews(Role.OPS, "cursor", cursor), 400, "validation", "cursor");
    }

    @Test
    void reviews_withAnUnknownParameter_answers400NamingIt() {
        assertProblem(reviews(Role.OPS, "state", "CLOSED"), 400, "validation", "state");
    }

    // ---- reconcile

    @Test
    void reconcile_queuesEveryOrderPendingLongerThanFifteenMinutes_auditedFirst_andAnswers202() {
        world.purgeChecks();
        Order old = world.register(newOrderId());
        world.clock.advance(Duration.ofMinutes(16));
        Order young = world.register(newOrderId());

        APIGatewayV2HTTPResponse response = reconcile("{}", Role.FINANCE);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        JsonNode answer = json(response);
        assertThat(answer.path("queued").asInt()).isEqualTo(answer.path("orderIds").size());
        assertThat(answer.path("orderIds").toString()).contains(old.orderId()).doesNotContain(young.orderId());
        assertThat(world.drainQueue(world.checksUrl())).hasSize(answer.path("queued").asInt())
                .contains("{\"orderId\":\"" + old.orderId() + "\",\"source\":\"reconcile\"}");
        AuditEntry entry = audit.head().orElseThrow();
        assertThat(entry.action()).isEqualTo("payments.reconcile");
        assertThat(entry.target()).isEqualTo("payments:reconcile");
        assertThat(entry.actorSub()).isEqualTo("staff-finance");
        assertThat(Json.readTree(entry.after())).isEqualTo(answer);
        assertThat(entry.reason()).contains("15 minutes");
    }

    @Test
    void reconcile_retriedWithItsIdempotencyKey_replaysTheAnswer_andAuditsOnce() {
        world.purgeChecks();
        APIGatewayV2HTTPEvent first = HttpEvents.withHeader(HttpEvents.route(RECONCILE).caller("ops-1", Role.OPS).body("{}").build(),
                "Idempotency-Key", "reconcile-" + UUID.randomUUID());
        APIGatewayV2HTTPResponse answer = send(first);
        long seq = audit.head().orElseThrow().seq();
        int queued = world.drainQueue(world.checksUrl()).size();

        APIGatewayV2HTTPResponse again = send(first);

        assertThat(again.getStatusCode()).isEqualTo(202);
        assertThat(again.getBody()).isEqualTo(answer.getBody());
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(audit.head().orElseThrow().seq()).isEqualTo(seq);
        assertThat(world.drainQueue(world.checksUrl())).isEmpty();
        assertThat(queued).isEqualTo(json(answer).path("queued").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"orders\":[\"O-1\"]}", "{\"all\":true}"})
    void reconcile_withFields_answers400NamingThem_andAuditsNothing(String body) {
        long seq = audit.head().map(AuditEntry::seq).orElse(0L);

        APIGatewayV2HTTPResponse response = reconcile(body, Role.OPS);

        assertProblem(response, 400, "validation", Json.readTree(body).fieldNames().next());
        assertThat(audit.head().map(AuditEntry::seq).orElse(0L)).isEqualTo(seq);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "null"})
    void reconcile_whenTheBodyIsNotAnObject_answers400(String body) {
        assertProblem(reconcile(body, Role.OPS), 400, "malformed-json");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPPORT", "REVIEWER", "SERVICE"})
    void reconcile_byOthers_answers403(Role role) {
        assertProblem(reconcile("{}", role), 403, "forbidden");
    }

    @Test
    void reconcile_withoutToken_answers401() {
        assertProblem(send(HttpEvents.route(RECONCILE).body("{}").build()), 401, "unauthorized");
    }

    @Test
    void priming_auditsNothing_andQueuesNothing() {
        world.purgeChecks();
        world.register(newOrderId());
        world.clock.advance(Duration.ofMinutes(20));
        long seq = audit.head().map(AuditEntry::seq).orElse(0L);

        Priming.primeRegistered();

        assertThat(audit.head().map(AuditEntry::seq).orElse(0L)).isEqualTo(seq);
        assertThat(world.messagesIn(world.checksUrl())).isZero();
    }
}
