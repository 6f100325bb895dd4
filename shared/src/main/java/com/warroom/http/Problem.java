package com.warroom.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An RFC 9457 problem detail. {@code extensions} are the problem type's own members, written next to the standard ones
 * (e.g. the {@code rule} that refused a request).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      @JsonIgnore Map<String, Object> extensions) {

    public static final String TYPE_BASE = "https://warroom.dev/problems/";

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors");

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, Map.of());
    }

    /** This problem with one more extension member; a standard member's name is refused. */
    public Problem with(String member, Object value) {
        if (STANDARD_MEMBERS.contains(member)) {
            throw new IllegalArgumentException(member + " is a standard problem member, not an extension");
        }
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, errors, more);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }

    public static Problem validation(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new Problem(TYPE_BASE + "validation", "Request is not valid", 400, detail, errors);
    }

    public static Problem invalidField(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static Problem malformedJson(String detail) {
        return of(400, "malformed-json", "Request body is not valid JSON", detail);
    }

    public static Problem unauthorized(String detail) {
        return of(401, "unauthorized", "Authentication required", detail);
    }

    public static Problem forbidden(String detail) {
        return of(403, "forbidden", "Not allowed", detail);
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    public static Problem methodNotAllowed(String detail) {
        return of(405, "method-not-allowed", "Method not allowed", detail);
    }

    public static Problem conflict(String detail) {
        return of(409, "conflict", "Conflict", detail);
    }

    /** The {@code Idempotency-Key} of a request that is still running; answered with {@code Retry-After}. */
    public static Problem requestInProgress(String detail) {
        return of(409, "request-in-progress", "Request in progress", detail);
    }

    /** The {@code Idempotency-Key} was used before with another request. */
    public static Problem idempotencyKeyReused(String detail) {
        return of(422, "idempotency-key-reused", "Idempotency key reused", detail);
    }

    public static Problem payloadTooLarge(String detail) {
        return of(413, "payload-too-large", "Request body too large", detail);
    }

    public static Problem unsupportedMediaType(String detail) {
        return of(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    public static Problem internal(String requestId) {
        return of(500, "internal", "Internal error", "The request failed; quote request id " + requestId + " to support.");
    }

    public static Problem unavailable(String detail) {
        return of(503, "unavailable", "Service unavailable", detail);
    }
}
