package com.warroom.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.SortableTime;
import com.warroom.payments.Customer;
import com.warroom.payments.NewOrder;
import com.warroom.payments.Order;
import com.warroom.payments.orders.OrderBook;
import com.warroom.payments.orders.OrderSeal;
import com.warroom.payments.orders.OrderStore;
import com.warroom.payments.orders.RegisterOutcome;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.Wallet;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /v1/admin/stuck} over the embedded stack. The other tests of this JVM write orders and payouts in 2026 and
 * later; this one's clock starts in 2001, so that what it writes is the oldest in the tables and its listings are
 * predictable whatever else ran first.
 */
@ExtendWith(EmbeddedStackExtension.class)
class StuckListRouteTest {

    private static final String ROUTE = "GET /v1/admin/stuck";
    private static final Instant T0 = Instant.parse("2001-01-01T00:00:00Z");
    private static final String ADDRESS = "0x8617E340B3D01FA5F11F306F4090FD50E238070D";

    private static AdjustableClock clock;
    private static OrderStore orders;
    private static OrderSeal orderSeal;
    private static PayoutStore payouts;
    private static PayoutSeal payoutSeal;
    private static EmbeddedStack embedded;
    private static StuckListHandler handler;

    // the scenario written once, at T0 + 0..10 minutes: open items in the order they were written, then final ones
    private static Order pendingFirst;
    private static Payout requested;
    private static Order pendingSecond;
    private static Payout submitted;
    private static Payout held;
    private static Payout quarantined;
    private static Payout retrying;
    private static final List<String> FINAL_IDS = new ArrayList<>();

    @BeforeAll
    static void start(EmbeddedStack stack) {
        embedded = stack;
        var dynamo = software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        var sealer = KmsSealer.forKey(Topology.SEALS);
        clock = AdjustableClock.startingAt(T0);
        orders = new OrderStore(dynamo, Topology.ORDERS.localName());
        orderSeal = new OrderSeal(sealer);
        payouts = new PayoutStore(dynamo, Topology.PAYOUTS.localName());
        payoutSeal = new PayoutSeal(sealer);
        handler = new StuckListHandler(new StuckList(payouts, new com.warroom.payments.PendingOrders(dynamo, Topology.ORDERS.localName()), clock));

        pendingFirst = order();
        minute();
        requested = payout(PayoutStatus.REQUESTED);
        minute();
        pendingSecond = order();
        minute();
        submitted = payout(PayoutStatus.SUBMITTED);
        minute();
        held = payout(PayoutStatus.HELD);
        minute();
        quarantined = payout(PayoutStatus.QUARANTINED);
        minute();
        retrying = payout(PayoutStatus.RETRY_SCHEDULED);
        minute();
        for (PayoutStatus status : List.of(PayoutStatus.CONFIRMED, PayoutStatus.FAILED, PayoutStatus.CANCELLED)) {
            FINAL_IDS.add(payout(status).payoutId());
        }
        for (OrderStatus status : List.of(OrderStatus.PAID, OrderStatus.EXPIRED, OrderStatus.CANCELLED, OrderStatus.FAILED)) {
            Order pending = order();
            Order moved = orderSeal.sealed(pending.moved(status, SortableTime.now(clock)));
            var transaction = software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest.builder();
            orders.replace(pending, moved).accept(transaction);
            dynamo.transactWriteItems(transaction.build());
            FINAL_IDS.add(pending.orderId());
        }
        minute();
    }

    // ---- what it lists

    @Test
    void list_mergesPayoutsAndOrders_oldestFirst() {
        JsonNode body = ok(list(Role.OPS, "limit", "100"));

        List<String> ours = ids(body).stream().filter(scenarioIds()::contains).toList();
        // the HELD payout waits from the end of its cooling-off, an hour after it was written
        assertThat(ours).containsExactly(pendingFirst.orderId(), requested.payoutId(), pendingSecond.orderId(),
                submitted.payoutId(), quarantined.payoutId(), retrying.payoutId(), held.payoutId());
        List<String> since = items(body).stream().map(item -> item.path("since").asText()).toList();
        assertThat(since).isSortedAccordingTo(String::compareTo);
        assertThat(body.path("asOf").asText()).isEqualTo(SortableTime.format(clock.instant()));
    }

    @Test
    void list_withLimit_answersThatManyOldest() {
        assertThat(ids(ok(list(Role.SUPPORT, "limit", "3"))))
                .containsExactly(pendingFirst.orderId(), requested.payoutId(), pendingSecond.orderId());
        assertThat(ids(ok(list(Role.SUPPORT, "limit", "1")))).containsExactly(pendingFirst.orderId());
    }

    @Test
    void list_withoutLimit_answersTwenty() {
        // more than twenty open items, all older than anything the other tests write
        for (int i = 0; i < 21; i++) {
            order();
        }

        assertThat(items(ok(list(Role.SUPER_ADMIN)))).hasSize(20);
    }

    @Test
    void list_neverShowsFinalPayoutsOrOrdersPastPending() {
        JsonNode body = ok(list(Role.FINANCE, "limit", "100"));

        assertThat(ids(body)).doesNotContainAnyElementsOf(FINAL_IDS);
        assertThat(items(body)).allSatisfy(item -> assertThat(item.path("status").asText())
                .isIn("PENDING", "REQUESTED", "HELD", "SUBMITTING", "SUBMITTED", "RETRY_SCHEDULED", "QUARANTINED"));
    }

    @Test
    void list_itemsCarryTheirShape() {
        JsonNode body = ok(list(Role.OPS, "limit", "100"));
        JsonNode order = item(body, pendingFirst.orderId());
        JsonNode payout = item(body, retrying.payoutId());

        assertThat(fieldNames(order)).containsExactlyInAnyOrder("kind", "id", "status", "userId", "amount", "currency", "since",
                "ageSeconds", "stuck");
        assertThat(order.path("kind").asText()).isEqualTo("order");
        assertThat(order.path("status").asText()).isEqualTo("PENDING");
        assertThat(order.path("userId").asText()).isEqualTo(pendingFirst.userId());
        assertThat(order.path("amount").asText()).isEqualTo("150000.00");
        assertThat(order.path("currency").asText()).isEqualTo("IDR");
        assertThat(order.path("since").asText()).isEqualTo(SortableTime.format(T0));

        assertThat(fieldNames(payout)).containsExactlyInAnyOrder("kind", "id", "status", "userId", "amount", "asset", "since",
                "ageSeconds", "stuck", "reason");
        assertThat(payout.path("kind").asText()).isEqualTo("payout");
        assertThat(payout.path("status").asText()).isEqualTo("RETRY_SCHEDULED");
        assertThat(payout.path("userId").asText()).isEqualTo(retrying.request().userId());
        assertThat(payout.path("amount").asText()).isEqualTo(DecimalAmount.format(retrying.request().amount()));
        assertThat(payout.path("asset").asText()).isEqualTo("USDC");
        assertThat(payout.path("reason").asText()).isEqualTo("set by a stuck-list test");
        assertThat(payout.path("since").asText()).isEqualTo(SortableTime.format(retrying.times().updatedAt()));
        assertThat(item(body, requested.payoutId()).has("reason")).isFalse();
    }

    @Test
    void list_agesAreFromAsOf_andNeverNegative() {
        JsonNode body = ok(list(Role.OPS, "limit", "100"));
        Instant asOf = Instant.parse(body.path("asOf").asText());

        assertThat(item(body, pendingFirst.orderId()).path("ageSeconds").asLong()).isEqualTo(Duration.between(T0, asOf).toSeconds());
        assertThat(item(body, submitted.payoutId()).path("ageSeconds").asLong())
                .isEqualTo(Duration.between(submitted.times().updatedAt(), asOf).toSeconds());
        Instant coolingOffEnds = held.progress().nextAttemptAt().orElseThrow();
        assertThat(item(body, held.payoutId()).path("since").asText()).isEqualTo(SortableTime.format(coolingOffEnds));
        assertThat(item(body, held.payoutId()).path("ageSeconds").asLong())
                .isEqualTo(Math.max(0, Duration.between(coolingOffEnds, asOf).toSeconds()));
        assertThat(items(body)).allSatisfy(item -> assertThat(item.path("ageSeconds").asLong()).isNotNegative());
    }

    @Test
    void list_ordersAreStuckOnlyPastFifteenMinutesPending() {
        Order fresh = order();

        assertThat(stuck(fresh.orderId())).isFalse();
        assertThat(item(ok(list(Role.OPS, "limit", "100")), fresh.orderId()).path("ageSeconds").asLong()).isZero();
        clock.advance(Duration.ofMinutes(15));
        assertThat(stuck(fresh.orderId())).as("exactly 15 minutes is not over 15").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(stuck(fresh.orderId())).isTrue();
    }

    @Test
    void list_payoutsAreStuckAsThePayoutQueueShowsThem() {
        Payout fresh = payout(PayoutStatus.REQUESTED);
        Payout cooling = payout(PayoutStatus.HELD);

        assertThat(stuck(fresh.payoutId())).isFalse();
        assertThat(stuck(cooling.payoutId())).isFalse();
        assertThat(item(ok(list(Role.OPS, "limit", "100")), cooling.payoutId()).path("ageSeconds").asLong())
                .as("its cooling-off has not ended").isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(stuck(fresh.payoutId())).as("REQUESTED for 5 minutes").isTrue();
        assertThat(stuck(cooling.payoutId())).isFalse();
        clock.advance(Duration.ofHours(2));
        assertThat(stuck(cooling.payoutId())).as("an hour past its cooling-off").isTrue();
        assertThat(stuck(quarantined.payoutId())).as("QUARANTINED is stuck at once").isTrue();
    }

    // ---- bad input: a problem and nothing else

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "", "2.5", "99999999999999999999"})
    void list_withBadLimit_is400NamingLimit(String limit) {
        assertProblem(list(Role.OPS, "limit", limit), 400, "validation", "limit");
    }

    @Test
    void list_withUnknownParameter_is400NamingIt() {
        assertProblem(list(Role.OPS, "limit", "5", "status", "PENDING"), 400, "validation", "status");
        assertProblem(list(Role.OPS, "cursor", "x"), 400, "validation", "cursor");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"REVIEWER", "SERVICE"})
    void list_asAnotherRole_is403(Role role) {
        assertProblem(list(role), 403, "forbidden");
    }

    @Test
    void list_withoutToken_is401() {
        APIGatewayV2HTTPResponse response = send(HttpEvents.route(ROUTE).build());

        assertProblem(response, 401, "unauthorized");
        assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPS", "FINANCE", "SUPPORT", "SUPER_ADMIN"})
    void list_asEachReader_is200(Role role) {
        assertThat(list(role).getStatusCode()).isEqualTo(200);
    }

    // ---- helpers

    private static void minute() {
        clock.advance(Duration.ofMinutes(1));
    }

    private static Order order() {
        String orderId = "O-stuck-" + UUID.randomUUID().toString().substring(0, 12);
        String userId = "u-" + orderId;
        var outcome = new OrderBook(orders, orderSeal, clock).register(new NewOrder(orderId, userId, "course:python-101",
                new Money("IDR", 15_000_000), new Customer(Optional.of(userId + "@example.id"), Optional.empty())));
        return ((RegisterOutcome.Created) outcome).order();
    }

    /** A USDC payout written as the payouts route accepts it, then moved to {@code status} as the worker leaves it. */
    private static Payout payout(PayoutStatus status) {
        String payoutId = "P-stuck-" + UUID.randomUUID().toString().substring(0, 12);
        Instant now = SortableTime.now(clock);
        Money amount = ((DecimalAmount.Parsed.Valid) DecimalAmount.parsePositiveAsset("12.5", "USDC")).money();
        Payout accepted = payoutSeal.sealed(Payout.accepted(payoutId, new Payout.Request("u-" + payoutId, PayoutKind.WITHDRAWAL.name(),
                amount, "ref-" + payoutId, Optional.empty(), "platform-test"), new Wallet("evm:1", ADDRESS), PayoutStatus.REQUESTED,
                Optional.empty(), now));
        payouts.commit(List.of(payouts.insert(accepted)));
        if (status == PayoutStatus.REQUESTED) {
            return accepted;
        }
        Optional<Instant> next = switch (status) {
            case HELD -> Optional.of(now.plus(Duration.ofHours(1)));
            case RETRY_SCHEDULED -> Optional.of(now.plus(Duration.ofMinutes(1)));
            default -> Optional.empty();
        };
        Optional<String> reason = status == PayoutStatus.RETRY_SCHEDULED || status == PayoutStatus.FAILED
                ? Optional.of("set by a stuck-list test") : Optional.empty();
        Payout moved = accepted.moved(new Payout.Progress(status.name(), 1, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                reason, next, Optional.empty()), now);
        assertThat(payouts.update(accepted, moved)).isTrue();
        return moved;
    }

    private static Set<String> scenarioIds() {
        return Set.of(pendingFirst.orderId(), requested.payoutId(), pendingSecond.orderId(), submitted.payoutId(), held.payoutId(),
                quarantined.payoutId(), retrying.payoutId());
    }

    private static boolean stuck(String id) {
        return item(ok(list(Role.OPS, "limit", "100")), id).path("stuck").asBoolean();
    }

    private static APIGatewayV2HTTPResponse list(Role role, String... query) {
        HttpEvents event = HttpEvents.route(ROUTE).caller("staff-" + role.claimValue(), role);
        for (int i = 0; i < query.length; i += 2) {
            event.query(query[i], query[i + 1]);
        }
        return send(event.build());
    }

    private static APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of(Topology.STUCK_LIST.name(), 512, 10));
    }

    private static JsonNode ok(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode body = Json.readTree(response.getBody());
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("items", "asOf");
        return body;
    }

    private static List<JsonNode> items(JsonNode body) {
        return StreamSupport.stream(body.path("items").spliterator(), false).toList();
    }

    private static List<String> ids(JsonNode body) {
        return items(body).stream().map(item -> item.path("id").asText()).toList();
    }

    private static JsonNode item(JsonNode body, String id) {
        return items(body).stream().filter(item -> item.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not listed in " + body));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String type, String... fields) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = Json.readTree(response.getBody());
        assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.has("items")).isFalse();
        if (fields.length > 0) {
            assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
        }
    }
}
