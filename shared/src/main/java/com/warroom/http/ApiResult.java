package com.warroom.http;

import java.util.Map;

/** What a route action answers: a status and a body the router encodes as JSON. */
public record ApiResult(int status, Object body, Map<String, String> headers) {

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

    public static ApiResult problem(Problem problem) {
        return new ApiResult(problem.status(), problem, Map.of());
    }

    public boolean isProblem() {
        return body instanceof Problem;
    }
}
