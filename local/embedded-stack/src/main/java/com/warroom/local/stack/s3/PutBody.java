package com.warroom.local.stack.s3;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The payload of a put, decoded from aws-chunked when it came so, and the checksums sent in headers or trailer. */
record PutBody(byte[] payload, Map<String, String> checksums) {

    private static final Set<String> NOT_CHECKSUMS = Set.of("x-amz-checksum-mode", "x-amz-checksum-type", "x-amz-checksum-algorithm");

    static PutBody of(S3Request request) {
        byte[] raw = request.body();
        String contentSha256 = request.header("x-amz-content-sha256").orElse("");
        boolean chunked = contentSha256.startsWith("STREAMING-")
                || request.header("content-encoding").filter(e -> e.toLowerCase(Locale.ROOT).contains("aws-chunked")).isPresent();
        Map<String, String> checksums = new LinkedHashMap<>();
        byte[] payload = raw;
        if (chunked) {
            AwsChunkedBody decoded = AwsChunkedBody.decode(raw);
            payload = decoded.payload();
            request.header("x-amz-decoded-content-length").ifPresent(length -> {
                if (!length.trim().equals(Long.toString(decoded.payload().length))) {
                    throw S3Error.of("IncompleteBody", 400, "You did not provide the number of bytes specified by the"
                            + " x-amz-decoded-content-length HTTP header");
                }
            });
            collect(decoded.trailers(), checksums);
        } else if (Checksums.isPayloadHash(contentSha256)) {
            Checksums.verifyPayloadHash(contentSha256, raw);
        }
        collect(request.headers(), checksums);
        return new PutBody(payload, checksums);
    }

    private static void collect(Map<String, String> lowerCaseHeaders, Map<String, String> checksums) {
        lowerCaseHeaders.forEach((name, value) -> {
            if (name.startsWith(Checksums.HEADER_PREFIX) && !NOT_CHECKSUMS.contains(name)) {
                checksums.put(name.substring(Checksums.HEADER_PREFIX.length()), value.trim());
            }
        });
    }
}
