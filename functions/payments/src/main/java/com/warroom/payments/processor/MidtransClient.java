package com.warroom.payments.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.aws.Settings;
import com.warroom.json.Json;
import com.warroom.payments.MidtransServerKey;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Midtrans's get-status API, {@code GET {base}/v2/{order_id}/status} with Basic auth {@code base64(serverKey + ":")}, on
 * the JDK's HttpClient. The base URL is the topology's {@code WARROOM_MIDTRANS_BASE_URL} (sandbox by default,
 * production by the CDK context, the local simulator on a laptop). Midtrans's own Java library is not used: it knows
 * only the sandbox and production URLs (so neither WireMock nor the local simulator can stand in for Midtrans), it logs
 * the Authorization header (the server key) in sandbox mode, and it would add 2.6 MB to the jar (BENCHMARKS.md,
 * "The Midtrans client").
 *
 * <p>The timeouts keep a batch of ten checks inside the processor's 60-second timeout.
 */
public final class MidtransClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final String baseUrl;
    private final Supplier<String> serverKey;
    private final Duration requestTimeout;

    public MidtransClient(HttpClient http, URI baseUrl, Supplier<String> serverKey, Duration requestTimeout) {
        this.http = http;
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.serverKey = serverKey;
        this.requestTimeout = requestTimeout;
    }

    /** The client of this process: its base URL from the topology, its key from the topology's secret. */
    public static MidtransClient fromSettings(MidtransServerKey serverKey) {
        String base = Settings.find(Topology.MIDTRANS_API.baseUrlEnvVar())
                .or(Topology.MIDTRANS_API::defaultBaseUrl)
                .orElseThrow(() -> new IllegalStateException("missing setting " + Topology.MIDTRANS_API.baseUrlEnvVar()));
        return new MidtransClient(httpClient(), URI.create(base), serverKey::value, REQUEST_TIMEOUT);
    }

    /** One client per function: it keeps its connections for the next check. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * What Midtrans says of the order now. A 404 (as the HTTP status, or as {@code status_code} in a 200 answer, as
     * some API versions send it) is {@link MidtransAnswer.NotFound}.
     *
     * @throws MidtransUnavailable when there is no usable answer
     */
    public MidtransAnswer status(String orderId) {
        String auth = Base64.getEncoder().encodeToString((serverKey.get() + ":").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8) + "/status"))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + auth)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MidtransUnavailable("get-status of " + orderId + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MidtransUnavailable("get-status of " + orderId + " was interrupted", e);
        }
        return answer(orderId, response.statusCode(), response.body());
    }

    static MidtransAnswer answer(String orderId, int httpStatus, String body) {
        if (httpStatus == 404) {
            return new MidtransAnswer.NotFound();
        }
        if (httpStatus == 401 || httpStatus == 403) {
            throw new MidtransUnavailable("Midtrans refused the server key (HTTP " + httpStatus + ") for " + orderId
                    + ": check the midtrans-server-key secret against the base URL (sandbox or production)");
        }
        if (httpStatus < 200 || httpStatus > 299) {
            throw new MidtransUnavailable("get-status of " + orderId + " answered HTTP " + httpStatus);
        }
        JsonNode json;
        try {
            json = Json.readTree(body == null ? "" : body);
        } catch (UncheckedIOException e) {
            throw new MidtransUnavailable("get-status of " + orderId + " answered HTTP " + httpStatus + " with a body that is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new MidtransUnavailable("get-status of " + orderId + " answered HTTP " + httpStatus + " with a body that is not a JSON object");
        }
        var transaction = MidtransTransaction.of(json);
        Optional<String> answeredFor = MidtransTransaction.text(json, "order_id");
        if (transaction.isPresent() && answeredFor.isPresent() && !answeredFor.get().equals(orderId)) {
            // never apply another order's status to this one, whatever went wrong upstream
            throw new MidtransUnavailable("get-status of " + orderId + " answered for order " + answeredFor.get());
        }
        if (transaction.isPresent()) {
            return new MidtransAnswer.Found(transaction.get());
        }
        String statusCode = MidtransTransaction.text(json, "status_code").orElse("");
        if (statusCode.equals("404")) {
            return new MidtransAnswer.NotFound();
        }
        throw new MidtransUnavailable("get-status of " + orderId + " answered status_code " + (statusCode.isEmpty() ? "(none)" : statusCode)
                + " without a transaction_status" + (statusCode.equals("401") ? ": Midtrans refused the server key" : ""));
    }
}
