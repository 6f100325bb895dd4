package com.warroom.incidents.evidence;

import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The write-once evidence bucket (Object Lock COMPLIANCE in AWS; locally the embedded stack's bucket that refuses to
 * replace or delete). Each object is put once, with {@code If-None-Match: *} and its SHA-256 as S3's own checksum, so
 * S3 refuses bytes that do not match it; each read is checked against that checksum and against the hash the caller
 * recorded.
 */
final class EvidenceBucket {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceBucket.class);

    private final S3Client s3;
    private final String bucket;

    EvidenceBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    String location(String key) {
        return "s3://" + bucket + "/" + key;
    }

    /**
     * Puts the object unless its key exists.
     *
     * @throws EvidenceUnavailable when the key exists (evidence is never replaced) or the bucket cannot be written
     */
    void putOnce(String key, byte[] bytes) {
        String checksum = Base64.getEncoder().encodeToString(CanonicalJson.sha256(bytes));
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).ifNoneMatch("*").contentType("application/json").checksumSHA256(checksum),
                    RequestBody.fromBytes(bytes));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                throw new EvidenceUnavailable("evidence " + location(key) + " exists already and is never replaced", e);
            }
            throw new EvidenceUnavailable("PutObject " + location(key) + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new EvidenceUnavailable("PutObject " + location(key) + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The object's bytes, checked against the SHA-256 it was stored with and, when given, the one recorded for it.
     *
     * @return empty when there is no such object
     * @throws EvidenceTampered when the bytes do not hash to what was recorded
     */
    Optional<byte[]> read(String key, Optional<String> recordedSha256) {
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new EvidenceUnavailable("GetObject " + location(key) + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            // the SDK checks the body against the stored checksum itself: a mismatch surfaces here
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("checksum")) {
                throw tampered(key, "the bytes read do not match the checksum stored with them: " + e.getMessage());
            }
            throw new EvidenceUnavailable("GetObject " + location(key) + " failed: " + e.getMessage(), e);
        }
        byte[] bytes = object.asByteArray();
        String actual = CanonicalJson.sha256Hex(bytes);
        String stored = object.response().checksumSHA256();
        if (stored == null || !stored.equals(Base64.getEncoder().encodeToString(CanonicalJson.sha256(bytes)))) {
            throw tampered(key, "the object's SHA-256 " + actual + " is not the checksum it was stored with (" + stored + ")");
        }
        if (recordedSha256.isPresent() && !recordedSha256.get().equalsIgnoreCase(actual)) {
            throw tampered(key, "the object's SHA-256 " + actual + " is not the recorded " + recordedSha256.get());
        }
        return Optional.of(bytes);
    }

    private EvidenceTampered tampered(String key, String why) {
        LOG.error("evidence {} is not what was collected: {}", location(key), why);
        return new EvidenceTampered("evidence " + location(key) + ": " + why);
    }
}
