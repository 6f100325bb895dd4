package com.warroom.local.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.warroom.json.Json;
import com.warroom.payouts.rail.CustodyRail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The custody API the simulator answers, as Fireblocks documents it: {@code POST /v1/transactions} (200
 * {@code {"id","status"}}; 400 code 1438 for an externalTxId it has) and
 * {@code GET /v1/transactions/external_tx_id/{externalTxId}} (200 the transaction object, 404), each request
 * authenticated ({@link CustodyAuth}); errors are {@code {"message","code"}}.
 */
final class CustodyApi implements HttpHandler {

    static final int INVALID_REQUEST = 1003;
    static final int DESTINATION_REFUSED = 1427;
    static final int NOT_FOUND = 1404;
    private static final String TRANSACTIONS = "/v1/transactions";
    private static final Pattern BY_EXTERNAL_ID = Pattern.compile("/v1/transactions/external_tx_id/([^/]+)");

    private final CustodyLedger ledger;
    private final CustodyAuth auth;
    private final Duration stall;

    CustodyApi(CustodyLedger ledger, CustodyAuth auth, Duration stall) {
        this.ledger = ledger;
        this.auth = auth;
        this.stall = stall;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Optional<CustodyAuth.Refusal> refusal = auth.check(exchange.getRequestHeaders().getFirst("X-API-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization"), query == null ? path : path + "?" + query, body);
            if (refusal.isPresent()) {
                send(exchange, 401, error(refusal.get().message(), refusal.get().code()));
                return;
            }
            Matcher byExternalId = BY_EXTERNAL_ID.matcher(path);
            if (exchange.getRequestMethod().equals("POST") && path.equals(TRANSACTIONS)) {
                create(exchange, new String(body, StandardCharsets.UTF_8));
            } else if (exchange.getRequestMethod().equals("GET") && byExternalId.matches()) {
                String externalTxId = URLDecoder.decode(byExternalId.group(1), StandardCharsets.UTF_8);
                Optional<CustodyTransaction> found = ledger.find(externalTxId);
                if (found.isPresent()) {
                    send(exchange, 200, found.get().json());
                } else {
                    send(exchange, 404, error("Transaction with external tx id " + externalTxId + " was not found", NOT_FOUND));
                }
            } else {
                send(exchange, 404, error("The custody simulator answers only POST " + TRANSACTIONS + " and GET "
                        + TRANSACTIONS + "/external_tx_id/{externalTxId}", NOT_FOUND));
            }
        }
    }

    private void create(HttpExchange exchange, String body) throws IOException {
        JsonNode request;
        try {
            request = Json.readTree(body);
        } catch (UncheckedIOException e) {
            send(exchange, 400, error("The request body is not JSON", INVALID_REQUEST));
            return;
        }
        Optional<String> invalid = invalid(request);
        if (invalid.isPresent()) {
            send(exchange, 400, error(invalid.get(), INVALID_REQUEST));
            return;
        }
        String externalTxId = request.path("externalTxId").asText();
        CustodyTransaction.Transfer transfer = new CustodyTransaction.Transfer(request.path("assetId").asText(),
                request.path("amount").asText(), request.path("destination").path("oneTimeAddress").path("address").asText(),
                request.path("note").asText(""));
        switch (ledger.create(externalTxId, transfer)) {
            case CustodyLedger.Created.Taken taken -> {
                if (taken.answerLate()) {
                    sleepThrough(stall);
                }
                send(exchange, 200, Map.of("id", taken.transaction().id(), "status", taken.transaction().status().name()));
            }
            case CustodyLedger.Created.Duplicate duplicate ->
                    send(exchange, 400, error("External tx id already exists", CustodyRail.DUPLICATE_EXTERNAL_TX_ID));
            case CustodyLedger.Created.Unavailable unavailable ->
                    send(exchange, 503, Map.of("message", "Service temporarily unavailable (the simulator's fault 'retryable')"));
            case CustodyLedger.Created.Rejected rejected -> send(exchange, 400,
                    error("The destination address was refused (the simulator's fault 'reject')", DESTINATION_REFUSED));
        }
    }

    private static Optional<String> invalid(JsonNode request) {
        if (request == null || !request.isObject()) {
            return Optional.of("The request body must be a JSON object");
        }
        if (!request.path("externalTxId").isTextual() || request.path("externalTxId").asText().isBlank()) {
            return Optional.of("externalTxId is required");
        }
        if (!request.path("assetId").isTextual() || request.path("assetId").asText().isBlank()) {
            return Optional.of("assetId is required");
        }
        if (!request.path("destination").path("oneTimeAddress").path("address").isTextual()) {
            return Optional.of("destination.oneTimeAddress.address is required");
        }
        JsonNode amount = request.path("amount");
        try {
            if (!(amount.isTextual() || amount.isNumber()) || new BigDecimal(amount.asText()).signum() <= 0) {
                return Optional.of("amount must be a positive number");
            }
        } catch (NumberFormatException e) {
            return Optional.of("amount must be a positive number");
        }
        return Optional.empty();
    }

    // the client has given up by the end of it; what it is sent then goes nowhere, as with a real lost answer
    private static void sleepThrough(Duration stall) {
        try {
            Thread.sleep(stall);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> error(String message, int code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("code", code);
        return body;
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client went away (it timed out): nothing to answer
        }
    }
}
