package com.warroom.reconcile.run;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The reconcile reports bucket, write-once (Object Lock in AWS, no overwrite locally): every object is put once, under
 * a key no other attempt uses. A run's objects live under {@code runs/<runId>/}: each segment attempt's aggregates
 * ({@code segments/<table>/<segment>/<attempt>.json}), the combine step's findings ({@code findings/<attempt>.json}) and
 * the report ({@code report/<attempt>.json} and {@code .html}); the run item names the findings and report it kept.
 */
public final class ReportsBucket {

    private final S3Client s3;
    private final String bucket;

    public ReportsBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static String segmentPrefix(String runId, String table, int segment) {
        return "runs/" + runId + "/segments/" + table + "/" + segment + "/";
    }

    public static String findingsKey(String runId) {
        return "runs/" + runId + "/findings/" + attempt() + ".json";
    }

    /** The report's two keys: the same attempt for the JSON and the page. */
    public static ReconcileRun.ReportKeys reportKeys(String runId) {
        String prefix = "runs/" + runId + "/report/" + attempt();
        return new ReconcileRun.ReportKeys(prefix + ".json", prefix + ".html");
    }

    public static String attempt() {
        return UUID.randomUUID().toString();
    }

    /** Puts a new object; a key that exists is refused (412), never replaced. */
    public void put(String key, String contentType, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentType(contentType),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    public Optional<String> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The newest object under {@code prefix} (the last attempt that finished), if any. */
    public Optional<String> newestKey(String prefix) {
        List<S3Object> objects = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().toList();
        return objects.stream().max(Comparator.comparing(S3Object::lastModified).thenComparing(S3Object::key)).map(S3Object::key);
    }
}
