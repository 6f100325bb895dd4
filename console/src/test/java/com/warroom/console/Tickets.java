package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tickets as the platform files them for its signed-in users (POST /v1/support/tickets as role service), through the real API. */
final class Tickets {

    private final RunningWarroom warroom;
    private final String serviceToken;

    Tickets(RunningWarroom warroom) {
        this.warroom = warroom;
        this.serviceToken = warroom.serviceToken();
    }

    /** Files a ticket on behalf of {@code userId}; returns its id. */
    String file(String userId, String type, String title, String body) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userId", userId);
        request.put("type", type);
        request.put("title", title);
        request.put("body", body);
        RunningWarroom.Answer answer = warroom.call("POST", "/v1/support/tickets", Json.write(request), serviceToken);
        assertThat(answer.status()).as("POST /v1/support/tickets " + answer.body()).isEqualTo(201);
        return ticket(answer.body()).path("ticketId").asText();
    }

    /** A staff change (priority, assign, follow-up...) as {@code role} would make it from a script. */
    void change(String ticketId, String verb, String json, String role) throws Exception {
        RunningWarroom.Answer answer = warroom.call("POST", "/v1/support/tickets/" + ticketId + "/" + verb, json,
                warroom.token("script-" + role, role));
        assertThat(answer.status()).as("POST " + verb + " " + answer.body()).isBetween(200, 299);
    }

    /** An incident declared by ops (POST /v1/incidents), for a ticket to link to; returns its id. */
    String incident(String title) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", title);
        request.put("severity", "P2");
        request.put("components", java.util.List.of("refund"));
        request.put("detectedBy", "ticket");
        request.put("firstSeenAt", java.time.Instant.now().minusSeconds(600).toString());
        request.put("impact", Map.of("usersAffected", 3));
        request.put("commander", "ops-olga@example.com");
        RunningWarroom.Answer answer = warroom.call("POST", "/v1/incidents", Json.write(request), warroom.token("script-ops", "ops"));
        assertThat(answer.status()).as("POST /v1/incidents " + answer.body()).isEqualTo(201);
        return answer.body().path("incidentId").asText();
    }

    /** The ticket as staff read it (GET /v1/support/tickets/{id}). */
    JsonNode read(String ticketId) throws Exception {
        RunningWarroom.Answer answer = warroom.call("GET", "/v1/support/tickets/" + ticketId, null, warroom.token("reader", "ops"));
        assertThat(answer.status()).as("GET ticket " + answer.body()).isEqualTo(200);
        return ticket(answer.body());
    }

    /** The ticket of an answer, whether it comes alone or beside its history. */
    static JsonNode ticket(JsonNode answer) {
        return answer.has("ticket") ? answer.path("ticket") : answer;
    }
}
