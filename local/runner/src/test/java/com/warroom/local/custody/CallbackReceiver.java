package com.warroom.local.custody;

import com.sun.net.httpserver.HttpServer;
import com.warroom.payouts.rail.PayoutRail;
import com.warroom.payouts.rail.RailTransaction;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook on loopback that takes every callback and checks it the way the payouts webhook will: with the rail. */
final class CallbackReceiver implements AutoCloseable {

    /** One callback as received: lower-case header names, the raw body. */
    record Received(Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/webhooks/custody", exchange -> {
            try (exchange) {
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
                received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/webhooks/custody");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The transactions the callbacks report about {@code externalTxId}, in the order they came, each checked by the rail. */
    List<RailTransaction> about(String externalTxId, PayoutRail rail) {
        List<RailTransaction> transactions = new ArrayList<>();
        for (Received callback : received) {
            RailTransaction transaction = rail.parseCallback(callback.headers(), callback.body());
            if (transaction.externalId().equals(externalTxId)) {
                transactions.add(transaction);
            }
        }
        return transactions;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
