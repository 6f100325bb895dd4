package com.warroom.local.custody;

import com.warroom.json.Json;
import com.warroom.local.lambda.FailureLog;
import com.warroom.payouts.rail.CallbackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The simulator's webhook: each event POSTed as {@code {"type","tenantId","timestamp","data":{transaction}}} with
 * {@code Fireblocks-Signature} = base64(RSA-SHA512(body)) by the simulator's own key, to the callback URL once one is
 * given. Sent one at a time, in the order the events happened, as a receiver would see a custodian's; an answer other
 * than 2xx, or none, goes to the failure log.
 */
final class CustodyCallbacks implements AutoCloseable {

    static final String TENANT_ID = "00000000-0000-4000-8000-00000000c051";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RSAPrivateKey signingKey;
    private final FailureLog failures;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("custody-callbacks").factory());
    private final Map<String, CallbackDelivery> lastByTransaction = new ConcurrentHashMap<>();
    private volatile Optional<URI> url = Optional.empty();

    CustodyCallbacks(RSAPrivateKey signingKey, FailureLog failures, Clock clock) {
        this.signingKey = signingKey;
        this.failures = failures;
        this.clock = clock;
    }

    void sendTo(URI callbackUrl) {
        url = Optional.of(callbackUrl);
    }

    Optional<CallbackDelivery> last(String transactionId) {
        return Optional.ofNullable(lastByTransaction.get(transactionId));
    }

    /** Queues the event; the future completes when it has been delivered, or could not be. */
    CompletableFuture<CallbackDelivery> send(String type, CustodyTransaction transaction) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("tenantId", TENANT_ID);
        event.put("timestamp", clock.millis());
        event.put("data", transaction.json());
        String body = Json.write(event);
        return CompletableFuture.supplyAsync(() -> deliver(transaction, body), sender)
                .whenComplete((delivery, failure) -> {
                    if (delivery != null) {
                        lastByTransaction.put(transaction.id(), delivery);
                    }
                });
    }

    private CallbackDelivery deliver(CustodyTransaction transaction, String body) {
        Optional<URI> target = url;
        if (target.isEmpty()) {
            return new CallbackDelivery.NoUrl();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(target.get())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Fireblocks-Signature", CallbackSignature.sign(signingKey, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        String what = "custody callback for " + transaction.externalTxId() + " (" + transaction.status() + ") to " + target.get();
        try {
            HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() < 200 || answer.statusCode() > 299) {
                failures.failed(what, new IOException("answered HTTP " + answer.statusCode() + ": " + answer.body()));
            }
            return new CallbackDelivery.Answered(target.get(), answer.statusCode(), answer.body());
        } catch (IOException e) {
            failures.failed(what, e);
            return new CallbackDelivery.Failed(target.get(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CallbackDelivery.Failed(target.get(), "the simulator stopped while sending it");
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
