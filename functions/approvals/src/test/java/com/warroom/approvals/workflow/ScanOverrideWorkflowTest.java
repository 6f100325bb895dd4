package com.warroom.approvals.workflow;

import static com.warroom.approvals.ApprovalFixtures.person;
import static com.warroom.approvals.api.ApprovalsApi.assertProblemType;
import static com.warroom.approvals.api.ApprovalsApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.actions.ScanOverrideAction;
import com.warroom.approvals.api.ApprovalsApi;
import com.warroom.audit.AuditEntry;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewOverrideSeal;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.seal.Seal;
import com.warroom.seal.Verification;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SCAN_OVERRIDE through the approval path on the embedded stack: a payment review OPEN (a failed check) becomes
 * OVERRIDDEN_PASS only once a second person approved, sealed and audited; refused for a review that does not exist or
 * is not OPEN; the requester cannot approve it.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ScanOverrideWorkflowTest {

    private static final Caller REQUESTER = person("ops-alice", Role.OPS);
    private static ApprovalFixtures fixtures;
    private static ReviewStore reviews;

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-23T09:00:00Z"));
    private ApprovalsApi api;
    private WorkflowSteps steps;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ApprovalFixtures(stack);
        reviews = new ReviewStore(fixtures.dynamo, Topology.PAYMENT_REVIEWS.localName());
    }

    @BeforeEach
    void wire() {
        api = new ApprovalsApi(fixtures.services(clock));
        steps = new WorkflowSteps(fixtures.services(clock), fixtures.resources(clock));
    }

    private static PaymentReview openReview() {
        String eventKey = "notification:" + UUID.randomUUID().toString().replace("-", "");
        PaymentReview review = new PaymentReview("AMOUNT_MISMATCH:" + eventKey, "AMOUNT_MISMATCH", "O-" + UUID.randomUUID(), eventKey,
                "Midtrans says settlement for 1.00 IDR", Optional.of(new PaymentReview.Amount("150000.00", "IDR")),
                Optional.of(new PaymentReview.Amount("1.00", "IDR")), PaymentReview.OPEN, "2026-11-23T08:00:00.000Z");
        assertThat(reviews.record(review)).isTrue();
        return review;
    }

    private ApprovalRequest requested(String reviewId) {
        ApprovalRequest request = fixtures.request(ScanOverrideAction.NAME,
                Map.of("subject", reviewId, "note", "Receipt RC-7 checked with the bank"), REQUESTER, clock);
        steps.startAndWait(request.id());
        return request;
    }

    private List<String> actions(String reviewId) {
        return fixtures.history("scan:" + reviewId).stream().map(AuditEntry::action).toList();
    }

    @Test
    void approvedBySecondPerson_movesTheReviewToOverriddenPass_sealedAndAudited() {
        PaymentReview review = openReview();
        ApprovalRequest request = requested(review.id());

        assertProblemType(api.approve(request.id(), REQUESTER.sub(), Role.OPS), 403, "approval-self-decision");
        assertThat(reviews.find(review.id())).as("one person changes nothing").contains(review);

        ok(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));
        assertThat(reviews.find(review.id())).as("nothing before the apply step").contains(review);
        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "APPLIED");

        PaymentReview passed = reviews.find(review.id()).orElseThrow();
        assertThat(passed.state()).isEqualTo(PaymentReview.OVERRIDDEN_PASS);
        JsonNode evidence = Json.readTree(passed.override().orElseThrow().evidence());
        assertThat(evidence.path("approvalId").asText()).isEqualTo(request.id());
        assertThat(evidence.path("requestedBy").asText()).isEqualTo("ops-alice");
        assertThat(evidence.path("approvedBy").asText()).isEqualTo("root-bob");
        assertThat(evidence.path("note").asText()).isEqualTo("Receipt RC-7 checked with the bank");
        ReviewOverrideSeal seal = new ReviewOverrideSeal(ApprovalFixtures.sealer());
        assertThat(seal.verify(passed)).isInstanceOf(Verification.Valid.class);
        assertThat(fixtures.read(request.id()).outcome()).contains("OVERRIDDEN_PASS");
        assertThat(actions(review.id())).contains(ApprovalAudit.APPROVED, ApprovalAudit.APPLIED);
        AuditEntry applied = fixtures.history("scan:" + review.id()).stream()
                .filter(entry -> entry.action().equals(ApprovalAudit.APPLIED)).findFirst().orElseThrow();
        assertThat(Json.readTree(applied.before()).path("state").asText()).isEqualTo("OPEN");
        assertThat(applied.after()).contains("OVERRIDDEN_PASS").contains("root-bob");
    }

    @Test
    void overrideEditedInTheTable_failsItsSeal() {
        PaymentReview review = openReview();
        ApprovalRequest request = requested(review.id());
        ok(api.approve(request.id(), "ops-dan", Role.OPS));
        steps.finish(request.id(), "APPROVED");
        PaymentReview passed = reviews.find(review.id()).orElseThrow();

        PaymentReview forged = passed.overridden(new PaymentReview.Override(
                passed.override().orElseThrow().evidence().replace("ops-dan", "root-eve"), passed.override().orElseThrow().seal()));

        assertThat(new ReviewOverrideSeal(ApprovalFixtures.sealer()).verify(forged)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void approved_forAReviewThatDoesNotExist_failsAndChangesNothing() {
        String missing = "UNKNOWN_ORDER:never-" + UUID.randomUUID();
        ApprovalRequest request = requested(missing);
        ok(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));

        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "FAILED");

        assertThat(fixtures.read(request.id()).outcome()).contains("does not exist");
        assertThat(reviews.find(missing)).isEmpty();
        assertThat(actions(missing)).endsWith(ApprovalAudit.APPROVED, ApprovalAudit.FAILED);
    }

    @Test
    void approved_forAReviewNoLongerOpen_failsAndChangesNothing() {
        PaymentReview review = openReview();
        ApprovalRequest first = requested(review.id());
        ApprovalRequest second = requested(review.id());
        ok(api.approve(first.id(), "root-bob", Role.SUPER_ADMIN));
        ok(api.approve(second.id(), "ops-dan", Role.OPS));
        assertThat(steps.finish(first.id(), "APPROVED")).containsEntry("status", "APPLIED");
        PaymentReview passed = reviews.find(review.id()).orElseThrow();

        assertThat(steps.finish(second.id(), "APPROVED")).containsEntry("status", "FAILED");

        assertThat(fixtures.read(second.id()).outcome()).contains("is OVERRIDDEN_PASS, not OPEN");
        assertThat(reviews.find(review.id())).contains(passed);
    }

    @Test
    void reviewAlreadyOverriddenByHand_isNotOverriddenAgain() {
        PaymentReview review = openReview();
        ApprovalRequest request = requested(review.id());
        fixtures.dynamo.table(Topology.PAYMENT_REVIEWS.localName(), PaymentReview.SCHEMA)
                .putItem(review.overridden(new PaymentReview.Override("{\"approvedBy\":\"nobody\"}", new Seal("forged", "k"))));
        ok(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));

        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "FAILED");
        assertThat(reviews.find(review.id()).orElseThrow().override().orElseThrow().evidence()).contains("nobody");
    }
}
