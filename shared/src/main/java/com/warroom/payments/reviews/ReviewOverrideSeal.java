package com.warroom.payments.reviews;

import com.warroom.seal.CanonicalBytes;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import java.util.List;

/**
 * The seal of a review's override: a KMS MAC over the review's id, kind, order, event, its state and the override's
 * evidence. An OVERRIDDEN_PASS lets an item through despite a failed check, so a person with write access to the table
 * must not be able to make one (or change who approved it) unseen.
 */
public final class ReviewOverrideSeal {

    private final Sealer sealer;

    public ReviewOverrideSeal(Sealer sealer) {
        this.sealer = sealer;
    }

    /** {@code open} let through with {@code evidence} (JSON text), sealed: one GenerateMac. */
    public PaymentReview overridden(PaymentReview open, String evidence) {
        return open.overridden(new PaymentReview.Override(evidence,
                sealer.seal(canonical(open, PaymentReview.OVERRIDDEN_PASS, evidence))));
    }

    /** Whether the review's override is as it was sealed; a review without an override is {@link Verification.Invalid}. */
    public Verification verify(PaymentReview review) {
        if (review.override().isEmpty()) {
            return new Verification.Invalid();
        }
        PaymentReview.Override override = review.override().get();
        return sealer.verify(canonical(review, review.state(), override.evidence()), override.seal());
    }

    private static byte[] canonical(PaymentReview review, String state, String evidence) {
        return CanonicalBytes.of(List.of("payment-review-override", review.id(), review.kind(), review.orderId(), review.eventKey(),
                state, evidence));
    }
}
