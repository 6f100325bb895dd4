package com.warroom.local.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a consumer's answer to a batch means for its messages: with partial batch failures on, the messages it names
 * stay on the queue and the others are deleted; an answer that cannot be used, or a throw, leaves them all.
 */
sealed interface BatchOutcome {

    /** The messages to delete, of those in the batch. */
    Set<String> deletable(Set<String> batch);

    /** The consumer answered; {@code failed} come back after the visibility timeout. */
    record Handled(Set<String> failed) implements BatchOutcome {
        @Override
        public Set<String> deletable(Set<String> batch) {
            Set<String> done = new LinkedHashSet<>(batch);
            done.removeAll(failed);
            return done;
        }
    }

    /** An answer Lambda could not use: the whole batch comes back. */
    record Unusable(String why) implements BatchOutcome {
        @Override
        public Set<String> deletable(Set<String> batch) {
            return Set.of();
        }
    }

    /** The consumer threw: the whole batch comes back. */
    record Threw(Throwable error) implements BatchOutcome {
        @Override
        public Set<String> deletable(Set<String> batch) {
            return Set.of();
        }
    }

    /**
     * Reads the answer as Lambda does: a null answer or an empty or null failure list, all done; an empty, null or
     * unknown {@code itemIdentifier}, none done. (Warroom's consumers answer through {@code QueueBatch}, which never
     * answers null.)
     */
    static BatchOutcome of(SQSBatchResponse response, Set<String> batch) {
        List<SQSBatchResponse.BatchItemFailure> failures = response == null ? null : response.getBatchItemFailures();
        if (failures == null) {
            return new Handled(Set.of());
        }
        Set<String> failed = new LinkedHashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : failures) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || id.isBlank() || !batch.contains(id)) {
                return new Unusable("it named " + (id == null || id.isBlank() ? "an empty itemIdentifier" : "message " + id)
                        + " as failed, which is not in the batch");
            }
            failed.add(id);
        }
        return new Handled(failed);
    }
}
