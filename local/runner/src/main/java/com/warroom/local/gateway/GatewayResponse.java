package com.warroom.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.http.Problem;
import com.warroom.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the gateway sends back: a status, header lines and body bytes. */
record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {

    GatewayResponse {
        headers = Map.copyOf(headers);
    }

    static GatewayResponse problem(Problem problem) {
        return new GatewayResponse(problem.status(), Map.of("Content-Type", List.of("application/problem+json")),
                Json.write(problem).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A function's answer as API Gateway relays it: its headers, each cookie as a {@code Set-Cookie} line,
     * and a base64 body decoded; empty when the answer is not a valid HTTP response.
     */
    static Optional<GatewayResponse> fromFunction(APIGatewayV2HTTPResponse response) {
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) ->
                    headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        }
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            headers.put("Set-Cookie", response.getCookies());
        }
        String body = response.getBody() == null ? "" : response.getBody();
        try {
            byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
            headers.replaceAll((name, values) -> List.copyOf(values));
            return Optional.of(new GatewayResponse(response.getStatusCode(), headers, bytes));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    GatewayResponse withHeader(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        more.put(name, List.of(value));
        return new GatewayResponse(status, more, body);
    }
}
