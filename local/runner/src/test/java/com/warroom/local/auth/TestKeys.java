package com.warroom.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.warroom.topology.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;

/** Signing keys and dev tokens for tests. */
public final class TestKeys {

    private TestKeys() {
    }

    public static RSAKey newKey() {
        return generate(new RSAKeyGenerator(2048).keyIDFromThumbprint(true).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256));
    }

    /** A different key that claims another key's id, to show the signature itself is checked. */
    public static RSAKey impostorOf(RSAKey key) {
        return generate(new RSAKeyGenerator(2048).keyID(key.getKeyID()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256));
    }

    public static String token(RSAKey key, Role... roles) {
        return token(key, LocalIdentity.WARROOM_LOCAL, Instant.now(), roles);
    }

    public static String token(RSAKey key, LocalIdentity identity, Instant issuedAt, Role... roles) {
        return new TokenMint(key, identity, Clock.fixed(issuedAt, ZoneOffset.UTC)).mint(new TokenMint.DevToken(
                "alice", "alice@ops.example", new LinkedHashSet<>(Arrays.asList(roles)), Duration.ofHours(1)));
    }

    /** The claims of a valid dev token for alice, to be changed by a test before it signs them. */
    public static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(LocalIdentity.WARROOM_LOCAL.issuer()).subject("alice")
                .claim("token_use", "access").claim("client_id", LocalIdentity.WARROOM_LOCAL.clientId())
                .claim("cognito:groups", List.of("ops"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    /** Signs any claims, however odd, with the key as the local mint would. */
    public static String signed(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate(JWKGenerator<RSAKey> generator) {
        try {
            return generator.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
