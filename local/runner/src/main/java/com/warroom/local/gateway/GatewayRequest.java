package com.warroom.local.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the local gateway received it, before API Gateway's transformations: the raw path
 * and query, every header line, a body already known to be within the size limit, and the gateway port it came in on.
 */
record GatewayRequest(
        String requestId,
        Instant receivedAt,
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        String protocol,
        int localPort) {

    GatewayRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = lowerCaseNames(headers);
    }

    /** A header's values as API Gateway passes them on: repeated lines joined with commas. */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).map(values -> String.join(",", values));
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        lower.replaceAll((name, values) -> List.copyOf(values));
        return Map.copyOf(lower);
    }
}
