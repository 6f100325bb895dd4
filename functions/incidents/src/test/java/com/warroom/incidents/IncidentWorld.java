package com.warroom.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditLog;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.incidents.api.IncidentsHandler;
import com.warroom.incidents.desk.IncidentDesk;
import com.warroom.incidents.desk.LinkTargets;
import com.warroom.incidents.keeper.IncidentKeeper;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.observability.WarRoomNotices;
import com.warroom.oncall.OnCallArea;
import com.warroom.oncall.OnCallRoster;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Role;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import com.warroom.aws.AwsClients;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The incidents function in a test: the embedded stack's tables through the real SDK, a clock of its own, the real
 * audit log, an on-call roster the test sets (one primary per area, or nobody), the local SNS for the war room's
 * notices, and the handlers built over them.
 */
public final class IncidentWorld {

    public static final String OPS = "ops-olga";
    public static final String SUPPORT = "support-sam";
    public static final String DECLARE = "POST /v1/incidents";
    public static final String LIST = "GET /v1/incidents";
    public static final String GET = "GET /v1/incidents/{id}";
    public static final String STATUS = "POST /v1/incidents/{id}/status";
    public static final String NOTES = "POST /v1/incidents/{id}/notes";
    public static final String LINKS = "POST /v1/incidents/{id}/links";
    public static final String POSTMORTEM = "POST /v1/incidents/{id}/postmortem";
    public static final String GET_POSTMORTEM = "GET /v1/incidents/{id}/postmortem";
    public static final String COMMUNICATION = "GET /v1/incidents/{id}/communication";

    public final EmbeddedStack stack;
    public final DynamoDbClient dynamo;
    public final DynamoDbEnhancedClient enhanced;
    public final AdjustableClock clock;
    public final IncidentStore store;
    /** Who is on call now, per area: the test changes it. */
    public final Map<OnCallArea, String> onCall = new EnumMap<>(Map.of(OnCallArea.BACKEND, "bima-backend",
            OnCallArea.OPS, "oki-ops", OnCallArea.FINANCE, "fina-finance"));
    public final IncidentDesk desk;
    public final IncidentsHandler api;
    public final IncidentKeeper keeper;

    public IncidentWorld(EmbeddedStack stack) {
        this.stack = stack;
        this.dynamo = stack.dynamoDb();
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        this.clock = AdjustableClock.startingAt(Instant.parse("2046-01-01T00:00:00Z")
                .plusSeconds(3600L * ThreadLocalRandom.current().nextInt(0, 2_000_000)));
        this.store = new IncidentStore(enhanced, Topology.INCIDENTS.localName());
        OnCallRoster roster = (area, at) -> Optional.ofNullable(onCall.get(area));
        this.desk = new IncidentDesk(store, new AuditLog(enhanced, Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS), clock),
                new LinkTargets(dynamo, TableDef::localName), roster, clock);
        this.api = new IncidentsHandler(store, desk, com.warroom.incidents.evidence.EvidenceWiring.fromEnvironment(),
                new IdempotencyStore(enhanced, Topology.IDEMPOTENCY.localName(), clock), clock);
        this.keeper = new IncidentKeeper(store, new WarRoomNotices(AwsClients.sns(), stack.localSns().topicArn(Topology.OPS_NOTICES)), clock);
    }

    // ---- calls, as API Gateway makes them

    public static APIGatewayV2HTTPEvent event(String route, Map<String, String> path, String body, Map<String, String> query, String sub,
                                              Role... roles) {
        HttpEvents builder = HttpEvents.route(route);
        if (body != null) {
            builder.body(body);
        }
        query.forEach(builder::query);
        if (sub != null) {
            builder.caller(sub, roles);
        }
        APIGatewayV2HTTPEvent event = builder.build();
        if (!path.isEmpty()) {
            event.setPathParameters(path);
            String raw = event.getRawPath();
            for (var p : path.entrySet()) {
                raw = raw.replace("{" + p.getKey() + "}", p.getValue());
            }
            event.setRawPath(raw);
        }
        return event;
    }

    public APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return api.handleRequest(event, LocalLambdaContext.of("incidents-api", 1024, 60));
    }

    /** {@code route} on incident {@code id} ({@code null} for none) as {@code sub} with {@code role}. */
    public APIGatewayV2HTTPResponse as(String sub, Role role, String route, String id, String body) {
        return call(event(route, id == null ? Map.of() : Map.of("id", id), body, Map.of(), sub, role));
    }

    public APIGatewayV2HTTPResponse ops(String route, String id, String body) {
        return as(OPS, Role.OPS, route, id, body);
    }

    public static String declaration(String title, String severity, List<String> components, String detectedBy, Instant firstSeenAt,
                                     long usersAffected, String commander) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        if (severity != null) {
            body.put("severity", severity);
        }
        body.put("components", components);
        body.put("detectedBy", detectedBy);
        body.put("firstSeenAt", firstSeenAt.toString());
        body.put("impact", Map.of("usersAffected", usersAffected, "description", "users paid and see no course"));
        if (commander != null) {
            body.put("commander", commander);
        }
        return Json.write(body);
    }

    /** Declares a P1 on payment through the route as ops; answers the incident. */
    public JsonNode declare(String severity) {
        return ok(ops(DECLARE, null, declaration("paid but no access", severity, List.of("access", "payment"), "ticket",
                clock.instant().minusSeconds(600), 12, null)), 201);
    }

    public String declareId(String severity) {
        return declare(severity).path("incidentId").asText();
    }

    /** Moves an incident step by step up to {@code status} (classifying it P1 with a post-mortem owner on the way). */
    public void moveTo(String id, String status) {
        List<String> order = List.of("DETECTED", "CLASSIFIED", "CONTAINED", "INVESTIGATING", "RESOLVED", "CLOSED");
        String current = ok(ops(GET, id, null), 200).path("status").asText();
        for (int i = order.indexOf(current) + 1; i <= order.indexOf(status); i++) {
            String body = order.get(i).equals("RESOLVED")
                    ? "{\"status\":\"RESOLVED\",\"note\":\"fixed\",\"postmortemOwner\":\"pia-ops\"}"
                    : "{\"status\":\"" + order.get(i) + "\",\"note\":\"step " + order.get(i) + "\"}";
            ok(ops(STATUS, id, body), 200);
        }
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

    /** What is stored of an incident: its item and its timeline items, to show that nothing was written. */
    public List<Map<String, AttributeValue>> stored(String incidentId) {
        return dynamo.query(b -> b.tableName(Topology.INCIDENTS.localName()).consistentRead(true).keyConditionExpression("incidentId = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(incidentId)))).items();
    }

    /** The audit entries about an incident. */
    public List<Map<String, AttributeValue>> audited(String incidentId) {
        return dynamo.scanPaginator(b -> b.tableName(Topology.AUDIT.localName()).filterExpression("#t = :t")
                        .expressionAttributeNames(Map.of("#t", "target"))
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(IncidentDesk.AUDIT_TARGET_PREFIX + incidentId))))
                .items().stream().toList();
    }

    /** Every incident item in the table (to show a refused declaration wrote none). */
    public long incidentCount() {
        return dynamo.scanPaginator(b -> b.tableName(Topology.INCIDENTS.localName()).filterExpression("#i = :i")
                .expressionAttributeNames(Map.of("#i", "item")).expressionAttributeValues(Map.of(":i", AttributeValue.fromS("incident"))))
                .items().stream().count();
    }
}
