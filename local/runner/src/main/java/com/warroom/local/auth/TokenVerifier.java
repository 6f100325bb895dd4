package com.warroom.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The local stand-in for API Gateway's JWT authorizer: an RS256 signature by the local key (found by
 * {@code kid}), the issuer, the client ({@code aud}, else {@code client_id}), a Cognito {@code token_use}, groups (if any) as a list of names,
 * and the token's time window with a minute of clock skew. Roles are not its business: handlers check them.
 */
public final class TokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final String BEARER = "bearer ";
    private static final Set<String> TOKEN_USES = Set.of("access", "id");
    private static final String GROUPS = "cognito:groups";

    private final RSAKey publicKey;
    private final RSASSAVerifier signature;
    private final LocalIdentity identity;
    private final Clock clock;

    public TokenVerifier(RSAKey key, LocalIdentity identity, Clock clock) {
        this.publicKey = key.toPublicJWK();
        this.identity = identity;
        this.clock = clock;
        try {
            this.signature = new RSASSAVerifier(publicKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable RSA verification key", e);
        }
    }

    /** Checks the value of an {@code Authorization} header, if the request had one. */
    public TokenCheck check(Optional<String> authorization) {
        if (authorization.isEmpty() || !authorization.get().toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return new TokenCheck.Rejected("send Authorization: Bearer <token>; ./warroom token prints one");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(authorization.get().substring(BEARER.length()).trim());
        } catch (ParseException e) {
            return new TokenCheck.Rejected("the bearer token is not a signed JWT");
        }
        Optional<String> signatureProblem = signatureProblem(jwt);
        if (signatureProblem.isPresent()) {
            return new TokenCheck.Rejected(signatureProblem.get());
        }
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return claimsProblem(claims).<TokenCheck>map(TokenCheck.Rejected::new)
                    .orElseGet(() -> new TokenCheck.Accepted(claims.toJSONObject()));
        } catch (ParseException e) {
            return new TokenCheck.Rejected("the token's claims are not a JSON object");
        }
    }

    private Optional<String> signatureProblem(SignedJWT jwt) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return Optional.of("the token must be signed with RS256, not " + jwt.getHeader().getAlgorithm());
        }
        if (!publicKey.getKeyID().equals(jwt.getHeader().getKeyID())) {
            return Optional.of("the token was signed by an unknown key (kid " + jwt.getHeader().getKeyID() + ")");
        }
        try {
            return jwt.verify(signature) ? Optional.empty() : Optional.of("the token's signature does not verify");
        } catch (JOSEException e) {
            return Optional.of("the token's signature does not verify");
        }
    }

    private Optional<String> claimsProblem(JWTClaimsSet claims) throws ParseException {
        if (!identity.issuer().equals(claims.getIssuer())) {
            return Optional.of("the token's issuer is " + claims.getIssuer() + ", not " + identity.issuer());
        }
        Object tokenUse = claims.getClaim("token_use");
        if (!(tokenUse instanceof String use && TOKEN_USES.contains(use))) {
            return Optional.of("the token's token_use must be access or id, not " + tokenUse);
        }
        if (!isListOfNames(claims.getClaim(GROUPS))) {
            return Optional.of("the token's " + GROUPS + " must be a list of group names");
        }
        List<String> audience = claims.getAudience().isEmpty()
                ? Optional.ofNullable(claims.getStringClaim("client_id")).map(List::of).orElse(List.of())
                : claims.getAudience();
        if (!audience.contains(identity.clientId())) {
            return Optional.of("the token was not issued for client " + identity.clientId());
        }
        return timeProblem(claims);
    }

    // Cognito only ever issues a list of names; anything else (a lone string, nulls, numbers, nesting) is refused
    // rather than guessed at, since handlers derive roles from it
    private static boolean isListOfNames(Object groups) {
        return groups == null || groups instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }

    private Optional<String> timeProblem(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        Date notBefore = claims.getNotBeforeTime();
        Date issued = claims.getIssueTime();
        if (expires == null || issued == null) {
            return Optional.of("the token must carry exp and iat");
        }
        if (!now.minus(CLOCK_SKEW).isBefore(expires.toInstant())) {
            return Optional.of("the token expired at " + expires.toInstant());
        }
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("the token is not valid before " + notBefore.toInstant());
        }
        if (issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("the token was issued in the future (" + issued.toInstant() + ")");
        }
        return Optional.empty();
    }
}
