package com.warroom.local.custody;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.warroom.payouts.rail.RequestJwt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The simulator's check of a custody API request, as Fireblocks documents it: {@code X-API-Key} is the API key, and the
 * bearer JWT is RS256 by the key registered for it, names that key as {@code sub}, this request's path as {@code uri},
 * its body's SHA-256 as {@code bodyHash}, is live ({@code iat} not ahead, {@code exp} not past, at most 30 seconds) and
 * carries a nonce not seen before. A refusal carries Fireblocks's error code.
 */
final class CustodyAuth {

    /** Why a request is refused: 401 with {@code {"message","code"}}. */
    record Refusal(int code, String message) {
    }

    private static final Duration SKEW = Duration.ofSeconds(5);
    private static final Duration PURGE_EVERY = Duration.ofSeconds(1);

    private final Supplier<String> apiKey;
    private final Supplier<RSAPublicKey> clientKey;
    private final Clock clock;
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();
    private volatile Instant purged = Instant.EPOCH;

    CustodyAuth(Supplier<String> apiKey, Supplier<RSAPublicKey> clientKey, Clock clock) {
        this.apiKey = apiKey;
        this.clientKey = clientKey;
        this.clock = clock;
    }

    Optional<Refusal> check(String sentApiKey, String authorization, String uri, byte[] body) {
        String key = apiKey.get();
        if (sentApiKey == null || !MessageDigest.isEqual(sentApiKey.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
            return refuse(-7, "Unauthorized: the X-API-Key is not an API key of this workspace");
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return refuse(-3, "The entire JWT is missing");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(authorization.substring("Bearer ".length()).strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return refuse(-5, "Unauthorized: Invalid token format");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !verifies(jwt)) {
            return refuse(-1, "Invalid signature");
        }
        if (claims.getSubject() == null) {
            return refuse(-2, "Missing API Key in the JWT");
        }
        if (!claims.getSubject().equals(key)) {
            return refuse(-6, "Wrong User in the JWT");
        }
        if (!uri.equals(text(claims, "uri"))) {
            return refuse(-4, "Wrong URL in the JWT");
        }
        if (!RequestJwt.bodyHash(body).equals(text(claims, "bodyHash"))) {
            return refuse(-7, "Unauthorized: Token was not accepted (bodyHash is not the body's SHA-256)");
        }
        return live(claims);
    }

    private Optional<Refusal> live(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date iat = claims.getIssueTime();
        Date exp = claims.getExpirationTime();
        if (iat == null || iat.toInstant().isAfter(now.plus(SKEW))) {
            return refuse(-12, "The request is with a future issuance timestamp (iat)");
        }
        if (exp == null || !exp.toInstant().isAfter(now.minus(SKEW))
                || Duration.between(iat.toInstant(), exp.toInstant()).compareTo(RequestJwt.LIFETIME) > 0) {
            return refuse(-10, "The request has expired (exp must be after now and at most 30 seconds after iat)");
        }
        String nonce = text(claims, "nonce");
        if (nonce == null || nonce.isBlank() || nonces.putIfAbsent(nonce, exp.toInstant().plus(SKEW)) != null) {
            return refuse(-7, "Unauthorized: Token was not accepted (its nonce is missing or was used before)");
        }
        forgetExpired(now);
        return Optional.empty();
    }

    // a nonce matters only while its token could still be accepted
    private void forgetExpired(Instant now) {
        if (now.isAfter(purged.plus(PURGE_EVERY))) {
            purged = now;
            nonces.values().removeIf(until -> until.isBefore(now));
        }
    }

    private boolean verifies(SignedJWT jwt) {
        try {
            return jwt.verify(new RSASSAVerifier(clientKey.get()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    private static Optional<Refusal> refuse(int code, String message) {
        return Optional.of(new Refusal(code, message));
    }
}
