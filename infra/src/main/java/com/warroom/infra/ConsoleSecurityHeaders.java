package com.warroom.infra;

import com.warroom.console.ConsolePolicy;
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
 * The security headers CloudFront adds to every console response: the console's Content-Security-Policy
 * ({@link ConsolePolicy}, the same as the local runner's, with the HTTP API and Cognito's hosted UI as the other
 * origins they are in AWS); HSTS, nosniff, no referrer, no framing.
 */
final class ConsoleSecurityHeaders {

    /** Two years, as the HSTS preload list asks; at least one year is the common floor. */
    static final Duration HSTS_MAX_AGE = Duration.days(730);

    private ConsoleSecurityHeaders() {
    }

    /** The CSP for a console whose API is at {@code apiOrigin} and whose sign-in is at {@code signInOrigin}. */
    static String contentSecurityPolicy(String apiOrigin, String signInOrigin) {
        return ConsolePolicy.contentSecurityPolicy(apiOrigin, signInOrigin);
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
