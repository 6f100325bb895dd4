package com.warroom.local.stack.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The local S3 through the real SDK {@code S3Client} as Warroom builds it: what the SDK sends and expects back. */
class LocalS3ClientTest {

    private LocalS3Session session;
    private String bucket;

    @BeforeEach
    void start() throws IOException {
        session = LocalS3Session.start(Optional.empty());
        bucket = "test-" + UUID.randomUUID();
        session.client.createBucket(r -> r.bucket(bucket));
    }

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    void listObjectsV2_throughThePaginator_walksEveryKeyInUtf8ByteOrder() {
        // U+FF21 sorts before U+1F600 in UTF-8 bytes, after it in UTF-16 units; the space and '+' test encoding-type=url
        List<String> keys = List.of("b", "a", "A", "a b+c", "é", "x/\uFF21", "x/\uD83D\uDE00", "a/x", "a/y", "a%2F");
        keys.forEach(this::put);

        List<String> listed = session.client.listObjectsV2Paginator(r -> r.bucket(bucket).maxKeys(3)).contents().stream()
                .map(S3Object::key).toList();

        Comparator<String> utf8 = (x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
        assertThat(listed).isEqualTo(keys.stream().sorted(utf8).toList());
        assertThat(listed.indexOf("x/\uFF21")).isLessThan(listed.indexOf("x/\uD83D\uDE00"));
    }

    @Test
    void listObjectsV2_withAPrefixAndOneKey_answersTheFirstKeyUnderThePrefixOnly() {
        List.of("audit-head/2", "audit-head/1", "audit-head0", "audit-hea", "flag-seal/0").forEach(this::put);

        var page = session.client.listObjectsV2(r -> r.bucket(bucket).prefix("audit-head/").maxKeys(1));

        assertThat(page.contents()).extracting(S3Object::key).containsExactly("audit-head/1");
        assertThat(page.isTruncated()).isTrue();
        assertThat(page.keyCount()).isEqualTo(1);
        var next = session.client.listObjectsV2(r -> r.bucket(bucket).prefix("audit-head/").continuationToken(page.nextContinuationToken()));
        assertThat(next.contents()).extracting(S3Object::key).containsExactly("audit-head/2");
        assertThat(next.isTruncated()).isFalse();
    }

    @Test
    void listObjectsV2_withADelimiter_rollsKeysUpIntoCommonPrefixes() {
        List.of("audit-head/1.json", "audit-head/2.json", "flag-seal/1.json", "top.json").forEach(this::put);

        var page = session.client.listObjectsV2(r -> r.bucket(bucket).delimiter("/"));

        assertThat(page.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("audit-head/", "flag-seal/");
        assertThat(page.contents()).extracting(S3Object::key).containsExactly("top.json");
        assertThat(page.keyCount()).isEqualTo(3);
    }

    @Test
    void putObject_whenTheBodyIsStreamedWithoutALength_isDecodedAndItsChecksumChecked() {
        byte[] body = new byte[300_000];
        new Random(7).nextBytes(body);

        session.client.putObject(r -> r.bucket(bucket).key("big").ifNoneMatch("*"),
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(body), "application/octet-stream"));

        assertThat(session.client.getObjectAsBytes(r -> r.bucket(bucket).key("big")).asByteArray()).isEqualTo(body);
        assertThat(session.client.headObject(r -> r.bucket(bucket).key("big")).contentLength()).isEqualTo(body.length);
    }

    @Test
    void putObject_withIfNoneMatchWhenTheKeyExists_throwsPreconditionFailed() {
        put("k");

        assertThatThrownBy(() -> session.client.putObject(r -> r.bucket(bucket).key("k").ifNoneMatch("*"), RequestBody.fromString("again")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
        assertThat(session.client.getObjectAsBytes(r -> r.bucket(bucket).key("k")).asUtf8String()).isEqualTo("body of k");
    }

    @Test
    void getObject_andHeadObject_answerWhatWasPut() {
        session.client.putObject(r -> r.bucket(bucket).key("a.json").ifNoneMatch("*").contentType("application/json"),
                RequestBody.fromString("{\"seq\":1}"));

        var head = session.client.headObject(r -> r.bucket(bucket).key("a.json"));
        var got = session.client.getObjectAsBytes(r -> r.bucket(bucket).key("a.json"));

        assertThat(head.contentLength()).isEqualTo(9);
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(head.eTag()).isEqualTo("\"" + java.util.HexFormat.of().formatHex(Checksums.md5("{\"seq\":1}".getBytes(StandardCharsets.UTF_8))) + "\"");
        assertThat(got.asUtf8String()).isEqualTo("{\"seq\":1}");
        assertThat(got.response().lastModified()).isEqualTo(head.lastModified());
    }

    @Test
    void getObject_whenTheKeyOrTheBucketIsUnknown_throwsTheSdksTypedExceptions() {
        assertThatThrownBy(() -> session.client.getObjectAsBytes(r -> r.bucket(bucket).key("missing")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> session.client.headObject(r -> r.bucket(bucket).key("missing"))).isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> session.client.getObjectAsBytes(r -> r.bucket("no-such-bucket").key("k")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> session.client.listObjectsV2(r -> r.bucket("no-such-bucket"))).isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void deleteObjects_andDeleteBucket_areRefused() {
        put("kept");

        assertThatThrownBy(() -> session.client.deleteObjects(r -> r.bucket(bucket)
                .delete(d -> d.objects(ObjectIdentifier.builder().key("kept").build()))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> session.client.deleteBucket(r -> r.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(session.client.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(S3Object::key).containsExactly("kept");
    }

    @Test
    void createBucket_whenItExists_throwsBucketAlreadyOwnedByYou_andListBucketsNamesIt() {
        assertThatThrownBy(() -> session.client.createBucket(r -> r.bucket(bucket)))
                .isInstanceOf(software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException.class);
        assertThat(session.client.listBuckets().buckets()).extracting(b -> b.name()).contains(bucket);
        session.client.headBucket(r -> r.bucket(bucket));
    }

    private void put(String key) {
        session.client.putObject(r -> r.bucket(bucket).key(key).ifNoneMatch("*"), RequestBody.fromString("body of " + key));
    }
}
