package com.warroom.local.midtrans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One transaction in the Midtrans simulator, as the last {@code ./warroom midtrans pay} for its order left it. Renders
 * the JSON Midtrans sends for it: the HTTP notification and the get-status answer (the fields of its documented
 * samples for a BCA virtual account or a card payment), each signed as Midtrans signs:
 * hex SHA-512 of {@code order_id + status_code + gross_amount + server key}.
 */
public record SimulatedTransaction(String orderId, String transactionId, String paymentType, PaymentStatus status,
                                   PaymentStatus.FraudStatus fraud, String grossAmount, String currency, String transactionTime,
                                   Optional<String> settlementTime, String expiryTime, String vaNumber) {

    /** A made-up merchant id: Midtrans's are a G and nine digits. */
    public static final String MERCHANT_ID = "G000000000";
    static final String NOTIFICATION_MESSAGE = "midtrans payment notification";
    static final String STATUS_MESSAGE = "Success, transaction is found";

    public SimulatedTransaction {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(settlementTime, "settlementTime");
    }

    /** The body Midtrans POSTs to the notification URL. */
    public Map<String, Object> notification(String serverKey) {
        return render(status.notificationStatusCode(fraud), NOTIFICATION_MESSAGE, serverKey);
    }

    /** The body of {@code GET /v2/{order_id}/status}. */
    public Map<String, Object> statusAnswer(String serverKey) {
        return render(status.statusApiStatusCode(fraud), STATUS_MESSAGE, serverKey);
    }

    private Map<String, Object> render(String statusCode, String statusMessage, String serverKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_time", transactionTime);
        body.put("transaction_status", status.wireName());
        body.put("transaction_id", transactionId);
        body.put("status_message", statusMessage);
        body.put("status_code", statusCode);
        body.put("signature_key", signature(orderId, statusCode, grossAmount, serverKey));
        settlementTime.ifPresent(time -> body.put("settlement_time", time));
        body.put("payment_type", paymentType);
        body.put("order_id", orderId);
        body.put("merchant_id", MERCHANT_ID);
        body.put("gross_amount", grossAmount);
        body.put("fraud_status", fraud.wireName());
        body.put("currency", currency);
        if (paymentType.equals("credit_card")) {
            body.put("masked_card", "48111111-1114");
            body.put("bank", "bni");
            body.put("card_type", "credit");
            body.put("eci", "05");
            body.put("approval_code", status == PaymentStatus.DENY ? null : "1578569243927");
            body.put("channel_response_code", status == PaymentStatus.DENY ? "05" : "00");
            body.put("channel_response_message", status == PaymentStatus.DENY ? "Do not honour" : "Approved");
            body.values().removeIf(Objects::isNull);
        } else {
            body.put("va_numbers", List.of(Map.of("va_number", vaNumber, "bank", "bca")));
            body.put("payment_amounts", List.of());
            body.put("expiry_time", expiryTime);
        }
        if (status == PaymentStatus.REFUND) {
            body.put("refund_amount", grossAmount);
            body.put("refunds", List.of(Map.of("refund_chargeback_id", 1, "refund_amount", grossAmount,
                    "created_at", settlementTime.orElse(transactionTime), "reason", "refunded in the local Midtrans simulator",
                    "refund_key", "refund-" + transactionId, "refund_method", "")));
        }
        return body;
    }

    /** Midtrans's notification signature. */
    public static String signature(String orderId, String statusCode, String grossAmount, String serverKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512")
                    .digest((orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }
}
