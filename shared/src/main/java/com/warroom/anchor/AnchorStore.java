package com.warroom.anchor;

import com.warroom.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Anchors in a write-once bucket (Object Lock in AWS). Each anchor is one object, {@code <kind>/<inverted seq>.json},
 * so that the first key S3 lists under a kind is the newest anchor: one {@code ListObjectsV2} of one key finds it
 * however many anchors there are. Objects are put only if absent, so an anchor is never replaced.
 */
public final class AnchorStore {

    private static final int SEQ_DIGITS = 19;

    private final S3Client s3;
    private final String bucket;

    public AnchorStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** The object key of an anchor: the seq inverted and zero-padded, so that keys sort newest first. */
    public static String key(String kind, long seq) {
        String inverted = Long.toString(Long.MAX_VALUE - seq);
        return kind + "/" + "0".repeat(SEQ_DIGITS - inverted.length()) + inverted + ".json";
    }

    /**
     * Puts the anchor unless one for the same kind and seq is there already.
     *
     * @return false when that seq was anchored before (the stored anchor is left as it is)
     * @throws AnchorsUnavailable when the bucket cannot be written
     */
    public boolean append(Anchor anchor) {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key(anchor.kind(), anchor.seq())).ifNoneMatch("*")
                            .contentType("application/json"),
                    RequestBody.fromString(Json.write(anchor), StandardCharsets.UTF_8));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            throw new AnchorsUnavailable("PutObject failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new AnchorsUnavailable("PutObject failed: " + e.getMessage(), e);
        }
    }

    /**
     * The newest anchor of a kind, or empty when there is none.
     *
     * @throws AnchorsUnavailable when the bucket cannot be read or the newest object is not an anchor
     */
    public Optional<Anchor> newest(String kind) {
        try {
            Optional<S3Object> first = s3.listObjectsV2(r -> r.bucket(bucket).prefix(kind + "/").maxKeys(1))
                    .contents().stream().findFirst();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            String text = s3.getObjectAsBytes(r -> r.bucket(bucket).key(first.get().key())).asUtf8String();
            return Optional.of(Json.read(text, Anchor.class));
        } catch (SdkException e) {
            throw new AnchorsUnavailable("reading anchors failed: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new AnchorsUnavailable("the newest " + kind + " anchor is not an anchor: " + e.getMessage(), e);
        }
    }
}
