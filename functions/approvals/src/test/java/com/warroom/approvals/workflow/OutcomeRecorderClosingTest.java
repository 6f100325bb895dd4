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
        OutcomeRecorder.Closing closing = OutcomeRecorder.closing(withStatus(status), caught, "req-7");
        assertThat(closing.status()).isEqualTo(closedAs);
        assertThat(closing.auditAction()).isEqualTo(auditAction);
        if (auditAction.equals(ApprovalAudit.CLOSED)) {
            assertThat(closing.outcome()).as("a status that stays keeps its outcome").isEqualTo("earlier outcome");
        } else {
            assertThat(closing.outcome()).isNotBlank().doesNotContain("stackTrace").doesNotContain("X.java");
        }
    }

    @Test
    void describe_whenTheStepRefused_keepsItsOwnSentenceWithoutTheClassName() {
        assertThat(REFUSED.describe("req-7")).isEqualTo("the step refused: refused to apply: status is PENDING");
        assertThat(new StepError("StepRefusedException", "plain text reason\n\tat somewhere").describe("req-7"))
                .isEqualTo("the step refused: plain text reason");
        assertThat(new StepError(REFUSED.error(), Json.write(Map.of("errorMessage", "x".repeat(2000)))).describe("req-7"))
                .hasSize(StepError.MAX_DESCRIPTION);
    }

    @Test
    void describe_whenTimedOut_saysSo() {
        assertThat(TIMEOUT.describe("req-7")).isEqualTo("the step timed out");
        assertThat(TIMEOUT.timedOut()).isTrue();
        assertThat(REFUSED.timedOut()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "java.lang.IllegalStateException|{\"errorMessage\":\"Cannot invoke \\\"String.length()\\\" because \\\"s\\\" is null\",\"errorType\":\"java.lang.IllegalStateException\"}",
            "java.lang.NullPointerException|",
            "Lambda.Unknown|",
            "States.TaskFailed|software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException: table gone",
            "Sandbox.Timedout|RequestId: 1f2e Error: Runtime exited"})
    void describe_whenAnythingElseFailed_answersAPlainSentenceNamingTheRequestOnly(String error, String cause) {
        String described = new StepError(error, cause).describe("req-7");
        assertThat(described).isEqualTo("the step failed unexpectedly; see the logs for request req-7");
    }

    @Test
    void closing_whenApplyFailedWithAJavaException_recordsNoClassName() {
        StepError failed = new StepError("java.lang.IllegalStateException",
                Json.write(Map.of("errorMessage", "boom", "errorType", "java.lang.IllegalStateException")));
        OutcomeRecorder.Closing closing = OutcomeRecorder.closing(withStatus("APPROVED"), Optional.of(failed), "req-7");
        assertThat(closing.outcome()).isEqualTo("approved but not applied: the step failed unexpectedly; see the logs for request req-7")
                .doesNotContain("java.").doesNotContain("Exception").doesNotContain("boom");
    }
}
