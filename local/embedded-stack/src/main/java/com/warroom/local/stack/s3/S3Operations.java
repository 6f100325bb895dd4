package com.warroom.local.stack.s3;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The S3 operations Warroom uses, on write-once buckets: CreateBucket, HeadBucket, ListBuckets, PutObject (only with
 * {@code If-None-Match: *}, as the bucket policy in AWS demands; 412 when the key exists), GetObject, HeadObject and
 * ListObjectsV2. DeleteObject and DeleteObjects are refused, as Object Lock in COMPLIANCE mode refuses them; anything
 * else answers NotImplemented.
 */
final class S3Operations {

    static final String OWNER_ID = "000000000000";
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    /** The largest object the local S3 takes in one put (S3 takes 5 GiB; Warroom's anchors are a few hundred bytes). */
    static final int MAX_OBJECT_BYTES = 16 * 1024 * 1024;
    private static final int MAX_KEYS = 1000;
    private static final int MAX_KEY_BYTES = 1024;
    // the SDK names the operation in the query (?x-id=PutObject); nothing else may qualify an object request
    private static final Set<String> OBJECT_QUERY = Set.of("x-id");

    private final Buckets buckets;
    private final String region;
    private final Clock clock;

    S3Operations(Buckets buckets, String region, Clock clock) {
        this.buckets = buckets;
        this.region = region;
        this.clock = clock;
    }

    S3Response call(S3Request request) {
        if (request.bucket().isEmpty()) {
            return switch (request.method()) {
                case "GET" -> listBuckets();
                default -> throw methodNotAllowed(request);
            };
        }
        String bucket = request.bucket().get();
        if (request.key().isEmpty()) {
            return switch (request.method()) {
                case "PUT" -> createBucket(bucket, request);
                case "HEAD" -> headBucket(bucket);
                case "GET" -> listObjects(bucket, request);
                case "DELETE" -> throw S3Error.accessDenied("the local S3 keeps its buckets: they are write-once, like the"
                        + " Object Lock buckets they stand for");
                case "POST" -> throw request.query().containsKey("delete") ? locked() : S3Error.notImplemented("POST " + request.query().keySet());
                default -> throw methodNotAllowed(request);
            };
        }
        String key = request.key().get();
        return switch (request.method()) {
            case "PUT" -> putObject(bucket, key, request);
            case "GET" -> getObject(bucket, key, request, true);
            case "HEAD" -> getObject(bucket, key, request, false);
            case "DELETE" -> {
                buckets.find(bucket);
                throw locked();
            }
            case "POST" -> throw S3Error.notImplemented("multipart uploads (POST on an object)");
            default -> throw methodNotAllowed(request);
        };
    }

    private S3Response listBuckets() {
        S3Xml xml = new S3Xml().openRoot("ListAllMyBucketsResult")
                .open("Owner").element("ID", OWNER_ID).element("DisplayName", "warroom-local").close("Owner")
                .open("Buckets");
        buckets.all().forEach(b -> xml.open("Bucket").element("Name", b.name()).element("CreationDate", S3Xml.isoDate(b.created()))
                .element("BucketRegion", region).close("Bucket"));
        return S3Response.xml(xml.close("Buckets").close("ListAllMyBucketsResult").toString());
    }

    private S3Response createBucket(String bucket, S3Request request) {
        if (!request.query().isEmpty() && !request.query().keySet().equals(OBJECT_QUERY)) {
            throw S3Error.notImplemented("bucket configuration " + request.query().keySet());
        }
        buckets.create(bucket);
        return S3Response.empty(200, Map.of("Location", "/" + bucket));
    }

    private S3Response headBucket(String bucket) {
        buckets.find(bucket);
        return S3Response.empty(200, Map.of("x-amz-bucket-region", region));
    }

    private S3Response putObject(String bucketName, String key, S3Request request) {
        requireOnlyOperationQuery(request);
        if (request.header("x-amz-copy-source").isPresent()) {
            throw S3Error.notImplemented("CopyObject");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw S3Error.of("KeyTooLongError", 400, "Your key is too long");
        }
        Bucket bucket = buckets.find(bucketName);
        requireCreateOnly(request);
        PutBody body = PutBody.of(request);
        Map<String, String> checksums = Checksums.verify(body.checksums(), body.payload());
        byte[] md5 = Checksums.md5(body.payload());
        request.header("content-md5").ifPresent(sent -> Checksums.verifyContentMd5(sent, md5));
        String etag = "\"" + HexFormat.of().formatHex(md5) + "\"";
        var object = new StoredObject(key, body.payload().length, etag, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                request.header("content-type").orElse(DEFAULT_CONTENT_TYPE), checksums);
        if (!bucket.putIfAbsent(object, body.payload())) {
            throw S3Error.preconditionFailed("If-None-Match");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", etag);
        body.checksums().keySet().forEach(algorithm -> headers.put(Checksums.HEADER_PREFIX + algorithm, checksums.get(algorithm)));
        return S3Response.empty(200, headers);
    }

    // The write-once rule, as the bucket policy states it in AWS (PutObject is denied without If-None-Match)
    private static void requireCreateOnly(S3Request request) {
        Optional<String> ifNoneMatch = request.header("if-none-match");
        if (ifNoneMatch.isEmpty()) {
            throw S3Error.accessDenied("the bucket is write-once (Object Lock COMPLIANCE in AWS): PutObject must carry"
                    + " If-None-Match: * and an existing object is never replaced");
        }
        if (!ifNoneMatch.get().trim().equals("*")) {
            throw S3Error.notImplemented("If-None-Match other than *");
        }
    }

    private S3Response getObject(String bucketName, String key, S3Request request, boolean withBody) {
        requireOnlyOperationQuery(request);
        Bucket bucket = buckets.find(bucketName);
        StoredObject object = bucket.find(key).orElseThrow(() -> S3Error.noSuchKey(key));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", object.contentType());
        headers.put("Content-Length", Long.toString(object.size()));
        headers.put("ETag", object.etag());
        headers.put("Last-Modified", S3Xml.httpDate(object.lastModified()));
        headers.put("Accept-Ranges", "none");
        if (request.header("x-amz-checksum-mode").filter("ENABLED"::equalsIgnoreCase).isPresent()) {
            object.checksums().forEach((algorithm, value) -> headers.put(Checksums.HEADER_PREFIX + algorithm, value));
            headers.put("x-amz-checksum-type", "FULL_OBJECT");
        }
        return new S3Response(200, headers, withBody ? bucket.read(object) : null);
    }

    private S3Response listObjects(String bucketName, S3Request request) {
        if (!"2".equals(request.parameter("list-type").orElse(null))) {
            throw S3Error.notImplemented("ListObjects (version 1) and bucket sub-resources " + request.query().keySet()
                    + "; the local S3 lists with ListObjectsV2 (list-type=2)");
        }
        Bucket bucket = buckets.find(bucketName);
        String prefix = request.parameter("prefix").orElse("");
        Optional<String> delimiter = request.parameter("delimiter").filter(d -> !d.isEmpty());
        Optional<String> token = request.parameter("continuation-token");
        Optional<String> startAfter = request.parameter("start-after").filter(s -> !s.isEmpty());
        Optional<ListRequest.Marker> marker = token.map(S3Operations::fromToken)
                .or(() -> startAfter.map(s -> new ListRequest.Marker(s, false)));
        int maxKeys = maxKeys(request.parameter("max-keys"));
        boolean url = request.parameter("encoding-type").map(e -> {
            if (!e.equals("url")) {
                throw S3Error.invalidArgument("Invalid Encoding Method specified in Request");
            }
            return true;
        }).orElse(false);
        boolean owner = request.parameter("fetch-owner").filter("true"::equals).isPresent();

        ListPage page = bucket.list(new ListRequest(prefix, delimiter, marker, maxKeys));

        S3Xml xml = new S3Xml().openRoot("ListBucketResult").element("Name", bucketName)
                .element("Prefix", encoded(prefix, url));
        delimiter.ifPresent(d -> xml.element("Delimiter", encoded(d, url)));
        xml.element("MaxKeys", Integer.toString(maxKeys));
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("KeyCount", Integer.toString(page.keyCount())).element("IsTruncated", Boolean.toString(page.truncated()));
        token.ifPresent(t -> xml.element("ContinuationToken", t));
        page.next().ifPresent(next -> xml.element("NextContinuationToken", toToken(next)));
        startAfter.ifPresent(s -> xml.element("StartAfter", encoded(s, url)));
        for (StoredObject object : page.contents()) {
            xml.open("Contents").element("Key", encoded(object.key(), url))
                    .element("LastModified", S3Xml.isoDate(object.lastModified())).element("ETag", object.etag())
                    .element("ChecksumAlgorithm", "CRC32").element("ChecksumType", "FULL_OBJECT")
                    .element("Size", Long.toString(object.size())).element("StorageClass", "STANDARD");
            if (owner) {
                xml.open("Owner").element("ID", OWNER_ID).element("DisplayName", "warroom-local").close("Owner");
            }
            xml.close("Contents");
        }
        page.commonPrefixes().forEach(p -> xml.open("CommonPrefixes").element("Prefix", encoded(p, url)).close("CommonPrefixes"));
        return S3Response.xml(xml.close("ListBucketResult").toString());
    }

    private static int maxKeys(Optional<String> value) {
        if (value.isEmpty()) {
            return MAX_KEYS;
        }
        try {
            int maxKeys = Integer.parseInt(value.get());
            if (maxKeys < 0) {
                throw S3Error.invalidArgument("max-keys cannot be negative");
            }
            return Math.min(maxKeys, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw S3Error.invalidArgument("Provided max-keys not an integer or within integer range");
        }
    }

    // opaque to clients, as S3's are: where the page ended, and whether that was a key or a rolled-up prefix
    static String toToken(ListRequest.Marker marker) {
        String text = (marker.commonPrefix() ? "p" : "k") + marker.value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ListRequest.Marker fromToken(String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Error.invalidArgument("The continuation token provided is incorrect");
        }
        if (text.isEmpty() || (text.charAt(0) != 'p' && text.charAt(0) != 'k')) {
            throw S3Error.invalidArgument("The continuation token provided is incorrect");
        }
        return new ListRequest.Marker(text.substring(1), text.charAt(0) == 'p');
    }

    private static String encoded(String text, boolean url) {
        return url ? S3Xml.urlEncode(text) : text;
    }

    private static void requireOnlyOperationQuery(S3Request request) {
        if (!OBJECT_QUERY.containsAll(request.query().keySet())) {
            throw S3Error.notImplemented("object sub-resources and versions " + request.query().keySet());
        }
    }

    private static S3Error locked() {
        return S3Error.accessDenied("the object is locked: the bucket is write-once (Object Lock COMPLIANCE in AWS) and"
                + " nothing in it is deleted before its retention ends");
    }

    private static S3Error methodNotAllowed(S3Request request) {
        return S3Error.of("MethodNotAllowed", 405, "The specified method is not allowed against this resource: " + request.method());
    }
}
