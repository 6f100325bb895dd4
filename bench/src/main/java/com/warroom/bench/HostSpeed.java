package com.warroom.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fixed CPU-bound yardstick, run in the launcher next to every measurement: SHA-256 over 1 MB, single-threaded,
 * in MB/s. On a shared virtual machine the host's speed drifts with its neighbours (invisible from inside, unlike
 * local processes); this shows how far, so figures from different sessions can be compared.
 */
final class HostSpeed {

    private static final byte[] DATA = new byte[1 << 20];
    private static final MessageDigest SHA256 = sha256();

    static {
        // enough calls for the JIT to compile the digest with its SHA intrinsics before the first figure
        for (int i = 0; i < 300; i++) {
            SHA256.digest(DATA);
        }
    }

    private HostSpeed() {
    }

    /** Megabytes hashed per second, over {@code rounds} rounds after a short warm-up. */
    static double megabytesPerSecond(int rounds) {
        for (int i = 0; i < 5; i++) {
            SHA256.digest(DATA);
        }
        long begin = System.nanoTime();
        byte checksum = 0;
        for (int i = 0; i < rounds; i++) {
            checksum ^= SHA256.digest(DATA)[0];
        }
        long nanos = System.nanoTime() - begin;
        DATA[0] = checksum; // consumed, so the hashing cannot be dropped
        return rounds * (DATA.length / 1e6) / (nanos / 1e9);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
