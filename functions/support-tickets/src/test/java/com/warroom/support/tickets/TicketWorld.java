package com.warroom.support.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditLog;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.ledger.Ledger;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.outbox.Outbox;
import com.warroom.seal.KmsSealer;
import com.warroom.support.ExpRewardRates;
import com.warroom.support.ExpRewards;
import com.warroom.support.TicketPriority;
import com.warroom.support.tickets.api.TicketsApiHandler;
import com.warroom.support.tickets.desk.LinkTargets;
import com.warroom.support.tickets.desk.RewardRecorder;
import com.warroom.support.tickets.desk.TicketDesk;
import com.warroom.support.tickets.keeper.TicketKeeper;
import com.warroom.support.tickets.store.TicketStore;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The support-tickets function in a test: the embedded stack's tables through the real SDK, a clock of its own in a
 * window no other world uses (so a listing bounded by from/to sees only this world's tickets), the real audit log,
 * ledger and outbox, and the handlers built over them. The EXP rates are the seed config's (config/seed-v1.json).
 */
public final class TicketWorld {

    public static final String STAFF = "support-sam";
    public static final String PLATFORM = "platform-backend";
    public static final Map<TicketPriority, Long> RATES = new EnumMap<>(Map.of(TicketPriority.CRITICAL, 500L,
            TicketPriority.HIGH, 200L, TicketPriority.MEDIUM, 100L, TicketPriority.LOW, 50L));

    public final EmbeddedStack stack;
    public final DynamoDbClient dynamo;
    public final DynamoDbEnhancedClient enhanced;
    public final AdjustableClock clock;
    public final Instant start;
    public final TicketStore store;
    public final Ledger ledger;
    public final Outbox outbox;
    public final TicketDesk desk;
    public final TicketsApiHandler api;
    public final TicketKeeper keeper;

    public TicketWorld(EmbeddedStack stack) {
        this.stack = stack;
        this.dynamo = stack.dynamoDb();
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        // a window of its own: a random hour far from every other world's
        this.start = Instant.parse("2045-01-01T00:00:00Z").plusSeconds(3600L * ThreadLocalRandom.current().nextInt(0, 2_000_000));
        this.clock = AdjustableClock.startingAt(start);
        this.store = new TicketStore(dynamo, enhanced, Topology.TICKETS.localName());
        this.ledger = new Ledger(enhanced, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(),
                KmsSealer.forKey(Topology.SEALS), clock);
        this.outbox = new Outbox(enhanced, Topology.OUTBOX.localName(), clock);
        this.desk = desk(rewards());
        this.api = new TicketsApiHandler(store, desk, new IdempotencyStore(enhanced, Topology.IDEMPOTENCY.localName(), clock), clock);
        this.keeper = new TicketKeeper(store, rewards(), clock);
    }

    /** Rewards as one process holds them: its own ledger (and trusted balances) over the shared tables. */
    public RewardRecorder rewards() {
        Ledger own = new Ledger(enhanced, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(),
                KmsSealer.forKey(Topology.SEALS), clock);
        ExpRewardRates rates = RATES::get;
        return new RewardRecorder(new ExpRewards(own, outbox, rates, clock), store, clock);
    }

    public TicketDesk desk(RewardRecorder rewards) {
        return new TicketDesk(store, new AuditLog(enhanced, Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS), clock),
                new LinkTargets(dynamo, Topology.RECONCILE_FINDINGS.localName(), Topology.INCIDENTS.localName()), rewards, clock);
    }

    /** An incident as the incidents function keys it (its other attributes are the incidents function's business). */
    public String incident() {
        String incidentId = "inc-" + java.util.UUID.randomUUID().toString().replace("-", "");
        dynamo.putItem(b -> b.tableName(Topology.INCIDENTS.localName()).item(Map.of(
                "incidentId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(incidentId),
                "item", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(com.warroom.incidents.IncidentItem.ITEM))));
        return incidentId;
    }

    public static String newUser() {
        return "u-" + UUID.randomUUID().toString().substring(0, 12);
    }

    // ---- calls, as API Gateway makes them

    public static APIGatewayV2HTTPEvent event(String route, String id, String body, Map<String, String> query, String sub, Role... roles) {
        HttpEvents builder = HttpEvents.route(route);
        if (body != null) {
            builder.body(body);
        }
        query.forEach(builder::query);
        if (sub != null) {
            builder.caller(sub, roles);
        }
        APIGatewayV2HTTPEvent event = builder.build();
        if (id != null) {
            event.setPathParameters(Map.of("id", id));
            event.setRawPath(event.getRawPath().replace("{id}", id));
        }
        return event;
    }

    public APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return api.handleRequest(event, LocalLambdaContext.of("support-tickets", 1024, 30));
    }

    /** {@code route} on ticket {@code id} as staff member {@link #STAFF} (role support). */
    public APIGatewayV2HTTPResponse staff(String route, String id, String body) {
        return call(event(route, id, body, Map.of(), STAFF, Role.SUPPORT));
    }

    public APIGatewayV2HTTPResponse list(Map<String, String> query) {
        return call(event("GET /v1/support/tickets", null, null, query, STAFF, Role.SUPPORT));
    }

    /** Files a ticket through the route as the platform; answers its view. */
    public JsonNode file(String userId, TicketType type, String title) {
        String body = Json.write(Map.of("userId", userId, "type", type.name(), "title", title, "body", "what happened: " + title,
                "contact", Map.of("email", userId + "@example.com")));
        return ok(call(event("POST /v1/support/tickets", null, body, Map.of(), PLATFORM, Role.SERVICE)), 201);
    }

    public String fileId(String userId, TicketType type) {
        return file(userId, type, "a " + type.name().toLowerCase() + " report").path("ticketId").asText();
    }

    public static JsonNode ok(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return Json.readTree(response.getBody());
    }

    /** A problem of {@code status}, of {@code type} (the slug) when given, naming {@code field} when given. */
    public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = Json.readTree(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (type != null) {
            assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/" + type);
        }
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("Exception");
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
        }
        return problem;
    }

    /** What is stored of a ticket: the ticket item and its history items, to show that nothing was written. */
    public List<Map<String, AttributeValue>> stored(String ticketId) {
        return dynamo.query(b -> b.tableName(Topology.TICKETS.localName()).consistentRead(true).keyConditionExpression("ticketId = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(ticketId)))).items();
    }

    /** The audit entries about a ticket. */
    public List<Map<String, AttributeValue>> audited(String ticketId) {
        return dynamo.scanPaginator(b -> b.tableName(Topology.AUDIT.localName()).filterExpression("#t = :t")
                        .expressionAttributeNames(Map.of("#t", "target"))
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(TicketDeskTarget.of(ticketId)))))
                .items().stream().toList();
    }

    /**
     * Moves a ticket through the status route to {@code status} (CLOSED through a resolution and the user's
     * confirmation).
     */
    public void moveTo(String ticketId, TicketStatus status) {
        if (status == TicketStatus.OPEN) {
            return;
        }
        ok(staff("POST /v1/support/tickets/{id}/status", ticketId, "{\"status\":\"IN_PROGRESS\"}"), 200);
        if (status == TicketStatus.IN_PROGRESS) {
            return;
        }
        ok(staff("POST /v1/support/tickets/{id}/status", ticketId, "{\"status\":\"RESOLVED\"}"), 200);
        if (status == TicketStatus.CLOSED) {
            ok(call(event("POST /v1/support/tickets/{id}/confirmation", ticketId, "{\"rating\":5}", Map.of(), PLATFORM, Role.SERVICE)), 200);
        }
    }

    /** The audit target of a ticket. */
    static final class TicketDeskTarget {
        static String of(String ticketId) {
            return com.warroom.support.tickets.desk.TicketDesk.AUDIT_TARGET_PREFIX + ticketId;
        }
    }
}
