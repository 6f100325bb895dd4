package com.warroom.config.api;

import com.warroom.seal.KmsSealer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.audit.RequestOrigin;
import com.warroom.aws.AwsClients;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigSnapshot;
import com.warroom.config.ConfigStore;
import com.warroom.config.seed.SeedHandler;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/**
 * A config table of its own (so tests that need an empty one get one), with the config handlers over it and
 * the shared approvals and audit tables of the embedded stack.
 */
public final class ConfigFixtures {

    public static final String REASON = "Rotating the Base ETH treasury to the new multisig";

    public final EmbeddedStack stack;
    public final DynamoDbEnhancedClient dynamo;
    public final String tableName;
    public final ConfigStore store;
    public final AuditLog audit;
    public final AuditTrail trail;
    public final DynamoDbTable<ApprovalRequest> approvals;
    public final ConfigReadHandler reads;
    public final ConfigChangeHandler changes;

    public ConfigFixtures(EmbeddedStack stack) {
        this.stack = stack;
        this.dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        this.tableName = "config-test-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.table(tableName, ConfigSnapshot.SCHEMA).createTable();
        Clock clock = Clock.systemUTC();
        this.store = new ConfigStore(dynamo, tableName, clock);
        this.audit = new AuditLog(dynamo, Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS), clock);
        this.trail = AuditTrail.fromSettings(dynamo);
        this.approvals = dynamo.table(Topology.APPROVALS.localName(), ApprovalRequest.SCHEMA);
        this.reads = new ConfigReadHandler(store);
        this.changes = new ConfigChangeHandler(new ConfigChangeRequester(store, approvals, KmsSealer.forKey(Topology.SEALS), audit,
                ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()), clock),
                new IdempotencyStore(dynamo, Topology.IDEMPOTENCY.localName(), clock));
    }

    public ConfigSeeder seeder() {
        return new ConfigSeeder(store, audit);
    }

    public ConfigSnapshot seed() {
        var outcome = seeder().seed(SeedHandler.bundledSeed(), SeedHandler.ACTOR,
                new ConfigSeeder.SeedSource("seed:test", new RequestOrigin("test", "127.0.0.1")));
        return ((ConfigSeeder.SeedOutcome.Seeded) outcome).snapshot();
    }

    public long version() {
        return store.newest().map(ConfigSnapshot::version).orElse(0L);
    }

    public static APIGatewayV2HTTPResponse call(com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent,
            APIGatewayV2HTTPResponse> handler, APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of("config", 1024, 15));
    }

    public APIGatewayV2HTTPResponse read(String route, String sub, Role... roles) {
        HttpEvents event = HttpEvents.route(route);
        if (sub != null) {
            event.caller(sub, roles);
        }
        return call(reads, event.build());
    }

    public APIGatewayV2HTTPResponse change(String body, String sub, Role... roles) {
        return call(changes, changeEvent(body, sub, roles));
    }

    /** A change request carrying an {@code Idempotency-Key}, as a retrying client sends it (API Gateway lower-cases names). */
    public APIGatewayV2HTTPResponse change(String body, String idempotencyKey, String sub, Role role) {
        return call(changes, HttpEvents.withHeader(changeEvent(body, sub, role), "Idempotency-Key", idempotencyKey));
    }

    private static APIGatewayV2HTTPEvent changeEvent(String body, String sub, Role... roles) {
        HttpEvents event = HttpEvents.route(RequestConfigChangeAction.ROUTE);
        if (sub != null) {
            event.caller(sub, roles);
        }
        if (body != null) {
            event.body(body);
        }
        return event.build();
    }

    public List<AuditEntry> entriesBy(String sub) {
        return trail.newest(new AuditQuery(Optional.empty(), Optional.of(sub), AuditQuery.MAX_LIMIT, Optional.empty()));
    }

    public List<ApprovalRequest> requestsBy(String sub) {
        return approvals.scan().items().stream().filter(r -> sub.equals(r.requestedBy())).toList();
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    /** A request body of a change. */
    public static String body(String kind, String payloadJson, String reason) {
        return "{\"kind\":" + Json.write(kind) + ",\"payload\":" + payloadJson + ",\"reason\":" + Json.write(reason) + "}";
    }
}
