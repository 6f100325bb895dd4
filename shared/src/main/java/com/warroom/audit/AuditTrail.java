package com.warroom.audit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** Reads the audit chain: lists entries and verifies that nothing was edited or removed. */
public final class AuditTrail {

    private final DynamoDbTable<AuditEntry> table;
    private final DynamoDbIndex<AuditEntry> byTarget;
    private final DynamoDbIndex<AuditEntry> byActor;

    public AuditTrail(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, AuditEntry.SCHEMA);
        this.byTarget = table.index("byTarget");
        this.byActor = table.index("byActor");
    }

    public List<AuditEntry> newest(AuditQuery query) {
        Stream<AuditEntry> entries;
        if (query.target().isPresent()) {
            entries = fromIndex(byTarget, query.target().get(), query.beforeSeq())
                    .filter(e -> query.actorSub().map(a -> a.equals(e.actorSub())).orElse(true));
        } else if (query.actorSub().isPresent()) {
            entries = fromIndex(byActor, query.actorSub().get(), query.beforeSeq());
        } else {
            entries = table.query(request(AuditLog.MAIN_CHAIN, query.beforeSeq()).consistentRead(true).build())
                    .items().stream();
        }
        return entries.limit(query.limit()).toList();
    }

    public ChainVerification verify() {
        long expectedSeq = 1;
        String prevHash = AuditHasher.GENESIS;
        var pages = table.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(AuditLog.MAIN_CHAIN).build()))
                .scanIndexForward(true)
                .consistentRead(true)
                .build());
        for (AuditEntry entry : pages.items()) {
            if (entry.seq() != expectedSeq) {
                return ChainVerification.broken(expectedSeq - 1, expectedSeq,
                        "entry " + expectedSeq + " is missing (next present is " + entry.seq() + ")");
            }
            if (!Objects.equals(entry.prevHash(), prevHash)) {
                return ChainVerification.broken(expectedSeq - 1, entry.seq(), "prevHash does not match the hash of entry " + (entry.seq() - 1));
            }
            if (!Objects.equals(AuditHasher.hash(entry), entry.hash())) {
                return ChainVerification.broken(expectedSeq - 1, entry.seq(), "the entry's content does not match its hash");
            }
            prevHash = entry.hash();
            expectedSeq++;
        }
        long entries = expectedSeq - 1;
        return ChainVerification.intact(entries, entries == 0 ? null : entries, entries == 0 ? null : prevHash);
    }

    private static Stream<AuditEntry> fromIndex(DynamoDbIndex<AuditEntry> index, String key, java.util.Optional<Long> beforeSeq) {
        return index.query(request(key, beforeSeq).build()).stream().map(Page::items).flatMap(List::stream);
    }

    private static QueryEnhancedRequest.Builder request(String partition, java.util.Optional<Long> beforeSeq) {
        QueryConditional condition = beforeSeq
                .map(seq -> QueryConditional.sortLessThan(Key.builder().partitionValue(partition).sortValue(seq).build()))
                .orElse(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()));
        return QueryEnhancedRequest.builder().queryConditional(condition).scanIndexForward(false);
    }
}
