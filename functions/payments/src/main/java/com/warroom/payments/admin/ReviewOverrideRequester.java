package com.warroom.payments.admin;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRequester;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.approvals.actions.ScanOverrideAction;
import com.warroom.approvals.actions.ScanOverridePayload;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks for a {@code SCAN_OVERRIDE} of a payment review: checks that the review exists and is OPEN, then records a
 * PENDING approval (target {@code scan:<review id>}, the review as it was before) with its {@code approval.requested}
 * entry in one transaction ({@link ApprovalRequester}), and starts the approval workflow. Only the workflow's apply
 * step, after a second person approved, moves the review to OVERRIDDEN_PASS.
 */
final class ReviewOverrideRequester {

    /** Where the requests go: the reviews read, the audit log, the approvals table and the workflow. */
    record Approvals(AuditLog audit, ApprovalRequester requester, ApprovalWorkflowStarter workflow) {
    }

    private final ReviewStore reviews;
    private final Approvals approvals;
    private final Clock clock;

    ReviewOverrideRequester(ReviewStore reviews, Approvals approvals, Clock clock) {
        this.reviews = reviews;
        this.approvals = approvals;
        this.clock = clock;
    }

    sealed interface Outcome {
        record Pending(ApprovalRequest request) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record NotOverridable(String state) implements Outcome {
        }
    }

    Outcome request(String reviewId, String note, Caller caller, RequestOrigin origin) {
        Outcome outcome = approvals.audit().commit(auditSeq -> prepare(reviewId, note, caller, origin, auditSeq));
        if (outcome instanceof Outcome.Pending pending) {
            approvals.workflow().startRecorded(pending.request().id());
        }
        return outcome;
    }

    // reads only (and seals): the audit log calls it again when the chain moved under it
    private AuditedChange.Attempt<Outcome> prepare(String reviewId, String note, Caller caller, RequestOrigin origin, long auditSeq) {
        Optional<PaymentReview> found = reviews.find(reviewId);
        if (found.isEmpty()) {
            return new AuditedChange.Refuse<>(new Outcome.NotFound());
        }
        PaymentReview review = found.get();
        if (!PaymentReview.OPEN.equals(review.state())) {
            return new AuditedChange.Refuse<>(new Outcome.NotOverridable(review.state()));
        }
        var payload = new ScanOverridePayload(review.id(), Optional.of(note));
        ApprovalRequest pending = ApprovalRequest.pending(UUID.randomUUID().toString(), ScanOverrideAction.NAME,
                Json.canonical(payload.fields()), caller, note, clock.instant(), Topology.APPROVAL.decisionTimeout());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("id", review.id());
        before.put("kind", review.kind());
        before.put("orderId", review.orderId());
        before.put("state", review.state());
        var request = new ApprovalRequester.NewRequest(pending, caller, payload.target(), Json.write(before), origin);
        return approvals.requester().write(request, auditSeq, Outcome.Pending::new);
    }
}
