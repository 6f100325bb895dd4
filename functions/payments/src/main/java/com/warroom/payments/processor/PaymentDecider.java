package com.warroom.payments.processor;

import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.MidtransNotification;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.Order;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewKind;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a check does to an order. The status applied is the one Midtrans's get-status API returns, never the
 * notification's (Midtrans's signature does not cover the status); the notification only says whether asking is worth
 * it, and a notification that claimed a payment the API does not confirm is recorded for review.
 *
 * <ul>
 *   <li>{@code settlement}, or {@code capture} with {@code fraud_status} accept (or none), with {@code status_code} 200:
 *       PENDING → PAID, only when the gross amount and currency are the order's (else AMOUNT_MISMATCH).
 *   <li>{@code deny}, {@code cancel}, {@code expire}, {@code failure}: PENDING → FAILED, CANCELLED, EXPIRED, FAILED.
 *   <li>{@code refund}, {@code partial_refund}: a paid order → REFUNDED or PARTIALLY_REFUNDED, by the total refunded.
 *   <li>{@code pending}, {@code capture} with {@code challenge}: stays PENDING.
 * </ul>
 * Nothing moves an order backwards; where Midtrans contradicts a state already applied (a payment for an order closed
 * here, a cancel of a paid order), a person looks (STATUS_DISAGREES).
 */
public final class PaymentDecider {

    /** The currency of a get-status answer that names none: Midtrans charges in rupiah. */
    static final String DEFAULT_CURRENCY = "IDR";

    private static final Set<String> CLOSING = Set.of("deny", "cancel", "expire", "failure");
    private static final Set<String> REFUNDS = Set.of("refund", "partial_refund");
    /** What can still happen to a paid order: refunds, and the reversals a person must look at. */
    private static final Set<String> AFTER_PAYMENT = Set.of("refund", "partial_refund", "cancel", "deny", "chargeback",
            "partial_chargeback");

    private PaymentDecider() {
    }

    /**
     * Why the check cannot change the order whatever Midtrans says, or empty when it could (then Midtrans is asked). A
     * reconcile check only looks at PENDING orders; a notification can still change a PENDING order, and a paid order
     * only by a refund or a reversal.
     */
    public static Optional<String> whyNothingCanChange(Order order, Optional<MidtransNotification> notification, boolean reconcile) {
        OrderStatus state = order.state();
        String noChange = "no change: order is " + state.name();
        if (state.isFinal()) {
            return Optional.of(noChange);
        }
        if (reconcile || notification.isEmpty()) {
            return state == OrderStatus.PENDING ? Optional.empty() : Optional.of(noChange);
        }
        if (state == OrderStatus.PENDING) {
            return Optional.empty();
        }
        String status = notification.get().transactionStatus();
        return AFTER_PAYMENT.contains(status) ? Optional.empty() : Optional.of(noChange + " (the notification says " + status + ")");
    }

    public static Verdict decide(Order order, Optional<MidtransNotification> notification, MidtransAnswer answer) {
        boolean notificationClaimsPayment = notification.filter(n -> paid(n.transactionStatus(), n.fraudStatus(), n.statusCode())).isPresent();
        Verdict verdict = switch (answer) {
            case MidtransAnswer.NotFound notFound -> Verdict.none("no change: Midtrans has no transaction for this order");
            case MidtransAnswer.Found found -> decide(order, found.transaction());
        };
        if (notificationClaimsPayment && !(verdict.transition() instanceof Transition.Pay) && verdict.review().isEmpty()
                && order.state() == OrderStatus.PENDING) {
            MidtransNotification n = notification.get();
            String said = switch (answer) {
                case MidtransAnswer.NotFound notFound -> "has no transaction for this order";
                case MidtransAnswer.Found found -> "says " + describe(found.transaction());
            };
            ReviewNote disagreement = ReviewNote.of(ReviewKind.STATUS_DISAGREES, "the notification says " + n.transactionStatus()
                    + " (status_code " + n.statusCode() + ") but Midtrans's get-status " + said);
            return new Verdict(verdict.transition(), Optional.of(disagreement), verdict.outcome() + "; " + disagreement.detail());
        }
        return verdict;
    }

    private static Verdict decide(Order order, MidtransTransaction tx) {
        OrderStatus state = order.state();
        String status = tx.transactionStatus();
        String says = "Midtrans says " + describe(tx);
        if (paid(status, tx.fraudStatus(), tx.statusCode())) {
            Optional<Money> received = tx.grossAmount().flatMap(amount -> DecimalAmount.tryParsePositive(amount,
                    tx.currency().orElse(DEFAULT_CURRENCY)));
            if (received.isEmpty() || !received.get().equals(order.amount())) {
                return Verdict.review(new ReviewNote(ReviewKind.AMOUNT_MISMATCH, says + " for " + tx.grossAmount().orElse("(no amount)")
                        + " " + tx.currency().orElse(DEFAULT_CURRENCY) + ", but the order is for " + DecimalAmount.format(order.amount())
                        + " " + order.amount().currency(), Optional.of(expected(order)),
                        Optional.of(new PaymentReview.Amount(tx.grossAmount().orElse(null), tx.currency().orElse(DEFAULT_CURRENCY)))));
            }
            if (state == OrderStatus.PENDING) {
                return new Verdict(new Transition.Pay(), Optional.empty(), "PAID: " + says + ", " + DecimalAmount.format(order.amount())
                        + " " + order.amount().currency() + " as the order expects");
            }
            if (state.isPaid() || state == OrderStatus.REFUNDED) {
                return Verdict.none("no change: order is " + state.name() + " (" + says + ")");
            }
            return Verdict.review(ReviewNote.of(ReviewKind.STATUS_DISAGREES, says + " for an order that is " + state.name()
                    + " here: money came in for an order closed here"));
        }
        if (CLOSING.contains(status)) {
            OrderStatus to = switch (status) {
                case "expire" -> OrderStatus.EXPIRED;
                case "cancel" -> OrderStatus.CANCELLED;
                default -> OrderStatus.FAILED;
            };
            if (state == OrderStatus.PENDING) {
                return new Verdict(new Transition.Close(to), Optional.empty(), to.name() + ": " + says);
            }
            if (state.isPaid()) {
                return Verdict.review(ReviewNote.of(ReviewKind.STATUS_DISAGREES, says + " for an order that is " + state.name()
                        + " here: the payment was reversed after it was applied"));
            }
            return Verdict.none("no change: order is " + state.name() + " (" + says + ")");
        }
        if (REFUNDS.contains(status)) {
            return refund(order, tx, says);
        }
        if (status.equals("pending") || status.equals("capture")) {
            return Verdict.none("no change: order stays " + state.name() + " (" + says + ")");
        }
        if (status.contains("chargeback") && state.isPaid()) {
            return Verdict.review(ReviewNote.of(ReviewKind.STATUS_DISAGREES, says + " for an order that is " + state.name()
                    + " here: chargebacks are not applied by Warroom"));
        }
        return Verdict.none("no change: " + says + ", which Warroom does not apply");
    }

    private static Verdict refund(Order order, MidtransTransaction tx, String says) {
        OrderStatus state = order.state();
        if (!state.isPaid()) {
            if (state == OrderStatus.PENDING) {
                return Verdict.review(ReviewNote.of(ReviewKind.STATUS_DISAGREES, says + " for an order that was never PAID here"));
            }
            return Verdict.none("no change: order is " + state.name() + " (" + says + ")");
        }
        String currency = order.amount().currency();
        Optional<Long> total = refundedTotal(tx, order);
        if (total.isEmpty()) {
            return Verdict.review(ReviewNote.of(ReviewKind.STATUS_DISAGREES, says + " without a refund amount Warroom can read"));
        }
        if (total.get() > order.amount().minor()) {
            return Verdict.review(new ReviewNote(ReviewKind.AMOUNT_MISMATCH, says + ": " + format(total.get(), currency)
                    + " " + currency + " refunded, more than the order's " + DecimalAmount.format(order.amount()),
                    Optional.of(expected(order)), Optional.of(new PaymentReview.Amount(format(total.get(), currency), currency))));
        }
        if (total.get() <= order.refundedMinor()) {
            return Verdict.none("no change: " + format(order.refundedMinor(), currency) + " " + currency
                    + " already refunded (" + says + ")");
        }
        OrderStatus to = total.get() == order.amount().minor() ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        return new Verdict(new Transition.Refund(to, total.get()), Optional.empty(), to.name() + ": " + says + ", "
                + format(total.get(), currency) + " " + currency + " refunded in all, "
                + format(total.get() - order.refundedMinor(), currency) + " " + currency + " of it new");
    }

    /** The total refunded: {@code refund_amount}, else the sum of {@code refunds}, else (a full refund) the order's amount. */
    private static Optional<Long> refundedTotal(MidtransTransaction tx, Order order) {
        String currency = order.amount().currency();
        if (tx.refundAmount().isPresent()) {
            return DecimalAmount.tryParsePositive(tx.refundAmount().get(), currency).map(Money::minor);
        }
        if (!tx.refundAmounts().isEmpty()) {
            long sum = 0;
            for (String amount : tx.refundAmounts()) {
                Optional<Money> parsed = DecimalAmount.tryParsePositive(amount, currency);
                if (parsed.isEmpty()) {
                    return Optional.empty();
                }
                sum = Math.addExact(sum, parsed.get().minor());
            }
            return Optional.of(sum);
        }
        return tx.transactionStatus().equals("refund") ? Optional.of(order.amount().minor()) : Optional.empty();
    }

    private static boolean paid(String status, Optional<String> fraudStatus, String statusCode) {
        boolean settled = status.equals("settlement")
                || status.equals("capture") && fraudStatus.map("accept"::equals).orElse(true);
        return settled && statusCode.equals("200");
    }

    private static String describe(MidtransTransaction tx) {
        return tx.transactionStatus() + tx.fraudStatus().map(f -> "/" + f).orElse("") + " (status_code " + tx.statusCode() + ")";
    }

    private static PaymentReview.Amount expected(Order order) {
        return new PaymentReview.Amount(DecimalAmount.format(order.amount()), order.amount().currency());
    }

    private static String format(long minor, String currency) {
        return DecimalAmount.format(new Money(currency, minor));
    }
}
