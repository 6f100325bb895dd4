package com.warroom.local.stack.s3;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An error answer of the S3 REST API: the code the SDK maps to its typed exception ({@code NoSuchKey} to
 * {@code NoSuchKeyException}), the HTTP status S3 uses for it, a message, and the elements S3 adds to say what it is
 * about ({@code Key}, {@code BucketName}, {@code Condition}).
 */
final class S3Error extends RuntimeException {

    private final String code;
    private final int status;
    private final SortedMap<String, String> details;

    private S3Error(String code, int status, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.details = new TreeMap<>(details);
    }

    static S3Error of(String code, int status, String message) {
        return new S3Error(code, status, message, Map.of());
    }

    static S3Error noSuchBucket(String bucket) {
        return new S3Error("NoSuchBucket", 404, "The specified bucket does not exist", Map.of("BucketName", bucket));
    }

    static S3Error noSuchKey(String key) {
        return new S3Error("NoSuchKey", 404, "The specified key does not exist.", Map.of("Key", key));
    }

    static S3Error preconditionFailed(String condition) {
        return new S3Error("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold",
                Map.of("Condition", condition));
    }

    static S3Error accessDenied(String message) {
        return of("AccessDenied", 403, message);
    }

    static S3Error invalidArgument(String message) {
        return of("InvalidArgument", 400, message);
    }

    static S3Error notImplemented(String what) {
        return of("NotImplemented", 501, "A header or query you provided requested a function that is not implemented: " + what);
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    /** Element name to text, in a stable order. */
    Map<String, String> details() {
        return Collections.unmodifiableSortedMap(details);
    }
}
