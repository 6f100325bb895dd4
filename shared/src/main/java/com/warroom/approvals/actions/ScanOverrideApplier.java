package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.json.Json;
import com.warroom.payments.SortableTime;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewOverrideSeal;
import com.warroom.payments.reviews.ReviewStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies an approved {@code SCAN_OVERRIDE}: reads the payment review again and refuses when it does not exist or is no
 * longer OPEN (already let through, or closed otherwise); else writes it OVERRIDDEN_PASS with the evidence (approval,
 * who asked, who approved, the note, when) under a fresh seal, conditional on it still being OPEN, in the apply step's
 * transaction with the request's status and its audit entry.
 */
final class ScanOverrideApplier implements ActionApplier {

    private final ReviewStore reviews;
    private final ReviewOverrideSeal seal;
    private final Clock clock;

    ScanOverrideApplier(ReviewStore reviews, ReviewOverrideSeal seal, Clock clock) {
        this.reviews = reviews;
        this.seal = seal;
        this.clock = clock;
    }

    @Override
    public Plan plan(ApprovalRequest request, JsonNode payloadNode, long auditSeq) {
        if (!(ScanOverridePayload.parse(payloadNode) instanceof ScanOverridePayload.Parsed.Valid valid)) {
            return new Refuse("the payload is not a valid SCAN_OVERRIDE payload");
        }
        ScanOverridePayload payload = valid.payload();
        Optional<PaymentReview> found = reviews.find(payload.subject());
        if (found.isEmpty()) {
            return new Refuse("payment review " + payload.subject() + " does not exist; nothing was changed");
        }
        PaymentReview review = found.get();
        if (!PaymentReview.OPEN.equals(review.state()) || review.override().isPresent()) {
            return new Refuse("payment review " + review.id() + " is " + review.state() + ", not OPEN (a failed check waiting "
                    + "for a person); nothing was changed");
        }
        Instant now = SortableTime.now(clock);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("approvalId", request.id());
        evidence.put("requestedBy", request.requestedBy());
        evidence.put("approvedBy", request.decidedBy());
        payload.note().ifPresent(note -> evidence.put("note", note));
        evidence.put("appliedAt", SortableTime.format(now));
        PaymentReview overridden = seal.overridden(review, Json.canonical(evidence));
        Map<String, Object> effect = new LinkedHashMap<>();
        effect.put("reviewId", review.id());
        effect.put("orderId", review.orderId());
        effect.put("stateBefore", review.state());
        effect.put("state", overridden.state());
        effect.put("evidence", evidence);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("id", review.id());
        before.put("kind", review.kind());
        before.put("orderId", review.orderId());
        before.put("state", review.state());
        return new Apply(List.of(reviews.override(review, overridden)), Json.write(before), effect,
                "payment review " + review.id() + " " + PaymentReview.OVERRIDDEN_PASS);
    }
}
