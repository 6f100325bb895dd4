package com.warroom.payouts.rail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The {@code Idempotency-Key} header of a create, derived from the external id: the id itself when it fits the custody
 * API's 40 characters, else the first 40 characters of base64url(SHA-256(id)), so the same transfer always sends the
 * same key.
 */
public record CustodyIdempotencyKey(String value) {

    public static final int MAX_LENGTH = 40;

    public static CustodyIdempotencyKey of(String externalId) {
        if (externalId.length() <= MAX_LENGTH) {
            return new CustodyIdempotencyKey(externalId);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(externalId.getBytes(StandardCharsets.UTF_8));
            return new CustodyIdempotencyKey(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, MAX_LENGTH));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
