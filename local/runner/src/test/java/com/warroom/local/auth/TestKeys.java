package com.warroom.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.warroom.topology.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;

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

    private static RSAKey generate(JWKGenerator<RSAKey> generator) {
        try {
            return generator.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
