package com.warroom.payouts.rail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One custody API request, authenticated as Fireblocks requires: {@code X-API-Key} and a fresh {@link RequestJwt} for
 * this path and body; a create also carries its {@code Idempotency-Key}.
 */
final class CustodyHttp {

    private final HttpClient http;
    private final String baseUrl;
    private final CustodyCredentials credentials;
    private final Duration timeout;
    private final Clock clock;

    CustodyHttp(HttpClient http, URI baseUrl, CustodyCredentials credentials, Duration timeout, Clock clock) {
        this.http = http;
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
    }

    Duration timeout() {
        return timeout;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path, new byte[0]).GET());
    }

    HttpResponse<String> post(String path, String json, CustodyIdempotencyKey key) throws IOException, InterruptedException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(request(path, body)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key.value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The answer's body, at most {@code max} characters of it, for a reason or a log line. */
    static String excerpt(String body, int max) {
        String text = Optional.ofNullable(body).orElse("").strip().replaceAll("\\s+", " ");
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    // the uri claim is the API path (/v1/...), whatever path the base URL has in front of it
    private HttpRequest.Builder request(String path, byte[] body) {
        String apiKey = credentials.apiKey();
        String jwt = RequestJwt.sign(credentials.signingKey(), apiKey, path, body, clock.instant());
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("X-API-Key", apiKey)
                .header("Authorization", "Bearer " + jwt);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
