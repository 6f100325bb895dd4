package com.warroom.ledger;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real {@link Ledger} over the embedded stack (DynamoDB Local and the local KMS, through the SDK clients), accounts
 * and entry ids of this fixture's own (a run suffix keeps them apart from other tests' in the shared tables), and raw
 * access to the ledger tables with the low-level client, to look at items and to play the tamperer.
 */
final class LedgerFixture {

    static final String BALANCES = Topology.LEDGER_BALANCES.localName();
    static final String ENTRIES = Topology.LEDGER_ENTRIES.localName();

    final DynamoDbEnhancedClient enhanced;
    private final DynamoDbClient dynamoDb;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    LedgerFixture(EmbeddedStack stack) {
        this.dynamoDb = stack.dynamoDb();
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }

    /** A ledger sealing with the topology's key in the local KMS, as a function would build it. */
    Ledger ledger() {
        return ledger(KmsSealer.forKey(Topology.SEALS));
    }

    Ledger ledger(Sealer sealer) {
        return new Ledger(enhanced, BALANCES, ENTRIES, sealer, Clock.systemUTC());
    }

    AccountId account(String kind, String name) {
        return new AccountId(kind + ":" + name + "-" + run);
    }

    String id(String name) {
        return name + "-" + run;
    }

    /** The balance item as stored, or an empty map. */
    Map<String, AttributeValue> rawBalance(AccountId account, String currency) {
        return dynamoDb.getItem(b -> b.tableName(BALANCES).consistentRead(true).key(Map.of(
                "account", AttributeValue.fromS(account.value()), "currency", AttributeValue.fromS(currency)))).item();
    }

    void putRawBalance(Map<String, AttributeValue> item) {
        dynamoDb.putItem(b -> b.tableName(BALANCES).item(item));
    }

    void deleteRawBalance(AccountId account, String currency) {
        dynamoDb.deleteItem(b -> b.tableName(BALANCES).key(Map.of(
                "account", AttributeValue.fromS(account.value()), "currency", AttributeValue.fromS(currency))));
    }

    /** Line {@code seq} of the account's chain in {@code currency}, as stored, or an empty map. */
    Map<String, AttributeValue> rawLine(AccountId account, String currency, long seq) {
        return dynamoDb.getItem(b -> b.tableName(ENTRIES).consistentRead(true).key(lineKey(account, currency, seq))).item();
    }

    void putRawLine(Map<String, AttributeValue> item) {
        dynamoDb.putItem(b -> b.tableName(ENTRIES).item(item));
    }

    /** Every line of the account's chain in {@code currency}, oldest first. */
    List<Map<String, AttributeValue>> rawLines(AccountId account, String currency) {
        return dynamoDb.queryPaginator(b -> b.tableName(ENTRIES).consistentRead(true)
                        .keyConditionExpression("#k = :k").expressionAttributeNames(Map.of("#k", "key"))
                        .expressionAttributeValues(Map.of(":k", AttributeValue.fromS("line#" + account.value() + "#" + currency))))
                .items().stream().toList();
    }

    boolean journalHas(String entryId) {
        return dynamoDb.getItem(b -> b.tableName(ENTRIES).consistentRead(true).key(Map.of(
                "key", AttributeValue.fromS("journal#" + entryId), "seq", AttributeValue.fromN("0")))).hasItem();
    }

    /** The stored balance in minor units, 0 where there is none. */
    long balance(AccountId account, String currency) {
        Map<String, AttributeValue> item = rawBalance(account, currency);
        return item.isEmpty() ? 0 : Long.parseLong(item.get("balance").n());
    }

    long entryCount(AccountId account, String currency) {
        Map<String, AttributeValue> item = rawBalance(account, currency);
        return item.isEmpty() ? 0 : Long.parseLong(item.get("entryCount").n());
    }

    /** Every item of both ledger tables: to show that something wrote nothing. */
    Set<Map<String, AttributeValue>> everything() {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        for (String table : List.of(BALANCES, ENTRIES)) {
            dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        }
        return items;
    }

    private static Map<String, AttributeValue> lineKey(AccountId account, String currency, long seq) {
        return Map.of("key", AttributeValue.fromS("line#" + account.value() + "#" + currency),
                "seq", AttributeValue.fromN(Long.toString(seq)));
    }
}
