package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewKind;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.topology.Topology;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
class PaymentReviewsTest {

    private CheckWorld world;
    private ReviewStore reviews;
    private final Check check = new PaymentReviews(MismatchThresholds.defaults());

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        reviews = new ReviewStore(world.dynamo, Topology.PAYMENT_REVIEWS.localName());
        // closed by a person: no longer a finding
        reviews.record(review(ReviewKind.AMOUNT_MISMATCH, "O-0", "150000.00", "1.00", "CLOSED"));
    }

    @Test
    void compare_whenNoReviewIsOpen_findsNothing() {
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenReviewsAreOpen_findsEachByKindAndAmount() {
        reviews.record(review(ReviewKind.AMOUNT_MISMATCH, "O-1", "150000.00", "100000.00", PaymentReview.OPEN));
        reviews.record(review(ReviewKind.AMOUNT_MISMATCH, "O-2", "150000.00", "9150000.00", PaymentReview.OPEN));
        reviews.record(new PaymentReview(PaymentReview.idFor(ReviewKind.UNKNOWN_ORDER, "ev-3"), ReviewKind.UNKNOWN_ORDER.name(), "O-X",
                "ev-3", "a notification for an order Warroom does not know", Optional.empty(),
                Optional.of(new PaymentReview.Amount("10000.00", "IDR")), PaymentReview.OPEN, world.clock.instant().toString()));

        assertThat(world.run(check)).satisfiesExactlyInAnyOrder(small -> {
            assertThat(small.subject()).isEqualTo("AMOUNT_MISMATCH:ev-O-1");
            assertThat(small.expected()).isEqualTo("order O-1: 150000.00 IDR");
            assertThat(small.actual()).isEqualTo("Midtrans: 100000.00 IDR");
            assertThat(small.difference()).isEqualTo("-50000.00 IDR");
            assertThat(small.risk()).isEqualTo(Risk.MEDIUM);
        }, large -> {
            assertThat(large.subject()).isEqualTo("AMOUNT_MISMATCH:ev-O-2");
            assertThat(large.risk()).isEqualTo(Risk.HIGH);
            assertThat(large.action()).isEqualTo(Action.ESCALATE);
        }, unknown -> {
            assertThat(unknown.subject()).isEqualTo("UNKNOWN_ORDER:ev-3");
            assertThat(unknown.risk()).isEqualTo(Risk.MEDIUM);
            assertThat(unknown.action()).isEqualTo(Action.MANUAL_REVIEW);
            assertThat(unknown.runbook()).isEqualTo("#reconcile-payment-reviews");
        });
    }

    private PaymentReview review(ReviewKind kind, String orderId, String expected, String received, String state) {
        String eventKey = "ev-" + orderId;
        return new PaymentReview(PaymentReview.idFor(kind, eventKey), kind.name(), orderId, eventKey, "Midtrans's amount is not the order's",
                Optional.of(new PaymentReview.Amount(expected, "IDR")), Optional.of(new PaymentReview.Amount(received, "IDR")), state,
                world.clock.instant().toString());
    }
}
