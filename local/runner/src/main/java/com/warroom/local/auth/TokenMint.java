package com.warroom.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.warroom.http.Caller;
import com.warroom.topology.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.SequencedSet;
import java.util.UUID;

/**
 * Signs dev tokens shaped like Cognito access tokens (roles in {@code cognito:groups}, the service scope
 * when the service role is asked for) with the local key. Local only: AWS never trusts this key.
 */
public final class TokenMint {

    private final RSAKey key;
    private final RSASSASigner signer;
    private final LocalIdentity identity;
    private final Clock clock;

    public TokenMint(RSAKey key, LocalIdentity identity, Clock clock) {
        this.key = key;
        this.identity = identity;
        this.clock = clock;
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable RSA signing key", e);
        }
    }

    /** Who the token is for and for how long. */
    public record DevToken(String sub, String email, SequencedSet<Role> roles, Duration ttl) {
    }

    public String mint(DevToken token) {
        Instant now = clock.instant();
        List<String> groups = token.roles().stream().map(Role::claimValue).toList();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(identity.issuer())
                .subject(token.sub())
                .claim("username", token.sub())
                .claim("email", token.email())
                .claim("cognito:groups", groups)
                .claim("token_use", "access")
                .claim("client_id", identity.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(token.ttl())))
                .jwtID(UUID.randomUUID().toString());
        if (token.roles().contains(Role.SERVICE)) {
            claims.claim("scope", Caller.SERVICE_SCOPE);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the token", e);
        }
        return jwt.serialize();
    }
}
