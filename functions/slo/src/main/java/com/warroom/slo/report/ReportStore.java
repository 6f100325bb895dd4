package com.warroom.slo.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The SLO reports bucket, write-once (Object Lock in AWS, no overwrite locally): a report's JSON and HTML at
 * {@code reports/<reportId>.json|.html}, and an empty marker {@code latest/<inverted generatedAt>-<reportId>} whose
 * first key in a listing names the newest report. Every object is put only if absent, so a stored report never changes
 * and a weekly run started twice for the same week finds the first one's.
 */
public final class ReportStore {

    private static final int MILLIS_DIGITS = 19;
    private static final String LATEST = "latest/";

    /** The keys of a report's two objects. */
    public record Keys(String json, String html) {
    }

    private final S3Client s3;
    private final String bucket;

    public ReportStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static Keys keys(String reportId) {
        return new Keys("reports/" + reportId + ".json", "reports/" + reportId + ".html");
    }

    /** The marker of a report: the generation time inverted and zero-padded, so that keys sort newest first. */
    static String marker(String reportId, Instant generatedAt) {
        String inverted = Long.toString(Long.MAX_VALUE - generatedAt.toEpochMilli());
        return LATEST + "0".repeat(MILLIS_DIGITS - inverted.length()) + inverted + "-" + reportId;
    }

    /**
     * Stores a report's JSON, its page and its marker, each unless already there.
     *
     * @return false when a report of that id was stored before (its JSON is left as it was)
     */
    public boolean put(String reportId, Instant generatedAt, String json, String html) {
        Keys keys = keys(reportId);
        boolean stored = putOnce(keys.json(), "application/json", json);
        putOnce(keys.html(), "text/html; charset=utf-8", html);
        putOnce(marker(reportId, generatedAt), "text/plain", reportId);
        return stored;
    }

    /** The JSON of a stored report. */
    public Optional<String> json(String reportId) {
        return read(keys(reportId).json());
    }

    /** The newest report's JSON, if any report was stored. */
    public Optional<String> latest() {
        Optional<S3Object> first = s3.listObjectsV2(b -> b.bucket(bucket).prefix(LATEST).maxKeys(1)).contents().stream().findFirst();
        return first.flatMap(marker -> json(marker.key().substring(marker.key().indexOf('-') + 1)));
    }

    public Optional<String> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    // put if absent: 412 says the object is there already (a retry, or the same week again), which is not an error
    private boolean putOnce(String key, String contentType, String content) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentType(contentType),
                    RequestBody.fromString(content, StandardCharsets.UTF_8));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            throw e;
        }
    }
}
