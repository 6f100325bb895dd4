package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Money coming in, as it does for real against {@code ./warroom up}: the platform registers an order (POST /v1/orders
 * as role service), and Midtrans takes the payment ({@code ./warroom midtrans pay}, which records it in the local
 * Midtrans simulator and delivers its signed notification) or sends a notification signed by hand.
 */
final class Checkout {

    /** The documented local-only Midtrans server key, when neither WARROOM_SECRET_MIDTRANS_SERVER_KEY nor the secret's file sets one. */
    static final String LOCAL_SERVER_KEY = "SB-Mid-server-warroom-local-only";
    // a guard against a hang while the processor applies a payment, not a timing assertion
    private static final Duration PROCESSING_GUARD = Duration.ofSeconds(60);

    private final RunningWarroom warroom;
    private final String serviceToken;

    Checkout(RunningWarroom warroom) {
        this.warroom = warroom;
        this.serviceToken = warroom.serviceToken();
    }

    /** A new order id, Midtrans's order_id alphabet, unique in this test JVM's stack. */
    static String newOrderId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers an order as the platform does before sending the person to pay, with an email to notify; returns its view. */
    JsonNode register(String orderId, String amount, String item) throws Exception {
        return register(orderId, amount, item, Map.of("email", orderId.toLowerCase() + "@example.com"));
    }

    private JsonNode register(String orderId, String amount, String item, Map<String, String> customer) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("userId", "user-" + orderId.toLowerCase());
        body.put("amount", amount);
        body.put("currency", "IDR");
        body.put("item", item);
        body.put("customer", customer);
        RunningWarroom.Answer answer = warroom.call("POST", "/v1/orders", Json.write(body), serviceToken);
        assertThat(answer.status()).as("POST /v1/orders " + answer.body()).isEqualTo(201);
        return answer.body();
    }

    /** {@code ./warroom midtrans pay}: Midtrans takes the payment (its get-status then knows it) and notifies the webhook. */
    void pay(String orderId, String status, String amount) {
        RunningWarroom.CommandRun run = warroom.command("midtrans", "pay", "--order", orderId, "--status", status, "--amount", amount);
        assertThat(run.exitCode()).as("./warroom midtrans pay: " + run.out() + run.err()).isZero();
    }

    /** The order as the API shows it, once {@code until} holds (the processor works through a queue). */
    JsonNode awaitOrder(String orderId, Predicate<JsonNode> until) throws Exception {
        Instant giveUp = Instant.now().plus(PROCESSING_GUARD);
        while (true) {
            RunningWarroom.Answer answer = warroom.call("GET", "/v1/orders/" + orderId, null, serviceToken);
            if (answer.status() == 200 && until.test(answer.body())) {
                return answer.body();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("order " + orderId + " never got there: " + answer.body());
            }
            Thread.sleep(250);
        }
    }

    /**
     * A paid order whose success notification failed for good: the order gives only a phone, and WhatsApp (the
     * {@link RefusingWhatsApp} stand-in) refuses the message. Returns the outbox item's id.
     */
    String failedNotification(String prefix) throws Exception {
        String orderId = newOrderId(prefix);
        register(orderId, "50000.00", "course:sql-basics", Map.of("phone", "+628123456" + (1000 + (orderId.hashCode() & 0x7ff))));
        pay(orderId, "settlement", "50000.00");
        JsonNode order = awaitOrder(orderId, o -> o.path("notifications").path(0).path("status").asText().equals("FAILED"));
        return order.path("notifications").path(0).path("id").asText();
    }

    /** A Midtrans notification signed by hand, as the README's one-liner signs it; returns the webhook's HTTP status. */
    int notify(String orderId, String transactionStatus, String grossAmount) throws Exception {
        String statusCode = "200";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_time", "2026-01-05 10:00:00");
        body.put("transaction_status", transactionStatus);
        body.put("transaction_id", UUID.randomUUID().toString());
        body.put("status_message", "midtrans payment notification");
        body.put("status_code", statusCode);
        body.put("signature_key", signature(orderId, statusCode, grossAmount));
        body.put("payment_type", "bank_transfer");
        body.put("order_id", orderId);
        body.put("gross_amount", grossAmount);
        body.put("fraud_status", "accept");
        body.put("currency", "IDR");
        return warroom.call("POST", "/v1/webhooks/midtrans", Json.write(body), null).status();
    }

    static String signature(String orderId, String statusCode, String grossAmount) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-512")
                .digest((orderId + statusCode + grossAmount + LOCAL_SERVER_KEY).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** An amount as the console shows it: "IDR 150,000.00", "IDR -150,000.00". */
    static String shown(String decimal, String currency) {
        String sign = decimal.startsWith("-") ? "-" : "";
        String digits = sign.isEmpty() ? decimal : decimal.substring(1);
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return currency + " " + sign + grouped + fraction;
    }
}
