package com.warroom.local.gateway;

import com.warroom.http.Problem;
import com.warroom.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's error handler for the gateway: answers the requests Jetty refuses while parsing them (a request line or
 * target it cannot read, a bad header, a bad Content-Length, a head too large) with the same problem+json as
 * every other error of the gateway, closes the connection, and logs one line for each. No function is called.
 * The detail says what is wrong in words; never a class name or a stack.
 */
final class RefusedRequests implements Request.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedRequests.class);

    private static final String MALFORMED = "malformed-request";
    private static final String MALFORMED_TITLE = "Request is malformed";
    private static final String GENERIC = "the request is not valid HTTP/1.1";

    // Jetty's reasons, by how they start, in the gateway's words
    private static final List<Map.Entry<String, Function<String, String>>> REASONS = List.of(
            Map.entry("No URI", reason -> "the request line is not <method> <target> HTTP/1.1"),
            Map.entry("Illegal character ", reason -> "the request line or a header holds a character not allowed there ("
                    + reason.substring("Illegal character ".length()) + ")"),
            Map.entry("Line Folding not supported", reason -> "a header line has no name, or starts with white space to continue "
                    + "the line before (obsolete line folding)"),
            Map.entry("No Host", reason -> "an HTTP/1.1 request needs a Host header"),
            Map.entry("Duplicate Host", reason -> "Host is sent more than once"),
            Map.entry("Bad HostPort", reason -> "Host is not a host name or address with an optional port"),
            Map.entry("Invalid Content-Length", reason -> "Content-Length is not a whole number of bytes"),
            Map.entry("Multiple Content-Length", reason -> "Content-Length is sent more than once"),
            Map.entry("Transfer-Encoding and Content-Length", reason -> "a request sends either Transfer-Encoding or Content-Length, not both"),
            Map.entry("Bad Transfer-Encoding", reason -> "Transfer-Encoding must end with chunked"),
            Map.entry("Unsupported Version", reason -> "the HTTP version is not supported; send HTTP/1.1"),
            Map.entry("Unknown Version", reason -> "the HTTP version is not supported; send HTTP/1.1"));

    private final int maxHeadBytes;

    RefusedRequests(int maxHeadBytes) {
        this.maxHeadBytes = maxHeadBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : 500;
        Throwable failure = request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof Throwable thrown ? thrown : null;
        Problem problem = problem(status, request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String message ? message : "", failure);
        if (problem.type().endsWith("/internal")) {
            LOG.error("the local gateway failed to answer a request from {}", Request.getRemoteAddr(request), failure);
        } else {
            LOG.warn("refused a request from {} before routing it: {} {}", Request.getRemoteAddr(request), status, problem.detail());
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        // whatever follows a request that could not be parsed cannot be trusted to start the next one
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        byte[] body = Json.write(problem).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private Problem problem(int status, String reason, Throwable failure) {
        return switch (status) {
            case 414 -> Problem.of(414, "uri-too-long", "Request target too long", "the request line is over " + maxHeadBytes + " bytes");
            case 431 -> Problem.of(431, "request-header-fields-too-large", "Request headers too large",
                    "the request line and headers are over " + maxHeadBytes + " bytes");
            case 505 -> Problem.of(505, "http-version-not-supported", "HTTP version not supported", detail(reason, failure));
            default -> status >= 500
                    ? Problem.of(status, "internal", "Internal error", "the local gateway failed to answer; its log says why")
                    : Problem.of(status, MALFORMED, MALFORMED_TITLE, detail(reason, failure));
        };
    }

    private static String detail(String reason, Throwable failure) {
        for (Map.Entry<String, Function<String, String>> known : REASONS) {
            if (reason.startsWith(known.getKey())) {
                return known.getValue().apply(reason);
            }
        }
        Optional<String> fromCause = failure == null ? Optional.empty() : fromCause(failure.getCause());
        if (fromCause.isPresent()) {
            return fromCause.get();
        }
        // a target Jetty could parse but the gateway's URI compliance refuses, such as one with a fragment
        boolean uriViolation = Arrays.stream(UriCompliance.Violation.values()).anyMatch(v -> v.getDescription().equals(reason));
        if (uriViolation || reason.equals("Bad URI path")) {
            return "the request target is not valid: " + reason.toLowerCase(Locale.ROOT);
        }
        return reason.isBlank() || reason.equals("Bad Request") || !reason.matches("[A-Za-z0-9 !=,'/-]+")
                ? GENERIC
                : GENERIC + " (" + reason + ")";
    }

    // Jetty gives only "Bad Request" when a parse of the target or of a number throws: where it threw says what was wrong
    private static Optional<String> fromCause(Throwable cause) {
        if (cause == null) {
            return Optional.empty();
        }
        if (thrownIn(cause, "convertContentLength")) {
            return Optional.of("Content-Length is not a whole number of bytes");
        }
        if (thrownIn(cause, "org.eclipse.jetty.http.HttpURI")) {
            return Optional.of(cause instanceof NumberFormatException || String.valueOf(cause.getMessage()).contains("%")
                    ? "the path is not valid percent-encoding: each % must be followed by two hex digits"
                    : "the path holds a character that is not allowed there");
        }
        return Optional.empty();
    }

    private static boolean thrownIn(Throwable cause, String classOrMethod) {
        return Arrays.stream(cause.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith(classOrMethod) || frame.getMethodName().equals(classOrMethod));
    }
}
