package com.warroom.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.warroom.topology.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
    private static RSAKey key;
    private static TokenVerifier verifier;

    @BeforeAll
    static void keys() {
        key = TestKeys.newKey();
        verifier = new TokenVerifier(key, LocalIdentity.WARROOM_LOCAL, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void check_whenMintedLocally_acceptsWithTheClaimsAsJson() {
        String token = TestKeys.token(key, LocalIdentity.WARROOM_LOCAL, NOW, Role.OPS, Role.SUPER_ADMIN);

        TokenCheck check = verifier.check(Optional.of("Bearer " + token));

        assertThat(check).isInstanceOfSatisfying(TokenCheck.Accepted.class, accepted -> {
            assertThat(accepted.claims()).containsEntry("iss", "warroom-local")
                    .containsEntry("sub", "alice")
                    .containsEntry("token_use", "access")
                    .containsEntry("client_id", "warroom-local-dev")
                    .containsEntry("cognito:groups", List.of("ops", "super_admin"))
                    .containsEntry("iat", NOW.getEpochSecond())
                    .containsEntry("exp", NOW.plus(Duration.ofHours(1)).getEpochSecond());
        });
    }

    @Test
    void check_whenNoHeaderOrNotBearer_rejects() {
        assertThat(verifier.check(Optional.empty())).isInstanceOf(TokenCheck.Rejected.class);
        assertThat(verifier.check(Optional.of("Basic YWxpY2U6c2VjcmV0"))).isInstanceOf(TokenCheck.Rejected.class);
        assertThat(rejection("Bearer not-a-jwt")).contains("not a signed JWT");
    }

    @Test
    void check_whenExpired_rejectsOnlyPastTheClockSkew() {
        Instant issued = NOW.minus(Duration.ofHours(1));

        assertThat(rejection("Bearer " + TestKeys.token(key, LocalIdentity.WARROOM_LOCAL, issued.minusSeconds(61), Role.OPS)))
                .contains("expired");
        assertThat(verifier.check(Optional.of("Bearer " + TestKeys.token(key, LocalIdentity.WARROOM_LOCAL, issued.minusSeconds(59), Role.OPS))))
                .isInstanceOf(TokenCheck.Accepted.class);
    }

    @Test
    void check_whenIssuedInTheFuture_rejects() {
        assertThat(rejection("Bearer " + TestKeys.token(key, LocalIdentity.WARROOM_LOCAL, NOW.plusSeconds(120), Role.OPS)))
                .contains("issued in the future");
    }

    @Test
    void check_whenNotYetValid_rejects() {
        JWTClaimsSet claims = validClaims().notBeforeTime(Date.from(NOW.plusSeconds(300))).build();

        assertThat(rejection("Bearer " + sign(claims, key))).contains("not valid before");
    }

    @Test
    void check_whenSignedByAnotherKeyUnderTheSameKid_rejectsTheSignature() {
        String forged = TestKeys.token(TestKeys.impostorOf(key), LocalIdentity.WARROOM_LOCAL, NOW, Role.SUPER_ADMIN);

        assertThat(rejection("Bearer " + forged)).contains("signature does not verify");
    }

    @Test
    void check_whenSignedByAnUnknownKey_rejects() {
        String other = TestKeys.token(TestKeys.newKey(), LocalIdentity.WARROOM_LOCAL, NOW, Role.OPS);

        assertThat(rejection("Bearer " + other)).contains("unknown key");
    }

    @Test
    void check_whenHmacSigned_rejectsTheAlgorithm() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), validClaims().build());
        jwt.sign(new MACSigner(new byte[32]));

        assertThat(rejection("Bearer " + jwt.serialize())).contains("RS256");
    }

    @Test
    void check_whenAnotherIssuer_rejects() {
        String token = TestKeys.token(key, new LocalIdentity("https://cognito-idp.example/pool", "warroom-local-dev"), NOW, Role.OPS);

        assertThat(rejection("Bearer " + token)).contains("issuer");
    }

    @Test
    void check_whenIssuedForAnotherClient_rejects() {
        String token = TestKeys.token(key, new LocalIdentity("warroom-local", "someone-else"), NOW, Role.OPS);

        assertThat(rejection("Bearer " + token)).contains("not issued for client warroom-local-dev");
    }

    @Test
    void check_whenTokenUseIsNotCognitos_rejects() {
        assertThat(rejection("Bearer " + sign(validClaims().claim("token_use", "refresh").build(), key))).contains("token_use");
    }

    @Test
    void check_whenAnIdTokenNamesTheClientInAud_accepts() {
        JWTClaimsSet idToken = validClaims().claim("token_use", "id").claim("client_id", null).audience("warroom-local-dev").build();

        assertThat(verifier.check(Optional.of("Bearer " + sign(idToken, key)))).isInstanceOf(TokenCheck.Accepted.class);
    }

    private static String rejection(String authorization) {
        TokenCheck check = verifier.check(Optional.of(authorization));
        assertThat(check).isInstanceOf(TokenCheck.Rejected.class);
        return ((TokenCheck.Rejected) check).reason();
    }

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().issuer("warroom-local").subject("alice").claim("token_use", "access")
                .claim("client_id", "warroom-local-dev").issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
