package com.warroom.local.stack.s3;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What S3 says about an object besides its bytes: its key, size, ETag (the MD5 of the bytes, quoted), when it was
 * put, its content type, and the checksums of its bytes by algorithm ({@code crc32} always, and whatever the put sent),
 * base64 as the {@code x-amz-checksum-*} headers carry them.
 */
record StoredObject(String key, long size, String etag, Instant lastModified, String contentType, Map<String, String> checksums) {

    StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(contentType, "contentType");
        checksums = Map.copyOf(checksums);
    }
}
