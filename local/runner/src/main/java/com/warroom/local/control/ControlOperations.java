package com.warroom.local.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.custody.CustodyOperations;
import com.warroom.local.midtrans.PaymentStatus;
import com.warroom.local.midtrans.SimulatedPayment;
import com.warroom.local.schedule.LocalScheduler;
import com.warroom.local.schedule.ScheduleRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the control endpoint answers, to callers that send the token: {@code GET /schedules}, the timetable;
 * {@code POST /schedules/NAME/run}, one run now and how it ended (200 answered, 500 failed, 404 unknown schedule);
 * {@code POST /midtrans/pay} {@code {"order","status","fraud","amount"?}}, a simulated payment and the webhook's answer
 * (200 delivered, 422 refused with why); {@code /custody/...}, the custody simulator's ({@link CustodyOperations}).
 */
final class ControlOperations implements HttpHandler {

    static final String TOKEN_HEADER = "X-Warroom-Control";
    private static final Pattern RUN = Pattern.compile("/schedules/([^/]+)/run");

    private final LocalScheduler scheduler;
    private final Optional<SimulatedPayment> payments;
    private final Optional<CustodyOperations> custody;
    private final byte[] token;

    ControlOperations(LocalScheduler scheduler, Optional<SimulatedPayment> payments, Optional<CustodyOperations> custody, String token) {
        this.scheduler = scheduler;
        this.payments = payments;
        this.custody = custody;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String sent = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token)) {
                send(exchange, 403, Map.of("error", "not the token of this up"));
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            Matcher run = RUN.matcher(path);
            if (exchange.getRequestMethod().equals("GET") && path.equals("/schedules")) {
                send(exchange, 200, Map.of("schedules", scheduler.timetable().stream().map(next -> Map.of("name", next.schedule(),
                        "expression", next.expression(), "zone", next.zone().getId(), "nextRun", next.at().toString())).toList()));
            } else if (exchange.getRequestMethod().equals("POST") && run.matches()) {
                runNow(exchange, URLDecoder.decode(run.group(1), StandardCharsets.UTF_8));
            } else if (exchange.getRequestMethod().equals("POST") && path.equals("/midtrans/pay") && payments.isPresent()) {
                pay(exchange, payments.get());
            } else if (path.startsWith("/custody/") && custody.isPresent()) {
                CustodyOperations.Reply reply = custody.get().answer(exchange.getRequestMethod(), path,
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                send(exchange, reply.status(), reply.body());
            } else {
                send(exchange, 404, Map.of("error", "no such control operation"));
            }
        }
    }

    private void runNow(HttpExchange exchange, String name) throws IOException {
        var started = scheduler.runNow(name);
        if (started.isEmpty()) {
            send(exchange, 404, Map.of("error", "unknown schedule", "schedules", scheduler.names()));
            return;
        }
        switch (await(started.get())) {
            case ScheduleRun.Answered answered -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("schedule", answered.schedule());
                body.put("runId", answered.runId());
                body.put("answer", answered.answer());
                send(exchange, 200, body);
            }
            case ScheduleRun.Failed failed -> send(exchange, 500, Map.of("schedule", failed.schedule(), "runId", failed.runId(),
                    "error", failed.error().toString().lines().findFirst().orElse("")));
        }
    }

    private static void pay(HttpExchange exchange, SimulatedPayment payments) throws IOException {
        JsonNode request;
        try {
            request = Json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            send(exchange, 422, Map.of("error", "the request is not JSON"));
            return;
        }
        Optional<PaymentStatus> status = PaymentStatus.fromWire(request.path("status").asText());
        Optional<PaymentStatus.FraudStatus> fraud = PaymentStatus.FraudStatus.fromWire(request.path("fraud").asText());
        if (!request.path("order").isTextual() || status.isEmpty() || fraud.isEmpty()) {
            send(exchange, 422, Map.of("error", "order, status and fraud are required"));
            return;
        }
        var outcome = payments.pay(new SimulatedPayment.Request(request.path("order").asText(), status.get(),
                Optional.ofNullable(request.path("amount").textValue()), fraud.get()));
        switch (outcome) {
            case SimulatedPayment.Outcome.Delivered delivered -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("notification", delivered.notification());
                body.put("webhook", delivered.webhook().toString());
                body.put("status", delivered.status());
                body.put("body", delivered.body());
                send(exchange, 200, body);
            }
            case SimulatedPayment.Outcome.Refused refused -> send(exchange, 422, Map.of("error", refused.why()));
        }
    }

    private static ScheduleRun await(CompletableFuture<ScheduleRun> run) throws IOException {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the runner stopped during the run", e);
        } catch (ExecutionException e) {
            throw new IOException("the run could not be started", e.getCause());
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
