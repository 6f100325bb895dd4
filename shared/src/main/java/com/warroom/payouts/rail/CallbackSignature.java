package com.warroom.payouts.rail;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * The signature a custodian puts on its callbacks, as Fireblocks documents it: header {@value #HEADER} =
 * base64(RSA-SHA512(raw body)) with the custodian's key. Checked over the bytes received, never over re-encoded JSON.
 */
public final class CallbackSignature {

    /** The header's name, in lower case as {@link PayoutRail#parseCallback} receives it. */
    public static final String HEADER = "fireblocks-signature";
    private static final String ALGORITHM = "SHA512withRSA";

    private CallbackSignature() {
    }

    public static String sign(RSAPrivateKey key, byte[] body) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key cannot sign " + ALGORITHM, e);
        }
    }

    /** Whether {@code signature} (base64) is the key's signature of {@code body}; false for anything malformed. */
    public static boolean verifies(RSAPublicKey key, byte[] body, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(Base64.getDecoder().decode(signature.strip()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
