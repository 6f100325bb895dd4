package com.warroom.http;

import java.util.Map;

/**
 * What a route action answers: a status and a body the router encodes as JSON, or a {@link Text} it sends as it is
 * (a readable page such as a reconcile report).
 */
public record ApiResult(int status, Object body, Map<String, String> headers) {

    /** A body that is not JSON: sent as it is, with its own content type. */
    public record Text(String contentType, String content) {
    }

    public ApiResult {
        headers = Map.copyOf(headers);
    }

    public static ApiResult ok(Object body) {
        return new ApiResult(200, body, Map.of());
    }

    public static ApiResult accepted(Object body) {
        return new ApiResult(202, body, Map.of());
    }

    public static ApiResult of(int status, Object body) {
        return new ApiResult(status, body, Map.of());
    }

    /** A 200 whose body is {@code content} of {@code contentType}, such as {@code text/html; charset=utf-8}. */
    public static ApiResult text(String contentType, String content) {
        return new ApiResult(200, new Text(contentType, content), Map.of());
    }

    public static ApiResult problem(Problem problem) {
        return new ApiResult(problem.status(), problem, Map.of());
    }

    public boolean isProblem() {
        return body instanceof Problem;
    }
}
