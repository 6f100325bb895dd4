package com.warroom.bench;

import com.warroom.seal.Seal;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import java.util.Base64;

/**
 * The baseline of {@link SealingCost}, a test double that lives in the bench only: a {@link Sealer} that makes no KMS
 * call. Its seal is a constant MAC of the size KMS returns (32 bytes of HMAC-SHA-256, in base64) under the real key's
 * id, and every seal verifies. So the code around it runs exactly as with {@link com.warroom.seal.KmsSealer} (the same
 * reads, the same canonical bytes and row digest, the same transaction with items of the same size) minus the KMS round
 * trips: it stands in for the code path before sealing. It seals nothing, which is why it is not in {@code shared}.
 */
final class NoKmsSealer implements Sealer {

    private static final String CONSTANT_MAC = Base64.getEncoder().encodeToString(new byte[32]);

    private final String keyId;

    /** @param keyId the id the seals name, the same key ARN the KMS variant seals with, so items keep their size */
    NoKmsSealer(String keyId) {
        this.keyId = keyId;
    }

    @Override
    public Seal seal(byte[] canonicalBytes) {
        return new Seal(CONSTANT_MAC, keyId);
    }

    @Override
    public Verification verify(byte[] canonicalBytes, Seal seal) {
        return new Verification.Valid();
    }
}
