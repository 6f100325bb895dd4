package com.warroom.audit.api;

import com.warroom.seal.KmsSealer;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditTrail;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Calls the audit handler the way API Gateway would, appends entries through the real {@link AuditLog},
 * and reads or rewrites raw audit rows with the low-level client (to play the tamperer).
 */
final class AuditApi {

    static final String READER = "fin-carol";

    final AuditHandler handler = new AuditHandler();
    final AuditLog log;
    final AuditTrail trail;
    private final EmbeddedStack stack;

    AuditApi(EmbeddedStack stack) {
        this.stack = stack;
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        this.log = new AuditLog(enhanced, Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC());
        this.trail = AuditTrail.fromSettings(enhanced);
    }

    /** Appends one entry with no other write, as an admin action whose only effect is the record of it. */
    AuditEntry append(String actorSub, String action, String target, String after) {
        Caller actor = new Caller(actorSub, actorSub + "@ops.example", Set.of(Role.OPS, Role.SUPER_ADMIN));
        AuditDraft draft = new AuditDraft(actor, action, target, null, after,
                "Test entry written by " + actorSub, new RequestOrigin("req-" + UUID.randomUUID(), "203.0.113.9"));
        return log.commit(seq -> new AuditedChange.Write<>(List.of(), draft, entry -> entry));
    }

    APIGatewayV2HTTPResponse list(Map<String, String> query) {
        HttpEvents event = HttpEvents.route(ListAuditAction.ROUTE).caller(READER, Role.FINANCE);
        query.forEach(event::query);
        return call(event.build());
    }

    APIGatewayV2HTTPResponse verify() {
        return call(HttpEvents.route(VerifyAuditAction.ROUTE).caller("root-dave", Role.SUPER_ADMIN).build());
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of("audit-read", 1024, 30));
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    static JsonNode ok(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        return json(response);
    }

    static void assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("https://warroom.dev/problems/");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.has("entries")).as("a problem leaks no entries").isFalse();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            List<String> fields = problem.path("errors").findValuesAsText("field");
            assertThat(fields).as(response.getBody()).contains(field);
        }
    }

    /** The raw item of one chain position, as DynamoDB holds it. */
    Map<String, AttributeValue> rawRow(long seq) {
        return stack.dynamoDb().getItem(b -> b.tableName(Topology.AUDIT.localName()).key(key(seq)).consistentRead(true)).item();
    }

    void putRaw(Map<String, AttributeValue> item) {
        stack.dynamoDb().putItem(b -> b.tableName(Topology.AUDIT.localName()).item(item));
    }

    void deleteRaw(long seq) {
        stack.dynamoDb().deleteItem(b -> b.tableName(Topology.AUDIT.localName()).key(key(seq)));
    }

    /** Every item of the audit table (all chains), read strongly consistent. */
    int auditItemCount() {
        return stack.dynamoDb().scan(b -> b.tableName(Topology.AUDIT.localName()).select("COUNT").consistentRead(true)).count();
    }

    private static Map<String, AttributeValue> key(long seq) {
        return Map.of("chain", AttributeValue.fromS(AuditLog.MAIN_CHAIN), "seq", AttributeValue.fromN(Long.toString(seq)));
    }
}
