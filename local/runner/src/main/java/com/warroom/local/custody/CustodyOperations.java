package com.warroom.local.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.payouts.rail.RailStatus;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The control endpoint's {@code /custody/} operations for {@code ./warroom custody}: {@code GET /custody/transactions};
 * {@code POST /custody/complete} {@code {"payout"}} and {@code POST /custody/fail} {@code {"payout","status"}}, which
 * answer once the callback has been delivered (200, 404 no transaction, 409 already final); {@code POST /custody/inject}
 * {@code {"payout","fault","times"}}. Bad input is 422 with why.
 */
public final class CustodyOperations {

    /** An answer: HTTP status and JSON body. */
    public record Reply(int status, Map<String, ?> body) {
    }

    /** A payout id as the payouts API takes it (its Idempotency-Key). */
    static final Pattern PAYOUT_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    // a guard against a receiver that hangs, longer than the callback's own timeout
    private static final Duration CALLBACK_GUARD = Duration.ofSeconds(30);

    private final CustodySimulator simulator;

    public CustodyOperations(CustodySimulator simulator) {
        this.simulator = simulator;
    }

    public Reply answer(String method, String path, String body) {
        if (method.equals("GET") && path.equals("/custody/transactions")) {
            return new Reply(200, list());
        }
        if (!method.equals("POST")) {
            return refuse(404, "no such control operation");
        }
        JsonNode request;
        try {
            request = Json.readTree(body);
        } catch (UncheckedIOException e) {
            return refuse(422, "the request is not JSON");
        }
        String payout = request == null ? "" : request.path("payout").asText("");
        if (!PAYOUT_ID.matcher(payout).matches()) {
            return refuse(422, "--payout must be a payout id: 1 to 100 letters, digits, '.', '_' or '-'");
        }
        return switch (path) {
            case "/custody/complete" -> moved(simulator.complete(payout));
            case "/custody/fail" -> RailStatus.known(request.path("status").asText(""))
                    .filter(RailStatus::finalFailure)
                    .map(status -> moved(simulator.fail(payout, status)))
                    .orElseGet(() -> refuse(422, "--status must be one of FAILED|REJECTED|CANCELLED|BLOCKED"));
            case "/custody/inject" -> inject(payout, request);
            default -> refuse(404, "no such control operation");
        };
    }

    private Reply inject(String payout, JsonNode request) {
        Optional<CustodyFault> fault = CustodyFault.fromWire(request.path("fault").asText(""));
        int times = request.path("times").asInt(0);
        if (fault.isEmpty()) {
            return refuse(422, "--fault must be one of " + CustodyFault.catalogue());
        }
        if (times < 1) {
            return refuse(422, "--times must be 1 or more");
        }
        simulator.inject(payout, fault.get(), times);
        return new Reply(200, Map.of("payout", payout, "fault", fault.get().wireName(), "times", times));
    }

    private Reply moved(CustodyLedger.Moved moved) {
        return switch (moved) {
            case CustodyLedger.Moved.Done done -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("transaction", done.transaction().json());
                body.put("callback", awaited(done));
                yield new Reply(200, body);
            }
            case CustodyLedger.Moved.NoTransaction none -> refuse(404, "the custody simulator has no transaction of payout " + none.payoutId()
                    + "; arm a fault for it with ./warroom custody inject before it is submitted");
            case CustodyLedger.Moved.AlreadyFinal done -> refuse(409, "transaction " + done.transaction().id() + " ("
                    + done.transaction().externalTxId() + ") is already " + done.transaction().status() + "; a final status does not change");
        };
    }

    private Map<String, Object> list() {
        List<Map<String, Object>> transactions = simulator.transactions().stream().map(t -> {
            Map<String, Object> json = new LinkedHashMap<>(t.json());
            json.put("held", t.held());
            simulator.lastCallback(t.id()).ifPresent(delivery -> json.put("lastCallback", delivery(delivery)));
            return json;
        }).toList();
        Map<String, Object> armed = new LinkedHashMap<>();
        simulator.armed().forEach((payout, fault) -> armed.put(payout, Map.of("fault", fault.fault().wireName(), "times", fault.times())));
        return Map.of("transactions", transactions, "armed", armed);
    }

    private static Map<String, Object> awaited(CustodyLedger.Moved.Done done) {
        try {
            return delivery(done.callback().get(CALLBACK_GUARD.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("error", "interrupted while waiting for the callback");
        } catch (ExecutionException | TimeoutException e) {
            return Map.of("error", "the callback did not finish: " + e);
        }
    }

    static Map<String, Object> delivery(CallbackDelivery delivery) {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (delivery) {
            case CallbackDelivery.Answered answered -> {
                json.put("url", answered.url().toString());
                json.put("status", answered.status());
                json.put("body", answered.body());
            }
            case CallbackDelivery.Failed failed -> {
                json.put("url", failed.url().toString());
                json.put("error", failed.why());
            }
            case CallbackDelivery.NoUrl none -> json.put("error", "no callback URL is set");
        }
        return json;
    }

    private static Reply refuse(int status, String why) {
        return new Reply(status, Map.of("error", why));
    }
}
