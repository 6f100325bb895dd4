package com.warroom.payments.processor;

import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewKind;
import java.util.Optional;

/** A finding a check records for a person: what kind, in one line, and the amounts when it is about amounts. */
public record ReviewNote(ReviewKind kind, String detail, Optional<PaymentReview.Amount> expected,
                         Optional<PaymentReview.Amount> received) {

    static ReviewNote of(ReviewKind kind, String detail) {
        return new ReviewNote(kind, detail, Optional.empty(), Optional.empty());
    }
}
