package com.warroom.local.midtrans;

import com.warroom.json.Json;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code ./warroom midtrans pay} inside the running {@code up}: records the order's transaction in the simulator and
 * delivers its signed HTTP notification to the local webhook, as Midtrans would, with Midtrans's headers.
 */
public final class SimulatedPayment {

    /** What the command asks. */
    public record Request(String orderId, PaymentStatus status, Optional<String> amount, PaymentStatus.FraudStatus fraud) {
    }

    /** How it went. */
    public sealed interface Outcome {
        /** The notification was POSTed to {@code webhook}; the webhook answered {@code status} and {@code body}. */
        record Delivered(Map<String, Object> notification, URI webhook, int status, String body) implements Outcome {
        }

        /** Nothing was recorded or sent: {@code why}. */
        record Refused(String why) implements Outcome {
        }
    }

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._~-]{1,50}");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MidtransSimulator simulator;
    private final OrderAmounts orders;
    private final URI webhook;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

    public SimulatedPayment(MidtransSimulator simulator, OrderAmounts orders, URI webhook) {
        this.simulator = simulator;
        this.orders = orders;
        this.webhook = webhook;
    }

    public Outcome pay(Request request) {
        if (!ORDER_ID.matcher(request.orderId()).matches()) {
            return new Outcome.Refused("--order must be 1 to 50 letters, digits, '.', '_', '~' or '-', as Midtrans takes order ids");
        }
        OrderAmounts.Lookup order = orders.find(request.orderId());
        String currency = order instanceof OrderAmounts.Lookup.Found found ? found.amount().currency() : "IDR";
        Money amount;
        if (request.amount().isPresent()) {
            switch (DecimalAmount.parsePositive(request.amount().get(), currency)) {
                case DecimalAmount.Parsed.Valid valid -> amount = valid.money();
                case DecimalAmount.Parsed.Invalid invalid -> {
                    return new Outcome.Refused("--amount " + request.amount().get() + " " + invalid.reason());
                }
            }
        } else {
            switch (order) {
                case OrderAmounts.Lookup.Found found -> amount = found.amount();
                case OrderAmounts.Lookup.NoOrder none -> {
                    return new Outcome.Refused("no order " + request.orderId() + " is registered (table " + none.table()
                            + "), so there is no amount to pay; register it (POST /v1/orders) or give --amount, e.g. --amount 150000.00");
                }
                case OrderAmounts.Lookup.Unreadable unreadable -> {
                    return new Outcome.Refused("order " + request.orderId() + ": " + unreadable.why() + "; give --amount");
                }
            }
        }
        // Midtrans writes gross_amount with two decimals
        String grossAmount = new java.math.BigDecimal(DecimalAmount.format(amount)).setScale(2).toPlainString();
        SimulatedTransaction transaction = simulator.record(request.orderId(), request.status(), request.fraud(), grossAmount,
                amount.currency());
        Map<String, Object> notification = transaction.notification(simulator.serverKey());
        return deliver(notification);
    }

    private Outcome deliver(Map<String, Object> notification) {
        HttpRequest post = HttpRequest.newBuilder(webhook)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "Veritrans")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(notification), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Outcome.Delivered(notification, webhook, answer.statusCode(), answer.body());
        } catch (IOException e) {
            return new Outcome.Refused("the transaction is recorded, but the notification could not be delivered to " + webhook + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Refused("interrupted while delivering the notification to " + webhook);
        }
    }
}
