package com.warroom.audit;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * A state change that must be written together with its audit entry. {@link #prepare} reads the
 * current state and says what to write; it is called again on every retry, so it must only read.
 * {@code auditSeq} is the sequence number the audit entry will get if this attempt commits, so the
 * changed record can point at the entry that made it.
 */
@FunctionalInterface
public interface AuditedChange<R> {

    Attempt<R> prepare(long auditSeq);

    /** What one attempt does. */
    sealed interface Attempt<R> {
    }

    /**
     * Write these conditional items and the audit entry in one transaction; {@code result} turns the
     * sealed entry into the answer. A failed condition on any write makes the log call {@code prepare} again.
     */
    record Write<R>(List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes, AuditDraft draft,
                    Function<AuditEntry, R> result) implements Attempt<R> {
        public Write {
            writes = List.copyOf(writes);
        }
    }

    /** Write nothing and answer this (the current state already refuses the change). */
    record Refuse<R>(R result) implements Attempt<R> {
    }
}
