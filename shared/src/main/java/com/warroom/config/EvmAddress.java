package com.warroom.config;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * EVM addresses and their EIP-55 mixed-case checksum.
 *
 * <p>A treasury address must be written exactly in its EIP-55 form. An all-lowercase or
 * all-uppercase address carries no checksum, so a mistyped one would be accepted as some other,
 * unowned, address; such addresses are refused unless that case happens to be their EIP-55 form.
 */
public final class EvmAddress {

    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final String ZERO = "0x" + "0".repeat(40);

    private EvmAddress() {
    }

    /** The EIP-55 form of a {@code 0x}-prefixed 40-hex-digit address written in any case. */
    public static String checksummed(String address) {
        if (address == null || !HEX_ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not 0x followed by 40 hex digits: " + address);
        }
        String hex = address.substring(2).toLowerCase(Locale.ROOT);
        byte[] hash = keccak256(hex.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    /** Why {@code address} cannot be a treasury wallet, or empty when it can. */
    public static Optional<String> problem(String address) {
        if (address == null || !HEX_ADDRESS.matcher(address).matches()) {
            return Optional.of("must be an EVM address: 0x followed by 40 hex digits");
        }
        if (address.equalsIgnoreCase(ZERO)) {
            return Optional.of("is the zero address, which nobody can spend from");
        }
        String expected = checksummed(address);
        if (!expected.equals(address)) {
            return Optional.of("fails the EIP-55 checksum; its checksummed form is " + expected
                    + " (check the address with its owner before using that form)");
        }
        return Optional.empty();
    }

    /** Keccak-256 as Ethereum uses it: the original Keccak padding, which SHA3-256 changed. */
    static byte[] keccak256(byte[] input) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
