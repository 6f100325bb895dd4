package com.warroom.local.midtrans;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The transaction statuses {@code ./warroom midtrans pay} can simulate, with the {@code status_code} Midtrans sends
 * with each: in its HTTP notification, and in its get-status answer (they differ for {@code expire}: 202 in the
 * notification, 407 from get-status).
 */
public enum PaymentStatus {
    SETTLEMENT,
    CAPTURE,
    PENDING,
    EXPIRE,
    CANCEL,
    DENY,
    REFUND;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentStatus> fromWire(String text) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(text)).findFirst();
    }

    /** The {@code status_code} of the HTTP notification. */
    String notificationStatusCode(FraudStatus fraud) {
        return switch (this) {
            case SETTLEMENT, CANCEL, REFUND -> "200";
            case CAPTURE -> switch (fraud) {
                case ACCEPT -> "200";
                case CHALLENGE -> "201";
                case DENY -> "202";
            };
            case PENDING -> "201";
            case EXPIRE, DENY -> "202";
        };
    }

    /** The {@code status_code} of the get-status answer. */
    String statusApiStatusCode(FraudStatus fraud) {
        return this == EXPIRE ? "407" : notificationStatusCode(fraud);
    }

    /** Card statuses come from a card payment; the others from a bank transfer (a virtual account). */
    String defaultPaymentType() {
        return switch (this) {
            case CAPTURE, DENY, REFUND -> "credit_card";
            case SETTLEMENT, PENDING, EXPIRE, CANCEL -> "bank_transfer";
        };
    }

    public static String catalogue() {
        return String.join("|", Arrays.stream(values()).map(PaymentStatus::wireName).toList());
    }

    /** Midtrans's {@code fraud_status}. */
    public enum FraudStatus {
        ACCEPT,
        CHALLENGE,
        DENY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<FraudStatus> fromWire(String text) {
            return Arrays.stream(values()).filter(s -> s.wireName().equals(text)).findFirst();
        }
    }
}
