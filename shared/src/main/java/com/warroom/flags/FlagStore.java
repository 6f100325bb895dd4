package com.warroom.flags;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;

/** Reads flag states from the flags table. Writes go through the audit log's transactions. */
public final class FlagStore implements FlagGate.SnapshotSource {

    private final DynamoDbTable<FlagRecord> table;
    private final Clock clock;

    public FlagStore(DynamoDbEnhancedClient client, String tableName, Clock clock) {
        this.table = client.table(tableName, FlagRecord.SCHEMA);
        this.clock = clock;
    }

    public DynamoDbTable<FlagRecord> table() {
        return table;
    }

    public Optional<FlagRecord> find(Flag flag, FlagScope scope) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(flag.key()).sortValue(scope.key()).build())
                .consistentRead(true)
                .build()));
    }

    public FlagRecord current(Flag flag, FlagScope scope) {
        return find(flag, scope).orElseGet(() -> FlagRecord.initial(flag, scope));
    }

    /** Every stored state; the table holds one item per flag and scope ever set, so a scan stays small. */
    @Override
    public FlagSnapshot read() {
        List<FlagRecord> records = table.scan(ScanEnhancedRequest.builder().consistentRead(true).build()).items().stream().toList();
        return new FlagSnapshot(records, clock.instant());
    }
}
