package com.warroom.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPage;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ledger's two tables: strongly consistent reads of balances, journal items and the lines around each balance's
 * head (batched, so that a posting reads with two requests whatever the number of accounts), and the conditional
 * writes of a posting.
 */
final class LedgerTables {

    private static final int BATCH_GET_LIMIT = 100;
    private static final Expression ABSENT_ENTRY = Expression.builder()
            .expression("attribute_not_exists(#key)").putExpressionName("#key", "key").build();
    private static final Expression ABSENT_BALANCE = Expression.builder()
            .expression("attribute_not_exists(#account)").putExpressionName("#account", "account").build();

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<LedgerBalance> balances;
    private final DynamoDbTable<LedgerLine> lines;
    private final DynamoDbTable<JournalRecord> journal;

    LedgerTables(DynamoDbEnhancedClient client, String balancesTable, String entriesTable) {
        this.client = client;
        this.balances = client.table(balancesTable, LedgerBalance.SCHEMA);
        this.lines = client.table(entriesTable, LedgerLine.SCHEMA);
        this.journal = client.table(entriesTable, JournalRecord.SCHEMA);
    }

    /** The balances {@code keys} name (empty where there is none yet), or nothing when the entry is in the journal. */
    Optional<Map<BalanceKey, Optional<LedgerBalance>>> balancesUnlessPosted(String entryId, List<BalanceKey> keys) {
        ReadBatch journalRead = ReadBatch.builder(JournalRecord.class).mappedTableResource(journal)
                .addGetItem(consistent(JournalRecord.key(entryId))).build();
        boolean posted = false;
        Map<BalanceKey, Optional<LedgerBalance>> found = emptyBalances(keys);
        // one pass over the pages: each pass of an SdkIterable sends the batch again
        for (BatchGetResultPage page : client.batchGetItem(r -> r.readBatches(journalRead, balanceReads(keys)))) {
            posted |= !page.resultsForTable(journal).isEmpty();
            page.resultsForTable(balances).forEach(b -> found.put(keyOf(b), Optional.of(b)));
        }
        return posted ? Optional.empty() : Optional.of(found);
    }

    /** The journal item of {@code entryId} (strongly consistent); empty when the entry is not posted. */
    Optional<JournalRecord> journal(String entryId) {
        return Optional.ofNullable(journal.getItem(consistent(JournalRecord.key(entryId))));
    }

    /** Which of {@code entryIds} are in the journal (strongly consistent). */
    Set<String> posted(List<String> entryIds) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < entryIds.size(); from += BATCH_GET_LIMIT) {
            var reads = ReadBatch.builder(JournalRecord.class).mappedTableResource(journal);
            entryIds.subList(from, Math.min(entryIds.size(), from + BATCH_GET_LIMIT))
                    .forEach(id -> reads.addGetItem(consistent(JournalRecord.key(id))));
            for (BatchGetResultPage page : client.batchGetItem(r -> r.readBatches(reads.build()))) {
                page.resultsForTable(journal).forEach(record -> found.add(record.entryId()));
            }
        }
        return found;
    }

    /** The balances {@code keys} name, empty where there is none. */
    Map<BalanceKey, Optional<LedgerBalance>> balances(List<BalanceKey> keys) {
        Map<BalanceKey, Optional<LedgerBalance>> found = emptyBalances(keys);
        for (BatchGetResultPage page : client.batchGetItem(r -> r.readBatches(balanceReads(keys)))) {
            page.resultsForTable(balances).forEach(b -> found.put(keyOf(b), Optional.of(b)));
        }
        return found;
    }

    /** Every balance of {@code account}, by currency. */
    Map<BalanceKey, Optional<LedgerBalance>> balancesOf(AccountId account) {
        Map<BalanceKey, Optional<LedgerBalance>> held = new LinkedHashMap<>();
        balances.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(account.value()).build()))
                        .consistentRead(true)
                        .build())
                .items().forEach(b -> held.put(new BalanceKey(account, b.currency()), Optional.of(b)));
        return held;
    }

    /** For each balance, the lines {@link ChainHead} needs, by seq (absent ones left out). */
    Map<BalanceKey, Map<Long, LedgerLine>> headLines(Map<BalanceKey, Optional<LedgerBalance>> current) {
        Map<BalanceKey, Map<Long, LedgerLine>> heads = new HashMap<>();
        Map<String, BalanceKey> byPartition = new HashMap<>();
        List<Key> wanted = new ArrayList<>();
        current.forEach((key, balance) -> {
            heads.put(key, new HashMap<>());
            byPartition.put(key.linePartition(), key);
            ChainHead.seqsToRead(balance).forEach(seq -> wanted.add(LedgerLine.key(key, seq)));
        });
        for (int from = 0; from < wanted.size(); from += BATCH_GET_LIMIT) {
            var reads = ReadBatch.builder(LedgerLine.class).mappedTableResource(lines);
            wanted.subList(from, Math.min(wanted.size(), from + BATCH_GET_LIMIT)).forEach(k -> reads.addGetItem(consistent(k)));
            for (BatchGetResultPage page : client.batchGetItem(r -> r.readBatches(reads.build()))) {
                page.resultsForTable(lines).forEach(line -> heads.get(byPartition.get(line.key())).put(line.seq(), line));
            }
        }
        return heads;
    }

    StatementPage page(List<BalanceKey> held, Optional<StatementCursor> from, int limit) {
        return StatementPage.read(lines, held, from, limit);
    }

    /** The journal item, only if the entry is not in the journal yet. */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> putJournal(JournalRecord record) {
        return request -> request.addPutItem(journal, TransactPutItemEnhancedRequest.builder(JournalRecord.class)
                .item(record).conditionExpression(ABSENT_ENTRY).build());
    }

    /** The next line of a chain, only if that position is free. */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> putLine(LedgerLine line) {
        return request -> request.addPutItem(lines, TransactPutItemEnhancedRequest.builder(LedgerLine.class)
                .item(line).conditionExpression(ABSENT_ENTRY).build());
    }

    /** The sealed next balance, only if the stored one is still {@code previous} (or still absent). */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> putBalance(LedgerBalance sealed, Optional<LedgerBalance> previous) {
        Expression stillAsRead = previous.map(LedgerTables::stillAt).orElse(ABSENT_BALANCE);
        return request -> request.addPutItem(balances, TransactPutItemEnhancedRequest.builder(LedgerBalance.class)
                .item(sealed).conditionExpression(stillAsRead).build());
    }

    void commit(List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes) {
        var request = TransactWriteItemsEnhancedRequest.builder();
        writes.forEach(write -> write.accept(request));
        client.transactWriteItems(request.build());
    }

    private ReadBatch balanceReads(List<BalanceKey> keys) {
        var reads = ReadBatch.builder(LedgerBalance.class).mappedTableResource(balances);
        keys.forEach(key -> reads.addGetItem(consistent(LedgerBalance.key(key))));
        return reads.build();
    }

    private static Map<BalanceKey, Optional<LedgerBalance>> emptyBalances(List<BalanceKey> keys) {
        Map<BalanceKey, Optional<LedgerBalance>> found = new HashMap<>();
        keys.forEach(key -> found.put(key, Optional.empty()));
        return found;
    }

    private static BalanceKey keyOf(LedgerBalance balance) {
        return new BalanceKey(new AccountId(balance.account()), balance.currency());
    }

    private static Expression stillAt(LedgerBalance read) {
        return Expression.builder()
                .expression("#entryCount = :entryCount AND #mac = :mac")
                .putExpressionName("#entryCount", "entryCount")
                .putExpressionName("#mac", "mac")
                .putExpressionValue(":entryCount", AttributeValue.fromN(Long.toString(read.entryCount())))
                .putExpressionValue(":mac", AttributeValue.fromS(read.mac() == null ? "" : read.mac()))
                .build();
    }

    private static GetItemEnhancedRequest consistent(Key key) {
        return GetItemEnhancedRequest.builder().key(key).consistentRead(true).build();
    }
}
