package com.warroom.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.flags.FlagRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Applies an approved, re-verified payload. {@link #plan} reads the domain's current state and says
 * what to write; the apply step adds the request's own status change and the audit entry and commits
 * all of it in one transaction. Like {@link com.warroom.audit.AuditedChange#prepare} it may be called
 * again after a lost race, so it must only read.
 */
@FunctionalInterface
public interface ActionApplier {

    Plan plan(ApprovalRequest request, JsonNode payload, long auditSeq);

    /** What applying does. */
    sealed interface Plan {
    }

    /**
     * Write these conditional items. {@code before} is the domain state as JSON text (null when there was
     * none), {@code effect} what the audit entry records as the change, {@code outcome} one line for the request,
     * {@code changedFlags} the kill-switch states it writes, announced on the flag-changes queue once committed.
     */
    record Apply(List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes, String before,
                 Map<String, Object> effect, String outcome, List<FlagRecord> changedFlags) implements Plan {
        public Apply {
            writes = List.copyOf(writes);
            effect = Map.copyOf(effect);
            changedFlags = List.copyOf(changedFlags);
        }

        /** A plan that changes no kill switch. */
        public Apply(List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes, String before,
                     Map<String, Object> effect, String outcome) {
            this(writes, before, effect, outcome, List.of());
        }
    }

    /** Apply nothing: the request fails with this reason. */
    record Refuse(String reason) implements Plan {
    }

    /** The applier of an action whose domain has no apply step yet: every approved request of it fails, nothing is written. */
    static ActionApplier notYetAvailable(String action) {
        return (request, payload, auditSeq) -> new Refuse(action
                + " cannot be applied yet: its apply step is not available in this release; nothing was changed");
    }
}
