package com.warroom.notifications.sender;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * WhatsApp through an HTTP provider speaking the WhatsApp Cloud API: {@code POST <base>/messages} with a bearer token
 * and {@code {"messaging_product":"whatsapp","to":...,"type":"text","text":{"body":...}}}; the base URL holds the API
 * version and the sender's phone number id ({@code https://graph.facebook.com/v21.0/<phone-number-id>}). A 429, a 408,
 * a 5xx or no answer is worth another try; another 4xx is not.
 */
public final class HttpWhatsAppSender implements WhatsAppSender {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ERROR_BODY = 300;

    private final HttpClient http;
    private final URI messages;
    private final Supplier<String> token;

    /** {@code token} is asked for each message, so a rotated secret is picked up (the secret reader caches it). */
    public HttpWhatsAppSender(HttpClient http, URI baseUrl, Supplier<String> token) {
        this.http = http;
        String base = baseUrl.toString();
        this.messages = URI.create((base.endsWith("/") ? base : base + "/") + "messages");
        this.token = token;
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    @Override
    public SendResult send(String phone, String text) {
        String bearer;
        try {
            bearer = token.get();
        } catch (RuntimeException e) {
            return SendResult.Failed.transientError("the WhatsApp token could not be read: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body(phone, text)), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return SendResult.Failed.transientError("WhatsApp provider unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.Failed.transientError("interrupted while sending to the WhatsApp provider");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new SendResult.Delivered(messageId(response.body()));
        }
        String error = "WhatsApp provider answered HTTP " + status + ": " + errorText(response.body());
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return retryable ? SendResult.Failed.transientError(error) : SendResult.Failed.permanentError(error);
    }

    private static Map<String, Object> body(String phone, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        // the Cloud API takes the number with its country code, without the '+'
        body.put("to", phone.startsWith("+") ? phone.substring(1) : phone);
        body.put("type", "text");
        body.put("text", Map.of("preview_url", false, "body", text));
        return body;
    }

    private static String messageId(String body) {
        try {
            JsonNode id = Json.readTree(body).path("messages").path(0).path("id");
            return id.isTextual() ? id.textValue() : "(no message id)";
        } catch (UncheckedIOException | NullPointerException e) {
            return "(no message id)";
        }
    }

    private static String errorText(String body) {
        try {
            JsonNode message = Json.readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return message.textValue();
            }
        } catch (UncheckedIOException e) {
            // not JSON: the text itself, shortened
        }
        String text = body == null ? "" : body.strip();
        return text.length() <= MAX_ERROR_BODY ? text : text.substring(0, MAX_ERROR_BODY) + "…";
    }
}
