package com.warroom.local.stack.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The integrity checks S3 makes on a put: the {@code x-amz-checksum-<algorithm>} values (in headers or in the
 * aws-chunked trailer), {@code Content-MD5}, and the payload hash of a signed request ({@code x-amz-content-sha256}).
 * A value that does not match the bytes is refused as S3 refuses it, so the SDK's own checksums are exercised.
 */
final class Checksums {

    static final String HEADER_PREFIX = "x-amz-checksum-";
    /** The algorithms the local S3 computes; {@code crc64nvme} is not among them and is refused. */
    static final List<String> ALGORITHMS = List.of("crc32", "crc32c", "sha1", "sha256");

    private Checksums() {
    }

    /** The base64 checksum of the bytes by an algorithm of {@link #ALGORITHMS}. */
    static String of(String algorithm, byte[] bytes) {
        return switch (algorithm) {
            case "crc32" -> crc(new CRC32(), bytes);
            case "crc32c" -> crc(new CRC32C(), bytes);
            case "sha1" -> Base64.getEncoder().encodeToString(digest("SHA-1", bytes));
            case "sha256" -> Base64.getEncoder().encodeToString(digest("SHA-256", bytes));
            default -> throw S3Error.notImplemented("the checksum algorithm " + algorithm);
        };
    }

    /**
     * Checks every checksum the request sent against the bytes; answers the checksums to keep with the object: the
     * ones sent, and always crc32 (what GetObject returns when the SDK asks for a checksum).
     */
    static Map<String, String> verify(Map<String, String> sent, byte[] bytes) {
        Map<String, String> kept = new LinkedHashMap<>();
        sent.forEach((algorithm, value) -> {
            if (!ALGORITHMS.contains(algorithm)) {
                throw S3Error.notImplemented("the checksum algorithm " + algorithm + " (the local S3 checks " + ALGORITHMS + ")");
            }
            if (!of(algorithm, bytes).equals(value)) {
                throw S3Error.of("BadDigest", 400, "The " + algorithm.toUpperCase(Locale.ROOT)
                        + " you specified did not match the calculated checksum.");
            }
            kept.put(algorithm, value);
        });
        kept.putIfAbsent("crc32", of("crc32", bytes));
        return kept;
    }

    /** {@code Content-MD5}: base64 of the 16-byte MD5 of the body. */
    static void verifyContentMd5(String contentMd5, byte[] md5) {
        byte[] sent;
        try {
            sent = Base64.getDecoder().decode(contentMd5.trim());
        } catch (IllegalArgumentException e) {
            throw S3Error.of("InvalidDigest", 400, "The Content-MD5 you specified was invalid.");
        }
        if (sent.length != md5.length) {
            throw S3Error.of("InvalidDigest", 400, "The Content-MD5 you specified was invalid.");
        }
        if (!MessageDigest.isEqual(sent, md5)) {
            throw S3Error.of("BadDigest", 400, "The Content-MD5 you specified did not match what we received.");
        }
    }

    /** {@code x-amz-content-sha256} when it is the hex SHA-256 of the payload (not UNSIGNED-PAYLOAD or STREAMING-...). */
    static void verifyPayloadHash(String contentSha256, byte[] bytes) {
        String computed = HexFormat.of().formatHex(digest("SHA-256", bytes));
        if (!computed.equalsIgnoreCase(contentSha256)) {
            throw S3Error.of("XAmzContentSHA256Mismatch", 400, "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
    }

    static byte[] md5(byte[] bytes) {
        return digest("MD5", bytes);
    }

    static boolean isPayloadHash(String value) {
        return value != null && value.length() == 64 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static String crc(Checksum checksum, byte[] bytes) {
        checksum.update(bytes, 0, bytes.length);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array());
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
