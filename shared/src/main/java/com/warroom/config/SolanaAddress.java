package com.warroom.config;

import java.util.Optional;

/**
 * Solana account addresses: base58 text of a 32-byte public key. Whether the key lies on the
 * ed25519 curve is not checked, since a treasury held by a multisig vault is a program-derived
 * address, which by construction does not.
 */
public final class SolanaAddress {

    private static final int KEY_BYTES = 32;
    // 32 bytes take 32 (all zero) to 44 base58 characters
    private static final int MAX_CHARACTERS = 44;

    private SolanaAddress() {
    }

    /** Why {@code address} cannot be a treasury wallet, or empty when it can. */
    public static Optional<String> problem(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_CHARACTERS) {
            return Optional.of("must be a Solana address: base58 of 32 bytes (32 to 44 characters)");
        }
        Optional<byte[]> key = Base58.decode(address);
        if (key.isEmpty()) {
            return Optional.of("must be base58 (Bitcoin alphabet: no 0, O, I or l)");
        }
        if (key.get().length != KEY_BYTES) {
            return Optional.of("must decode to 32 bytes, not " + key.get().length);
        }
        if (allZero(key.get())) {
            return Optional.of("is the System Program id, not a wallet");
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
