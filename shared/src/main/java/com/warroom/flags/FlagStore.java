package com.warroom.flags;

import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads flag states from the flags table and checks them against their seal ({@link FlagSeal}); says what
 * to write for a change, the new seal included. Writes go through the audit log's transactions.
 */
public final class FlagStore implements FlagGate.SnapshotSource {

    private static final int MAX_LOAD_ATTEMPTS = 5;
    private static final Key SEAL_KEY = Key.builder().partitionValue(FlagSeal.KEY).sortValue(FlagSeal.KEY).build();
    private static final Logger LOG = LoggerFactory.getLogger(FlagStore.class);

    private final DynamoDbTable<FlagRecord> table;
    private final DynamoDbTable<FlagSeal> seals;
    private final Sealer sealer;
    private final Clock clock;

    public FlagStore(DynamoDbEnhancedClient client, String tableName, Sealer sealer, Clock clock) {
        this.table = client.table(tableName, FlagRecord.SCHEMA);
        this.seals = client.table(tableName, FlagSeal.SCHEMA);
        this.sealer = sealer;
        this.clock = clock;
    }

    /** What one load of every flag state found. */
    public sealed interface Load {

        /** The rows are exactly as the seal at {@code sealVersion} covers them (0: a fresh table, no rows, no seal). */
        record Trusted(FlagSnapshot snapshot, long sealVersion) implements Load {
            public FlagRecord current(Flag flag, FlagScope scope) {
                return snapshot.find(flag, scope).orElseGet(() -> FlagRecord.initial(flag, scope));
            }
        }

        /** The rows do not match their seal: someone wrote the table outside the sealing functions. */
        record Tampered(String why, FlagSnapshot untrusted) implements Load {
        }
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

    /** The verified states; flags that cannot be trusted or checked are a read failure for the gate. */
    @Override
    public FlagSnapshot read() {
        return switch (load()) {
            case Load.Trusted trusted -> trusted.snapshot();
            case Load.Tampered tampered -> throw new FlagStatesTampered(tampered.why());
        };
    }

    /**
     * Every stored state, checked with one {@code VerifyMac}. The seal is read before and after the scan: a scan
     * is not isolated from a change committing meanwhile, and every change moves the seal, so an unchanged seal
     * version means the scan saw one consistent state.
     *
     * @throws SealingUnavailable when the seal cannot be checked, or the states kept changing while read
     */
    public Load load() {
        for (int attempt = 1; attempt <= MAX_LOAD_ATTEMPTS; attempt++) {
            Optional<FlagSeal> before = seal();
            List<FlagRecord> rows = rows();
            Optional<FlagSeal> after = seal();
            if (before.map(FlagSeal::version).equals(after.map(FlagSeal::version))) {
                return check(rows, after);
            }
        }
        throw new SealingUnavailable("flag states kept changing while they were read", null);
    }

    private Load check(List<FlagRecord> rows, Optional<FlagSeal> seal) {
        FlagSnapshot snapshot = new FlagSnapshot(rows, clock.instant());
        if (seal.isEmpty()) {
            return rows.isEmpty() ? new Load.Trusted(snapshot, 0) : tampered(snapshot, "the seal item is missing but "
                    + rows.size() + " flag rows exist");
        }
        long version = seal.get().version();
        return switch (sealer.verify(FlagSeal.canonical(version, rows), seal.get().seal())) {
            case Verification.Valid valid -> new Load.Trusted(snapshot, version);
            case Verification.Invalid invalid -> tampered(snapshot, "the " + rows.size()
                    + " flag rows do not match their seal (seal version " + version + "): a row was edited, added or deleted");
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        };
    }

    private static Load tampered(FlagSnapshot snapshot, String why) {
        LOG.error("flag states cannot be trusted: {}", why);
        return new Load.Tampered(why, snapshot);
    }

    /**
     * The writes of one change: the new row, conditional on the row read, and the seal over every row as it
     * will be, conditional on the seal read, so that of two concurrent changes only one can seal.
     *
     * @throws SealingUnavailable when no seal can be made
     */
    public List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> change(Load.Trusted trusted, FlagRecord next) {
        FlagRecord current = trusted.snapshot().records().stream()
                .filter(r -> r.flag().equals(next.flag()) && r.scope().equals(next.scope())).findFirst()
                .orElse(null);
        List<FlagRecord> after = new ArrayList<>(trusted.snapshot().records());
        after.remove(current);
        after.add(next);
        long version = trusted.sealVersion() + 1;
        FlagSeal seal = FlagSeal.of(sealer.seal(FlagSeal.canonical(version, after)), version);
        var rowPut = TransactPutItemEnhancedRequest.builder(FlagRecord.class).item(next)
                .conditionExpression(atVersion(current == null ? 0 : current.version())).build();
        var sealPut = TransactPutItemEnhancedRequest.builder(FlagSeal.class).item(seal)
                .conditionExpression(atVersion(trusted.sealVersion())).build();
        return List.of(request -> request.addPutItem(table, rowPut), request -> request.addPutItem(seals, sealPut));
    }

    /** The seal item as stored, whether or not it matches the rows. */
    public Optional<FlagSeal> storedSeal() {
        return seal();
    }

    private Optional<FlagSeal> seal() {
        return Optional.ofNullable(seals.getItem(GetItemEnhancedRequest.builder().key(SEAL_KEY).consistentRead(true).build()));
    }

    // the table holds one item per flag and scope ever set, so a scan stays small
    private List<FlagRecord> rows() {
        return table.scan(ScanEnhancedRequest.builder().consistentRead(true).build()).items().stream()
                .filter(r -> !FlagSeal.KEY.equals(r.flag()))
                .toList();
    }

    /** The condition that a flag state is still the one read: absent for a flag never set, else at that version. */
    public static Expression unchangedSince(FlagRecord current) {
        return atVersion(current.version());
    }

    private static Expression atVersion(long version) {
        if (version == 0) {
            return Expression.builder().expression("attribute_not_exists(flag)").build();
        }
        return Expression.builder()
                .expression("#version = :version")
                .putExpressionName("#version", "version")
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version)))
                .build();
    }
}
