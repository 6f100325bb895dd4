package com.warroom.flags;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    /** The condition that a flag state is still the one read: absent for a flag never set, else at that version. */
    public static Expression unchangedSince(FlagRecord current) {
        if (current.version() == 0) {
            return Expression.builder().expression("attribute_not_exists(flag)").build();
        }
        return Expression.builder()
                .expression("#version = :version")
                .putExpressionName("#version", "version")
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(current.version())))
                .build();
    }
}
