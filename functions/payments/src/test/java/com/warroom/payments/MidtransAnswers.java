package com.warroom.payments;

import com.warroom.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Midtrans's documented get-status answers (docs.midtrans.com, "GET Status API Requests", "Transaction Status Cycle"),
 * and its HTTP notifications signed as Midtrans signs them: the payloads WireMock serves and the intake receives.
 */
public final class MidtransAnswers {

    private MidtransAnswers() {
    }

    /** A bank transfer, settled: {@code status_code} 200. */
    public static String settlement(String orderId, String grossAmount) {
        Map<String, Object> a = common(orderId, grossAmount, "settlement", "200", "Success, transaction is found");
        a.put("payment_type", "bank_transfer");
        a.put("va_numbers", List.of(Map.of("va_number", "812785002530231", "bank", "bca")));
        a.put("fraud_status", "accept");
        a.put("settlement_time", "2026-11-30 16:29:41");
        a.put("expiry_time", "2026-12-01 16:25:12");
        return Json.write(a);
    }

    /** A card payment captured, with {@code fraud_status} accept or challenge (challenge: {@code status_code} 201). */
    public static String capture(String orderId, String grossAmount, String fraudStatus) {
        boolean challenge = fraudStatus.equals("challenge");
        Map<String, Object> a = common(orderId, grossAmount, "capture", challenge ? "201" : "200",
                challenge ? "Challenge by FDS" : "Success, Credit Card transaction is successful");
        a.put("payment_type", "credit_card");
        a.put("masked_card", "48111111-1114");
        a.put("bank", "bni");
        a.put("approval_code", "1578569243927");
        a.put("eci", "05");
        a.put("channel_response_code", "00");
        a.put("channel_response_message", "Approved");
        a.put("card_type", "credit");
        a.put("fraud_status", fraudStatus);
        return Json.write(a);
    }

    public static String pending(String orderId, String grossAmount) {
        Map<String, Object> a = common(orderId, grossAmount, "pending", "201", "Success, transaction is found");
        a.put("payment_type", "bank_transfer");
        a.put("va_numbers", List.of(Map.of("va_number", "812785002530231", "bank", "bca")));
        a.put("fraud_status", "accept");
        a.put("expiry_time", "2026-12-01 16:25:12");
        return Json.write(a);
    }

    public static String expire(String orderId, String grossAmount) {
        Map<String, Object> a = common(orderId, grossAmount, "expire", "407", "Success, transaction is found");
        a.put("payment_type", "bank_transfer");
        a.put("fraud_status", "accept");
        return Json.write(a);
    }

    public static String deny(String orderId, String grossAmount) {
        Map<String, Object> a = common(orderId, grossAmount, "deny", "202", "Deny by Bank [CIMB] with code [05] and message [Do not honour]");
        a.put("payment_type", "credit_card");
        a.put("fraud_status", "accept");
        a.put("channel_response_code", "05");
        a.put("channel_response_message", "Do not honour");
        return Json.write(a);
    }

    public static String cancel(String orderId, String grossAmount) {
        Map<String, Object> a = common(orderId, grossAmount, "cancel", "200", "Success, transaction is canceled");
        a.put("payment_type", "credit_card");
        a.put("fraud_status", "accept");
        return Json.write(a);
    }

    public static String failure(String orderId, String grossAmount) {
        Map<String, Object> a = common(orderId, grossAmount, "failure", "202", "Transaction failure");
        a.put("payment_type", "gopay");
        return Json.write(a);
    }

    /** A refund, in full or in part: {@code refund_amount} is the total refunded so far, {@code refunds} each refund. */
    public static String refund(String orderId, String grossAmount, String status, String... refunds) {
        Map<String, Object> a = common(orderId, grossAmount, status, "200", "Success, transaction is found");
        a.put("payment_type", "credit_card");
        a.put("fraud_status", "accept");
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 0; i < refunds.length; i++) {
            total = total.add(new java.math.BigDecimal(refunds[i]));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("refund_chargeback_id", 1000 + i);
            r.put("refund_amount", refunds[i]);
            r.put("created_at", "2026-12-02 10:0" + i + ":00");
            r.put("reason", "customer asked");
            r.put("refund_key", "rk-" + orderId + "-" + i);
            r.put("refund_method", "online");
            list.add(r);
        }
        a.put("refund_amount", total.setScale(2).toPlainString());
        a.put("refunds", list);
        return Json.write(a);
    }

    public static String notFound() {
        return "{\"status_code\":\"404\",\"status_message\":\"Transaction doesn't exist.\",\"id\":\"e0e9a9fb-5b57-4e0e-b1e9-cb0e6c1c8c27\"}";
    }

    public static String unauthorized() {
        return "{\"status_code\":\"401\",\"status_message\":\"Unknown Merchant server_key/id\",\"id\":\"9f4b5c8e-0a2d-4b6c-8e1f-3a5b7c9d1e2f\"}";
    }

    public static String serverError() {
        return "{\"status_code\":\"500\",\"status_message\":\"Sorry, we encountered internal server error. We will fix this soon.\"}";
    }

    private static Map<String, Object> common(String orderId, String grossAmount, String status, String statusCode, String message) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("transaction_time", "2026-11-30 16:25:12");
        a.put("gross_amount", grossAmount);
        a.put("currency", "IDR");
        a.put("order_id", orderId);
        a.put("signature_key", MidtransSignature.of(orderId, statusCode, grossAmount, PaymentsStack.LOCAL_KEY));
        a.put("status_code", statusCode);
        a.put("transaction_id", "tx-" + orderId);
        a.put("transaction_status", status);
        a.put("status_message", message);
        a.put("merchant_id", "G141532850");
        return a;
    }

    // ---- notifications, as the webhook receives them

    /** Midtrans's HTTP notification of the status, signed with the local server key. */
    public static String notification(String orderId, String status, String statusCode, String grossAmount, String fraudStatus) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("transaction_time", "2026-11-30 16:25:12");
        n.put("transaction_status", status);
        n.put("transaction_id", "tx-" + orderId);
        n.put("status_message", "midtrans payment notification");
        n.put("status_code", statusCode);
        n.put("signature_key", MidtransSignature.of(orderId, statusCode, grossAmount, PaymentsStack.LOCAL_KEY));
        n.put("payment_type", "bank_transfer");
        n.put("order_id", orderId);
        n.put("merchant_id", "G141532850");
        n.put("gross_amount", grossAmount);
        if (fraudStatus != null) {
            n.put("fraud_status", fraudStatus);
        }
        n.put("currency", "IDR");
        return Json.write(n);
    }

    public static String settlementNotification(String orderId) {
        return notification(orderId, "settlement", "200", "150000.00", "accept");
    }
}
