package com.warroom.approvals.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How RecordOutcome closes a request, from the table's status and the error the workflow caught. */
class OutcomeRecorderClosingTest {

    private static final StepError TIMEOUT = new StepError("States.Timeout", "The task timed out.");
    private static final StepError REFUSED = new StepError("com.warroom.approvals.workflow.StepRefusedException",
            Json.write(Map.of("errorMessage", "refused to apply: status is PENDING", "errorType", "StepRefusedException",
                    "stackTrace", List.of("com.warroom.X.y(X.java:1)"))));

    private static ApprovalRequest withStatus(String status) {
        return new ApprovalRequest("a-1", "ENABLE_FUND_FLAG", "{}", "h", status, "a", "", List.of(), "r",
                "2026-11-23T09:00:00Z", "2026-11-24T09:00:00Z", 3).toBuilder().outcome("earlier outcome").build();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "PENDING,  none,    FAILED,   approval.failed",
            "PENDING,  timeout, EXPIRED,  approval.expired",
            "PENDING,  refused, FAILED,   approval.failed",
            "APPROVED, none,    FAILED,   approval.failed",
            "APPROVED, timeout, FAILED,   approval.failed",
            "APPROVED, refused, FAILED,   approval.failed",
            "APPLIED,  none,    APPLIED,  approval.closed",
            "APPLIED,  timeout, APPLIED,  approval.closed",
            "REJECTED, none,    REJECTED, approval.closed",
            "REJECTED, timeout, REJECTED, approval.closed",
            "EXPIRED,  refused, EXPIRED,  approval.closed",
            "FAILED,   none,    FAILED,   approval.closed",
            "GARBLED,  none,    FAILED,   approval.failed"})
    void closing_followsTheTable(String status, String error, ApprovalStatus closedAs, String auditAction) {
        Optional<StepError> caught = switch (error) {
            case "timeout" -> Optional.of(TIMEOUT);
            case "refused" -> Optional.of(REFUSED);
            default -> Optional.empty();
        };
        OutcomeRecorder.Closing closing = OutcomeRecorder.closing(withStatus(status), caught);
        assertThat(closing.status()).isEqualTo(closedAs);
        assertThat(closing.auditAction()).isEqualTo(auditAction);
        if (auditAction.equals(ApprovalAudit.CLOSED)) {
            assertThat(closing.outcome()).as("a status that stays keeps its outcome").isEqualTo("earlier outcome");
        } else {
            assertThat(closing.outcome()).isNotBlank().doesNotContain("stackTrace").doesNotContain("X.java");
        }
    }

    @Test
    void describe_keepsTheMessageAndDropsTheStackTrace() {
        assertThat(REFUSED.describe()).isEqualTo("com.warroom.approvals.workflow.StepRefusedException: refused to apply: status is PENDING");
        assertThat(TIMEOUT.describe()).isEqualTo("States.Timeout: The task timed out.");
        assertThat(new StepError("Lambda.Unknown", null).describe()).isEqualTo("Lambda.Unknown");
        assertThat(new StepError("Custom", "first line\n\tat somewhere").describe()).isEqualTo("Custom: first line");
        assertThat(new StepError("Long", "x".repeat(2000)).describe()).hasSize(StepError.MAX_DESCRIPTION);
        assertThat(TIMEOUT.timedOut()).isTrue();
        assertThat(REFUSED.timedOut()).isFalse();
    }
}
