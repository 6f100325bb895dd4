package com.warroom.config;

import java.util.Arrays;
import java.util.Optional;

/** Base58 with the Bitcoin alphabet, as Solana writes its 32-byte public keys. */
public final class Base58 {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] DIGITS = new int[128];

    static {
        Arrays.fill(DIGITS, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGITS[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {
    }

    /** The bytes {@code text} encodes, or empty when it holds a character outside the alphabet. */
    public static Optional<byte[]> decode(String text) {
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        // little-endian magnitude; base 58 needs fewer bytes than characters
        byte[] magnitude = new byte[text.length()];
        int length = 0;
        for (int i = zeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? DIGITS[c] : -1;
            if (carry < 0) {
                return Optional.empty();
            }
            for (int j = 0; j < length; j++) {
                carry += (magnitude[j] & 0xFF) * 58;
                magnitude[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                magnitude[length++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + length];
        for (int j = 0; j < length; j++) {
            out[zeros + j] = magnitude[length - 1 - j];
        }
        return Optional.of(out);
    }

    public static String encode(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        // little-endian base-58 digits; base 58 needs at most 138/100 as many digits as bytes
        int[] digits = new int[bytes.length * 138 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < bytes.length; i++) {
            int carry = bytes[i] & 0xFF;
            for (int j = 0; j < length; j++) {
                carry += digits[j] << 8;
                digits[j] = carry % 58;
                carry /= 58;
            }
            while (carry > 0) {
                digits[length++] = carry % 58;
                carry /= 58;
            }
        }
        StringBuilder out = new StringBuilder("1".repeat(zeros));
        for (int j = length - 1; j >= 0; j--) {
            out.append(ALPHABET.charAt(digits[j]));
        }
        return out.toString();
    }
}
