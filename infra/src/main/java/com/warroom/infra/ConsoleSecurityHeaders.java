package com.warroom.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.constructs.Construct;

/**
 * The security headers CloudFront adds to every console response: the same Content-Security-Policy as the local
 * runner's (the console's own scripts and styles only, nothing inline), except that the page may also talk to the
 * HTTP API and to Cognito's hosted UI, which are other origins in AWS; HSTS, nosniff, no referrer, no framing.
 */
final class ConsoleSecurityHeaders {

    /** Two years, as the HSTS preload list asks; at least one year is the common floor. */
    static final Duration HSTS_MAX_AGE = Duration.days(730);

    private ConsoleSecurityHeaders() {
    }

    /** The CSP for a console whose API is at {@code apiOrigin} and whose sign-in is at {@code signInOrigin}. */
    static String contentSecurityPolicy(String apiOrigin, String signInOrigin) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                // fetch: the API, and the hosted UI's /oauth2/token (the code for tokens exchange)
                "connect-src 'self' " + apiOrigin + " " + signInOrigin,
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "form-action 'self' " + signInOrigin,
                "object-src 'none'");
    }

    static ResponseHeadersPolicy policy(Construct scope, String id, String apiOrigin, String signInOrigin) {
        return ResponseHeadersPolicy.Builder.create(scope, id)
                .comment("Warroom console: strict CSP, HSTS, nosniff, no referrer, no framing")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(contentSecurityPolicy(apiOrigin, signInOrigin))
                                .override(true)
                                .build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(HSTS_MAX_AGE)
                                .includeSubdomains(true)
                                .override(true)
                                .build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.NO_REFERRER)
                                .override(true)
                                .build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.DENY)
                                .override(true)
                                .build())
                        .build())
                .build();
    }
}
