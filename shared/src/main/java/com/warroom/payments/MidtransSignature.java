package com.warroom.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Midtrans's notification signature: hex SHA-512 of {@code order_id + status_code + gross_amount + server key}. It covers
 * neither {@code transaction_status} nor {@code fraud_status} (a {@code capture} and a {@code settlement} of one order
 * carry the same signature), so a valid signature proves who sent a notification, not what the payment's status is.
 */
public final class MidtransSignature {

    private MidtransSignature() {
    }

    /** The signature Midtrans computes, as lower-case hex. */
    public static String of(String orderId, String statusCode, String grossAmount, String serverKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512")
                    .digest((orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }

    /** Whether {@code signatureKey} is the notification's signature, compared in constant time (hex in any case). */
    public static boolean matches(MidtransNotification notification, String serverKey) {
        String expected = of(notification.orderId(), notification.statusCode(), notification.grossAmount(), serverKey);
        String given = notification.signatureKey().orElse("").toLowerCase(Locale.ROOT);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
    }
}
