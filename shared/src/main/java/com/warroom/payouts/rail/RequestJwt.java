package com.warroom.payouts.rail;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The bearer token of one custody API request, as Fireblocks documents it: RS256 over {@code uri} (the request's path
 * and query), a fresh {@code nonce}, {@code iat}, {@code exp}, {@code sub} (the API key) and {@code bodyHash} (hex
 * SHA-256 of the raw body, of nothing for a GET). A token is good for one request only.
 */
public final class RequestJwt {

    public static final Duration LIFETIME = Duration.ofSeconds(30);

    private RequestJwt() {
    }

    public static String sign(RSAPrivateKey key, String apiKey, String uri, byte[] body, Instant now) {
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("uri", uri)
                .claim("nonce", UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(LIFETIME)))
                .subject(apiKey)
                .claim("bodyHash", bodyHash(body))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the custody signing key cannot sign RS256", e);
        }
        return jwt.serialize();
    }

    /** Hex SHA-256 of the raw body. */
    public static String bodyHash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
