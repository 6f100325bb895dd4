package com.warroom.console;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ops console's Content-Security-Policy, one for both places that serve it: its own scripts and styles only,
 * nothing inline, no framing. Locally the API and the sign-in share the console's origin; in AWS they are other
 * origins (the HTTP API, Cognito's hosted UI), which the page may then also reach.
 */
public final class ConsolePolicy {

    private ConsolePolicy() {
    }

    /** The CSP; {@code apiOrigin} and {@code signInOrigin} are null when they are the console's own origin. */
    public static String contentSecurityPolicy(String apiOrigin, String signInOrigin) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                // fetch: the API, and the hosted UI's /oauth2/token (the code for tokens exchange)
                sources("connect-src 'self'", apiOrigin, signInOrigin),
                "frame-ancestors 'none'",
                "base-uri 'none'",
                sources("form-action 'self'", signInOrigin),
                "object-src 'none'");
    }

    private static String sources(String directive, String... origins) {
        return Stream.concat(Stream.of(directive), Arrays.stream(origins).filter(Objects::nonNull))
                .collect(Collectors.joining(" "));
    }
}
