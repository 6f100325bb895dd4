package com.warroom.http;

import java.util.Locale;
import java.util.Optional;

/**
 * The one media type a request body may have: {@code application/json}, in any case, with no charset or
 * {@code charset=utf-8} (RFC 8259 makes UTF-8 the only encoding of JSON exchanged between systems).
 * Structured-syntax types ({@code application/*+json}) are refused: no route speaks merge-patch or problem
 * documents, and a client sending one means something else than the route does. Parameters other than
 * {@code charset} are ignored.
 */
final class JsonMediaType {

    private static final String JSON = "application/json";

    private JsonMediaType() {
    }

    /** Why a body with this {@code Content-Type} header is refused, or empty when it is JSON in UTF-8. */
    static Optional<String> whyRefused(Optional<String> contentType) {
        if (contentType.isEmpty() || contentType.get().isBlank()) {
            return Optional.of("a body needs Content-Type: application/json");
        }
        String[] parts = contentType.get().split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(JSON)) {
            return Optional.of("the body must be " + JSON + ", not " + type);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    return Optional.of("a JSON body must be encoded in UTF-8, not charset " + (charset.isEmpty() ? "(empty)" : charset));
                }
            }
        }
        return Optional.empty();
    }
}
