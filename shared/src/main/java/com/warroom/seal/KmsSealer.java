package com.warroom.seal;

import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.topology.KeyDef;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

/** Seals with HMAC-SHA-256 through KMS {@code GenerateMac} / {@code VerifyMac}: the key never leaves KMS. */
public final class KmsSealer implements Sealer {

    private final KmsClient kms;
    private final String keyId;

    /** @param keyId the key's id, ARN or alias, as the function's key variable carries it */
    public KmsSealer(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    /** The sealer of a topology key, with the key id this function was given. */
    public static KmsSealer forKey(KeyDef key) {
        return new KmsSealer(AwsClients.kms(), Settings.require(key.idEnvVar()));
    }

    @Override
    public Seal seal(byte[] canonicalBytes) {
        try {
            var response = kms.generateMac(r -> r.keyId(keyId).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                    .message(SdkBytes.fromByteArray(canonicalBytes)));
            return new Seal(Base64.getEncoder().encodeToString(response.mac().asByteArray()), response.keyId());
        } catch (SdkException e) {
            throw new SealingUnavailable("GenerateMac failed: " + e.getMessage(), e);
        }
    }

    // Always verifies with this sealer's key, never the key a (possibly forged) seal names.
    @Override
    public Verification verify(byte[] canonicalBytes, Seal seal) {
        byte[] mac;
        try {
            mac = Base64.getDecoder().decode(seal.mac());
        } catch (IllegalArgumentException e) {
            return new Verification.Invalid();
        }
        try {
            var response = kms.verifyMac(r -> r.keyId(keyId).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                    .message(SdkBytes.fromByteArray(canonicalBytes)).mac(SdkBytes.fromByteArray(mac)));
            return Boolean.TRUE.equals(response.macValid()) ? new Verification.Valid() : new Verification.Invalid();
        } catch (KmsInvalidMacException e) {
            return new Verification.Invalid();
        } catch (SdkException e) {
            return new Verification.Unavailable("VerifyMac failed: " + e.getMessage());
        }
    }
}
