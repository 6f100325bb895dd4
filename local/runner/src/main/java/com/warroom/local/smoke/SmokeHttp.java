package com.warroom.local.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.warroom.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The smoke test's HTTP calls to the API under test: one method, a path, an optional bearer token, body and headers. */
public final class SmokeHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int EXCERPT = 300;

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SmokeHttp(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** What the API answered; status 0 when it could not be reached ({@code body} then says why). */
    public record Answer(String method, String path, int status, String body) {

        public JsonNode json() {
            try {
                return Json.readTree(body);
            } catch (RuntimeException notJson) {
                return MissingNode.getInstance();
            }
        }

        /** {@code GET /v1/health → 200 {"status":"ok"}}, the body cut to a few hundred characters. */
        public String seen() {
            String text = body.replaceAll("\\s+", " ").strip();
            return method + " " + path + " → " + (status == 0 ? "unreachable" : status)
                    + (text.isEmpty() ? "" : " " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text));
        }
    }

    /** A call; {@code body} empty sends none. */
    public Answer send(String method, String path, Optional<String> token, Optional<String> body, Map<String, String> headers) {
        // appended, not resolved: a stage in the base URL (https://x.execute-api.../prod) stays in front of /v1/...
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT)
                .method(method, body.map(text -> HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        body.ifPresent(text -> request.header("Content-Type", "application/json"));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(method, path, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(method, path, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(method, path, 0, "interrupted");
        }
    }

    public Answer get(String path, Optional<String> token) {
        return send("GET", path, token, Optional.empty(), Map.of());
    }
}
