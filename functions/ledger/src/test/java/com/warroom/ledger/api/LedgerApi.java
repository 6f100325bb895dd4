package com.warroom.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.Posting;
import com.warroom.ledger.PostingOutcome;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.money.Money;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Calls the ledger-read handler the way API Gateway would, posts through the real {@link Ledger}, and reads or edits
 * the ledger tables with the low-level client.
 */
final class LedgerApi {

    static final String READER = "fin-carol";
    static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    final LedgerReadHandler handler = new LedgerReadHandler();
    final Ledger ledger;
    private final DynamoDbClient dynamoDb;

    LedgerApi(EmbeddedStack stack) {
        this.dynamoDb = stack.dynamoDb();
        this.ledger = new Ledger(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(),
                Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(), KmsSealer.forKey(Topology.SEALS),
                Clock.systemUTC());
    }

    void transfer(String entryId, AccountId from, AccountId to, String currency, long minor) {
        JournalEntry entry = new JournalEntry(entryId, AT, "order:" + entryId,
                List.of(new Posting(from, new Money(currency, -minor)), new Posting(to, new Money(currency, minor))));
        assertThat(ledger.post(entry)).isInstanceOf(PostingOutcome.Posted.class);
    }

    APIGatewayV2HTTPResponse get(String id, Map<String, String> query) {
        return call(event(id, query, Role.FINANCE));
    }

    static APIGatewayV2HTTPEvent event(String id, Map<String, String> query, Role... roles) {
        HttpEvents builder = HttpEvents.route(AccountStatementAction.ROUTE);
        if (roles.length > 0) {
            builder.caller(READER, roles);
        }
        query.forEach(builder::query);
        APIGatewayV2HTTPEvent event = builder.build();
        // as API Gateway fills them for the matched route
        event.setRawPath("/v1/admin/ledger/accounts/" + id);
        event.setPathParameters(Map.of("id", id));
        return event;
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return call(handler, event);
    }

    static APIGatewayV2HTTPResponse call(LedgerReadHandler handler, APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of(Topology.LEDGER_READ.name(), 1024, 10));
    }

    static JsonNode ok(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        return Json.readTree(response.getBody());
    }

    /** An RFC 9457 problem with {@code status}, naming {@code field} in its errors when one is given. */
    static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = Json.readTree(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("https://warroom.dev/problems/");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.has("balances")).as("a problem leaks no balances").isFalse();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
        }
        return problem;
    }

    /** Edits one attribute of a stored balance item, as someone with table access could. */
    void editBalance(AccountId account, String currency, String attribute, AttributeValue value) {
        Map<String, AttributeValue> key = Map.of("account", AttributeValue.fromS(account.value()),
                "currency", AttributeValue.fromS(currency));
        Map<String, AttributeValue> item = new HashMap<>(dynamoDb.getItem(b -> b.tableName(Topology.LEDGER_BALANCES.localName())
                .key(key).consistentRead(true)).item());
        item.put(attribute, value);
        dynamoDb.putItem(b -> b.tableName(Topology.LEDGER_BALANCES.localName()).item(item));
    }

    /** Every item of both ledger tables. */
    Set<Map<String, AttributeValue>> everything() {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        for (String table : List.of(Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName())) {
            dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        }
        return items;
    }
}
