package com.warroom.http;

import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as a route action sees it: decoded, with the caller already checked. {@code rawPath} is the path as
 * sent, with the path parameters in it; header names are lower case.
 */
public record ApiRequest(
        String routeKey,
        String rawPath,
        Map<String, String> query,
        Map<String, String> pathParameters,
        Map<String, String> headers,
        String body,
        Optional<Caller> caller,
        String requestId,
        String sourceIp) {

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /**
     * A request of the router's SnapStart priming: a route whose valid request writes (one that takes an empty body)
     * answers it with reads only.
     */
    public boolean priming() {
        return ApiRouter.PRIMING_REQUEST_ID.equals(requestId);
    }

    /** The caller of a route that requires one; the router never calls such a route without it. */
    public Caller requireCaller() {
        return caller.orElseThrow(() -> new IllegalStateException("route requires a caller"));
    }
}
