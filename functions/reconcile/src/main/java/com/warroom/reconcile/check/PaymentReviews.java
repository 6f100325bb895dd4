package com.warroom.reconcile.check;

import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewKind;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The payment reviews the webhook intake and the payment processor recorded and nobody closed yet: an amount mismatch
 * is HIGH or MEDIUM by the difference (HIGH when the amounts cannot be compared: another currency, an unreadable
 * amount); a notification for an unknown order, or a status that disagrees with Midtrans's, is MEDIUM. Each stays a
 * finding until its review is closed.
 */
final class PaymentReviews extends TallyCheck {

    static final String NAME = "payment-reviews";

    private final MismatchThresholds thresholds;

    PaymentReviews(MismatchThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.PAYMENT_REVIEWS);
    }

    @Override
    void fold(TableDef table, Map<String, AttributeValue> item, Tally into) {
        PaymentReview review = PaymentReview.SCHEMA.mapToItem(item);
        if (review.id() == null || !PaymentReview.OPEN.equals(review.state())) {
            return;
        }
        String subject = review.id();
        into.text(subject, "kind", review.kind());
        into.text(subject, "orderId", review.orderId());
        into.text(subject, "detail", review.detail());
        review.expected().ifPresent(a -> {
            into.text(subject, "expectedAmount", a.amount());
            into.text(subject, "expectedCurrency", a.currency());
        });
        review.received().ifPresent(a -> {
            into.text(subject, "receivedAmount", a.amount());
            into.text(subject, "receivedCurrency", a.currency());
        });
    }

    @Override
    List<FindingDraft> compare(Tally merged, RunContext run) {
        List<FindingDraft> findings = new ArrayList<>();
        for (String id : merged.subjects("")) {
            String kind = merged.text(id, "kind").orElse("");
            String order = merged.text(id, "orderId").orElse("(no order id)");
            if (kind.equals(ReviewKind.AMOUNT_MISMATCH.name())) {
                findings.add(amountMismatch(merged, id, order));
            } else if (kind.equals(ReviewKind.UNKNOWN_ORDER.name())) {
                findings.add(new FindingDraft(NAME, id, "a notification for an order Warroom registered",
                        "a notification for order " + order + ", unknown here", "unknown order", Risk.MEDIUM, Action.MANUAL_REVIEW,
                        runbook()));
            } else {
                findings.add(new FindingDraft(NAME, id, "the order's status here agrees with Midtrans's",
                        merged.text(id, "detail").orElse(kind + " for order " + order), kind.isEmpty() ? "open review" : kind,
                        Risk.MEDIUM, Action.MANUAL_REVIEW, runbook()));
            }
        }
        return findings;
    }

    private FindingDraft amountMismatch(Tally merged, String id, String order) {
        String expectedCurrency = merged.text(id, "expectedCurrency").orElse("");
        String receivedCurrency = merged.text(id, "receivedCurrency").orElse("");
        String expectedText = merged.text(id, "expectedAmount").orElse("");
        String receivedText = merged.text(id, "receivedAmount").orElse("");
        String expected = "order " + order + ": " + expectedText + " " + expectedCurrency;
        String actual = "Midtrans: " + receivedText + " " + receivedCurrency;
        Optional<Long> expectedMinor = minor(expectedText, expectedCurrency);
        Optional<Long> receivedMinor = minor(receivedText, expectedCurrency);
        if (!expectedCurrency.equals(receivedCurrency) || expectedMinor.isEmpty() || receivedMinor.isEmpty()) {
            return new FindingDraft(NAME, id, expected, actual, "not comparable", Risk.HIGH, Action.ESCALATE, runbook());
        }
        Risk risk = thresholds.riskOf(expectedCurrency, receivedMinor.get() - expectedMinor.get());
        return new FindingDraft(NAME, id, expected, actual,
                Mismatch.difference(expectedCurrency, expectedMinor.get(), receivedMinor.get()), risk, Mismatch.actionFor(risk), runbook());
    }

    /** Midtrans writes {@code "150000.00"}; an amount with more decimals than the currency has is not comparable. */
    private static Optional<Long> minor(String text, String currency) {
        if (!Money.isCurrencyCode(currency)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text).movePointRight(DecimalAmount.fractionDigits(currency)).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
