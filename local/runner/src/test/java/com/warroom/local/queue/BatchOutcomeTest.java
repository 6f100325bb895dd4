package com.warroom.local.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchOutcomeTest {

    private static final Set<String> BATCH = Set.of("m1", "m2", "m3");

    @Test
    void of_whenNoMessageIsNamed_deletesTheWholeBatch() {
        assertThat(BatchOutcome.of(new SQSBatchResponse(List.of()), BATCH).deletable(BATCH)).isEqualTo(BATCH);
        assertThat(BatchOutcome.of(new SQSBatchResponse(null), BATCH).deletable(BATCH)).as("a null failure list").isEqualTo(BATCH);
    }

    @Test
    void of_whenMessagesAreNamed_deletesOnlyTheOthers() {
        var response = new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m2")));

        assertThat(BatchOutcome.of(response, BATCH)).isEqualTo(new BatchOutcome.Handled(Set.of("m2")));
        assertThat(BatchOutcome.of(response, BATCH).deletable(BATCH)).containsExactlyInAnyOrder("m1", "m3");
    }

    @Test
    void of_whenTheAnswerIsNull_deletesAllAsLambdaDoes() {
        assertThat(BatchOutcome.of(null, BATCH)).isInstanceOf(BatchOutcome.Handled.class);
        assertThat(BatchOutcome.of(null, BATCH).deletable(BATCH)).isEqualTo(BATCH);
    }

    @Test
    void of_whenAnIdentifierIsEmptyNullOrNotInTheBatch_deletesNone() {
        List<SQSBatchResponse.BatchItemFailure> nullEntry = new ArrayList<>();
        nullEntry.add(null);
        for (var failures : List.of(List.of(new SQSBatchResponse.BatchItemFailure("")), List.of(new SQSBatchResponse.BatchItemFailure(null)),
                List.of(new SQSBatchResponse.BatchItemFailure("m1"), new SQSBatchResponse.BatchItemFailure("elsewhere")), nullEntry)) {
            BatchOutcome outcome = BatchOutcome.of(new SQSBatchResponse(failures), BATCH);

            assertThat(outcome).as(failures.toString()).isInstanceOf(BatchOutcome.Unusable.class);
            assertThat(outcome.deletable(BATCH)).isEmpty();
        }
    }

    @Test
    void threw_deletesNone() {
        assertThat(new BatchOutcome.Threw(new IllegalStateException("down")).deletable(BATCH)).isEmpty();
    }
}
