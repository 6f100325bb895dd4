package com.warroom.audit;

import com.warroom.http.Caller;
import com.warroom.aws.Settings;
import com.warroom.aws.TransactionRace;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import com.warroom.seal.Sealer;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes admin changes together with their audit entry in one {@code TransactWriteItems}: no change
 * without its entry, no entry without its change. The chain stays linear because each entry is put
 * at head+1 with {@code attribute_not_exists} and the sealed {@link AuditHead} is replaced on the condition that it
 * still carries the MAC this writer read: of two concurrent writers one loses, re-reads the head and the state, and
 * tries again. A head that is missing (with entries in the chain) or does not match its MAC is never built upon.
 */
public final class AuditLog {

    public static final String MAIN_CHAIN = "main";
    // the chain has one head, so every admin write in the system contends on it; at 64 ms per try at most,
    // the budget stays well inside a function's timeout
    static final int MAX_ATTEMPTS = 60;
    private static final long MAX_BACKOFF_MILLIS = 64;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<AuditEntry> table;
    private final DynamoDbTable<AuditHead> heads;
    private final Sealer sealer;
    private final Clock clock;
    // the head this writer last found valid or sealed itself: a head read again unchanged needs no VerifyMac
    private final AtomicReference<AuditHead> verified = new AtomicReference<>();

    public AuditLog(DynamoDbEnhancedClient client, String tableName, Sealer sealer, Clock clock) {
        this.client = client;
        this.table = client.table(tableName, AuditEntry.SCHEMA);
        this.heads = client.table(tableName, AuditHead.SCHEMA);
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Over the table named in {@code WARROOM_TABLE_AUDIT}, sealing the head with the topology's seal key. */
    public static AuditLog fromSettings(DynamoDbEnhancedClient client, Clock clock) {
        return new AuditLog(client, Settings.require(Topology.AUDIT.envVar()), KmsSealer.forKey(Topology.SEALS), clock);
    }

    /**
     * @throws AuditChainTampered when the head is missing or does not match its seal
     * @throws SealingUnavailable when the head's seal cannot be checked or made
     */
    public <R> R commit(AuditedChange<R> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<AuditHead> head = trustedHead();
            long seq = head.map(h -> h.headSeq() + 1).orElse(1L);
            AuditedChange.Attempt<R> prepared = change.prepare(seq);
            if (prepared instanceof AuditedChange.Refuse<R> refuse) {
                return refuse.result();
            }
            var write = (AuditedChange.Write<R>) prepared;
            AuditEntry entry = newEntry(write.draft(), seq, head.map(AuditHead::headHash).orElse(AuditHasher.GENESIS));
            AuditHead next = AuditHead.of(seq, entry.hash(), sealer.seal(AuditHead.canonical(seq, entry.hash())), entry.at());
            var request = TransactWriteItemsEnhancedRequest.builder();
            write.writes().forEach(w -> w.accept(request));
            request.addPutItem(table, TransactPutItemEnhancedRequest.builder(AuditEntry.class)
                    .item(entry)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(seq)").build())
                    .build());
            request.addPutItem(heads, TransactPutItemEnhancedRequest.builder(AuditHead.class)
                    .item(next)
                    .conditionExpression(head.map(AuditLog::stillAt)
                            .orElse(Expression.builder().expression("attribute_not_exists(chain)").build()))
                    .build());
            try {
                client.transactWriteItems(request.build());
                // the head this writer just sealed needs no VerifyMac when it is still the head next time
                verified.set(next);
                return write.result().apply(entry);
            } catch (TransactionCanceledException e) {
                // a lost race (the head or the changed item moved): prepare again from a fresh read
                if (!TransactionRace.lost(e)) {
                    throw e;
                }
                TransactionRace.backOff(attempt, MAX_BACKOFF_MILLIS);
            }
        }
        throw new AuditContentionException(MAX_ATTEMPTS);
    }

    // the sealed head as stored (strongly consistent), whether or not its seal holds
    private Optional<AuditHead> storedHead() {
        return Optional.ofNullable(heads.getItem(GetItemEnhancedRequest.builder().key(AuditHead.KEY).consistentRead(true).build()));
    }

    private Optional<AuditHead> trustedHead() {
        Optional<AuditHead> stored = storedHead();
        if (stored.isEmpty()) {
            if (head().isPresent()) {
                throw new AuditChainTampered("the audit head is missing while the chain has entries");
            }
            return stored;
        }
        AuditHead head = stored.get();
        if (head.equals(verified.get())) {
            return stored;
        }
        switch (sealer.verify(head.canonical(), head.seal())) {
            case Verification.Valid valid -> verified.set(head);
            case Verification.Invalid invalid ->
                    throw new AuditChainTampered("the audit head (seq " + head.headSeq() + ") does not match its seal");
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        }
        return stored;
    }

    private static Expression stillAt(AuditHead head) {
        return Expression.builder()
                .expression("headSeq = :seq AND mac = :mac")
                .putExpressionValue(":seq", AttributeValue.fromN(Long.toString(head.headSeq())))
                .putExpressionValue(":mac", AttributeValue.fromS(head.mac()))
                .build();
    }

    /** The newest entry of the chain partition, read strongly consistent. */
    public Optional<AuditEntry> head() {
        return table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(MAIN_CHAIN).build()))
                        .scanIndexForward(false)
                        .limit(1)
                        .consistentRead(true)
                        .build())
                .items().stream().findFirst();
    }

    private AuditEntry newEntry(AuditDraft draft, long seq, String prevHash) {
        Caller actor = draft.actor();
        AuditEntry unsealed = new AuditEntry(MAIN_CHAIN, seq, UUID.randomUUID().toString(), clock.instant().toString(),
                actor.sub(), actor.email(), actor.roleNames(), draft.action(), draft.target(), draft.before(),
                draft.after(), draft.reason(), draft.origin().requestId(), draft.origin().sourceIp(), prevHash, null);
        return new AuditEntry(unsealed.chain(), seq, unsealed.id(), unsealed.at(), unsealed.actorSub(),
                unsealed.actorEmail(), unsealed.actorRoles(), unsealed.action(), unsealed.target(), unsealed.before(),
                unsealed.after(), unsealed.reason(), unsealed.requestId(), unsealed.sourceIp(), prevHash,
                AuditHasher.hash(unsealed));
    }
}
