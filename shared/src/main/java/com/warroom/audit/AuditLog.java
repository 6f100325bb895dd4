package com.warroom.audit;

import com.warroom.http.Caller;
import com.warroom.lambda.Jitter;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes admin changes together with their audit entry in one {@code TransactWriteItems}: no change
 * without its entry, no entry without its change. The chain stays linear because each entry is put
 * at head+1 with {@code attribute_not_exists}: of two concurrent writers one loses, re-reads the head
 * and the state, and tries again.
 */
public final class AuditLog {

    public static final String MAIN_CHAIN = "main";
    // the chain has one head, so every admin write in the system contends on it; at 64 ms per try at most,
    // the budget stays well inside a function's timeout
    static final int MAX_ATTEMPTS = 60;
    private static final long MAX_BACKOFF_MILLIS = 64;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<AuditEntry> table;
    private final Clock clock;

    public AuditLog(DynamoDbEnhancedClient client, String tableName, Clock clock) {
        this.client = client;
        this.table = client.table(tableName, AuditEntry.SCHEMA);
        this.clock = clock;
    }

    public <R> R commit(AuditedChange<R> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<AuditEntry> head = head();
            AuditedChange.Attempt<R> prepared = change.prepare(head.map(h -> h.seq() + 1).orElse(1L));
            if (prepared instanceof AuditedChange.Refuse<R> refuse) {
                return refuse.result();
            }
            var write = (AuditedChange.Write<R>) prepared;
            AuditEntry entry = seal(write.draft(), head);
            var request = TransactWriteItemsEnhancedRequest.builder();
            write.writes().forEach(w -> w.accept(request));
            request.addPutItem(table, TransactPutItemEnhancedRequest.builder(AuditEntry.class)
                    .item(entry)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(seq)").build())
                    .build());
            try {
                client.transactWriteItems(request.build());
                return write.result().apply(entry);
            } catch (TransactionCanceledException e) {
                if (!retryable(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
        throw new AuditContentionException(MAX_ATTEMPTS);
    }

    /** The newest entry of the chain, read strongly consistent. */
    public Optional<AuditEntry> head() {
        return table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(MAIN_CHAIN).build()))
                        .scanIndexForward(false)
                        .limit(1)
                        .consistentRead(true)
                        .build())
                .items().stream().findFirst();
    }

    private AuditEntry seal(AuditDraft draft, Optional<AuditEntry> head) {
        long seq = head.map(h -> h.seq() + 1).orElse(1L);
        String prevHash = head.map(AuditEntry::hash).orElse(AuditHasher.GENESIS);
        Caller actor = draft.actor();
        AuditEntry unsealed = new AuditEntry(MAIN_CHAIN, seq, UUID.randomUUID().toString(), clock.instant().toString(),
                actor.sub(), actor.email(), actor.roleNames(), draft.action(), draft.target(), draft.before(),
                draft.after(), draft.reason(), draft.origin().requestId(), draft.origin().sourceIp(), prevHash, null);
        return new AuditEntry(unsealed.chain(), seq, unsealed.id(), unsealed.at(), unsealed.actorSub(),
                unsealed.actorEmail(), unsealed.actorRoles(), unsealed.action(), unsealed.target(), unsealed.before(),
                unsealed.after(), unsealed.reason(), unsealed.requestId(), unsealed.sourceIp(), prevHash,
                AuditHasher.hash(unsealed));
    }

    // A lost race (condition failed on the chain head or on the changed item) or a concurrent
    // transaction on the same item: the state has moved, so prepare again from a fresh read.
    private static boolean retryable(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return false;
        }
        for (CancellationReason reason : e.cancellationReasons()) {
            String code = reason.code();
            if (code != null && !code.equals("None") && !code.equals("ConditionalCheckFailed")
                    && !code.equals("TransactionConflict")) {
                return false;
            }
        }
        return true;
    }

    private static void backOff(int attempt) {
        // exponential with full jitter, so that racing writers spread out instead of colliding again
        long maxMillis = Math.min(MAX_BACKOFF_MILLIS, 1L << Math.min(attempt, 6));
        LockSupport.parkNanos(Jitter.upTo(maxMillis) * 1_000_000L);
    }
}
