package com.warroom.approvals;

import com.warroom.seal.Seal;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 in memory, for the unit tests of what is sealed (KMS itself is tested through the embedded stack's
 * local KMS): {@code answering} false plays a key service that does not answer.
 */
final class HmacSealer implements Sealer {

    static final String KEY_ID = "test-key";

    private final byte[] key;
    private boolean answering = true;

    HmacSealer(String secret) {
        this.key = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    HmacSealer unreachable() {
        answering = false;
        return this;
    }

    @Override
    public Seal seal(byte[] canonicalBytes) {
        return new Seal(Base64.getEncoder().encodeToString(mac(canonicalBytes)), KEY_ID);
    }

    @Override
    public Verification verify(byte[] canonicalBytes, Seal seal) {
        if (!answering) {
            return new Verification.Unavailable("the key service did not answer");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(seal.mac());
        } catch (IllegalArgumentException e) {
            return new Verification.Invalid();
        }
        return MessageDigest.isEqual(mac(canonicalBytes), given) ? new Verification.Valid() : new Verification.Invalid();
    }

    private byte[] mac(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
