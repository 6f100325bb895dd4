package com.warroom.local.midtrans;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.warroom.json.Json;
import com.warroom.local.stack.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stand-in for Midtrans's Core API on 127.0.0.1: answers get-status ({@code GET /v2/{order_id or
 * transaction_id}/status}) as Midtrans documents it, for the transactions recorded by {@code ./warroom midtrans pay}.
 * Basic auth with the server key (user the key, empty password) or 401; 404 with Midtrans's body for a transaction it
 * does not have. The server key is read at each request, from the same local secret the functions read.
 */
public final class MidtransSimulator implements AutoCloseable {

    private static final Pattern STATUS = Pattern.compile("/v2/([^/]+)/status");
    // Midtrans's times are Jakarta's (GMT+7), written without a zone
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Jakarta"));

    private final TransactionStore store;
    private final Supplier<String> serverKey;
    private final Clock clock;
    private final LoopbackHttpServer server;

    private MidtransSimulator(TransactionStore store, Supplier<String> serverKey, Clock clock, int port) throws IOException {
        this.store = store;
        this.serverKey = serverKey;
        this.clock = clock;
        this.server = LoopbackHttpServer.start(port, "midtrans-simulator", new StatusApi());
    }

    /** Listens on 127.0.0.1:{@code port} (0 picks a free one); keeps its transactions in {@code folder} when given. */
    public static MidtransSimulator start(int port, Optional<Path> folder, Supplier<String> serverKey, Clock clock) throws IOException {
        return new MidtransSimulator(new TransactionStore(folder), serverKey, clock, port);
    }

    /** The base URL functions call: what {@code WARROOM_MIDTRANS_BASE_URL} is set to. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Where the transactions are kept, when anywhere but memory. */
    public Optional<Path> transactionsDir() {
        return store.folder();
    }

    public String serverKey() {
        return serverKey.get();
    }

    /**
     * Records the order's transaction as {@code status} (a new one, or the order's existing one moved on: same
     * transaction id, payment type and time) and answers it.
     */
    public SimulatedTransaction record(String orderId, PaymentStatus status, PaymentStatus.FraudStatus fraud, String grossAmount,
                                       String currency) {
        synchronized (store) {
            Optional<SimulatedTransaction> existing = store.byOrderId(orderId);
            String now = TIME.format(clock.instant());
            String transactionTime = existing.map(SimulatedTransaction::transactionTime).orElse(now);
            Optional<String> settled = switch (status) {
                case SETTLEMENT -> Optional.of(now);
                case REFUND -> existing.flatMap(SimulatedTransaction::settlementTime).or(() -> Optional.of(now));
                default -> existing.flatMap(SimulatedTransaction::settlementTime);
            };
            SimulatedTransaction transaction = new SimulatedTransaction(orderId,
                    existing.map(SimulatedTransaction::transactionId).orElseGet(() -> UUID.randomUUID().toString()),
                    existing.map(SimulatedTransaction::paymentType).orElse(status.defaultPaymentType()),
                    status, fraud, grossAmount, currency, transactionTime, settled,
                    existing.map(SimulatedTransaction::expiryTime).orElseGet(() -> TIME.format(clock.instant().plusSeconds(24 * 3600))),
                    existing.map(SimulatedTransaction::vaNumber).orElseGet(MidtransSimulator::vaNumber));
            store.put(transaction);
            return transaction;
        }
    }

    public Optional<SimulatedTransaction> transaction(String orderId) {
        return store.byOrderId(orderId);
    }

    private static String vaNumber() {
        return "12345" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    @Override
    public void close() {
        server.close();
    }

    private final class StatusApi implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                Matcher status = STATUS.matcher(exchange.getRequestURI().getRawPath());
                if (!exchange.getRequestMethod().equals("GET") || !status.matches()) {
                    send(exchange, 404, answer("404", "The requested resource is not found"));
                    return;
                }
                if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    send(exchange, 401, answer("401", "Access denied due to unauthorized transaction, please check client or server key"));
                    return;
                }
                String id = URLDecoder.decode(status.group(1), StandardCharsets.UTF_8);
                Optional<SimulatedTransaction> found = store.byOrderId(id).or(() -> store.byTransactionId(id));
                if (found.isEmpty()) {
                    send(exchange, 404, answer("404", "Transaction doesn't exist."));
                    return;
                }
                send(exchange, 200, found.get().statusAnswer(serverKey.get()));
            }
        }

        private boolean authorized(String header) {
            if (header == null || !header.startsWith("Basic ")) {
                return false;
            }
            byte[] expected = Base64.getEncoder().encode((serverKey.get() + ":").getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, header.substring("Basic ".length()).strip().getBytes(StandardCharsets.UTF_8));
        }

        private static Map<String, Object> answer(String statusCode, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status_code", statusCode);
            body.put("status_message", message);
            return body;
        }

        private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
            byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
