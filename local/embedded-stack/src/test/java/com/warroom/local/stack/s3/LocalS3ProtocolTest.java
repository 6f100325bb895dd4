package com.warroom.local.stack.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The local S3's wire protocol, request by request: what S3 answers, its XML errors, and the write-once rules. */
class LocalS3ProtocolTest {

    private static final String BUCKET = "warroom-protocol";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalS3 s3;

    @BeforeEach
    void start() throws IOException {
        s3 = LocalS3.start(0, "us-east-1", Optional.empty());
        assertThat(send("PUT", "/" + BUCKET, Map.of(), new byte[0]).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    @Test
    void put_withIfNoneMatchStar_answers200AndTheMd5AsEtag() {
        var response = put("a.json", "{\"seq\":1}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains("\"" + md5Hex("{\"seq\":1}") + "\"");
        assertThat(get("a.json").body()).isEqualTo("{\"seq\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void put_whenTheKeyExists_answers412PreconditionFailedAndKeepsTheFirst() {
        put("k", "first");

        var response = put("k", "second");

        assertError(response, 412, "PreconditionFailed");
        assertThat(text(xml(response), "Condition")).isEqualTo("If-None-Match");
        assertThat(new String(get("k").body(), StandardCharsets.UTF_8)).isEqualTo("first");
    }

    @Test
    void put_withoutIfNoneMatch_answers403AccessDeniedForAnExistingAndForANewKey() {
        put("k", "first");

        assertError(send("PUT", "/" + BUCKET + "/k", Map.of(), bytes("second")), 403, "AccessDenied");
        assertError(send("PUT", "/" + BUCKET + "/new", Map.of(), bytes("new")), 403, "AccessDenied");
        assertThat(new String(get("k").body(), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(get("new").statusCode()).isEqualTo(404);
    }

    @Test
    void put_withAnIfMatchOrAnIfNoneMatchOtherThanStar_isRefused() {
        put("k", "first");

        assertError(send("PUT", "/" + BUCKET + "/k", Map.of("If-Match", "\"" + md5Hex("first") + "\""), bytes("x")), 403, "AccessDenied");
        assertError(send("PUT", "/" + BUCKET + "/k2", Map.of("If-None-Match", "\"abc\""), bytes("x")), 501, "NotImplemented");
    }

    @Test
    void put_awsChunkedWithSignedChunksAndATrailer_keepsTheDecodedPayload() {
        String body = "5;chunk-signature=" + "a".repeat(64) + "\r\nhello\r\n"
                + "6;chunk-signature=" + "b".repeat(64) + "\r\n world\r\n"
                + "0;chunk-signature=" + "c".repeat(64) + "\r\n"
                + "x-amz-checksum-crc32:" + Checksums.of("crc32", bytes("hello world")) + "\r\n"
                + "x-amz-trailer-signature:" + "d".repeat(64) + "\r\n\r\n";

        var response = send("PUT", "/" + BUCKET + "/chunked", chunkedHeaders("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", 11), bytes(body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amz-checksum-crc32")).contains(Checksums.of("crc32", bytes("hello world")));
        assertThat(new String(get("chunked").body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(head("chunked").headers().firstValue("Content-Length")).contains("11");
    }

    @Test
    void put_awsChunkedUnsignedWithATrailer_keepsTheDecodedPayload() {
        String body = "b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:" + Checksums.of("crc32", bytes("hello world")) + "\r\n\r\n";

        var response = send("PUT", "/" + BUCKET + "/unsigned", chunkedHeaders("STREAMING-UNSIGNED-PAYLOAD-TRAILER", 11), bytes(body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(get("unsigned").body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
    }

    @Test
    void put_awsChunkedWhoseTrailerChecksumDoesNotMatch_answers400BadDigestAndKeepsNothing() {
        String body = "b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:" + Checksums.of("crc32", bytes("hello there")) + "\r\n\r\n";

        assertError(send("PUT", "/" + BUCKET + "/bad", chunkedHeaders("STREAMING-UNSIGNED-PAYLOAD-TRAILER", 11), bytes(body)), 400, "BadDigest");
        assertThat(get("bad").statusCode()).isEqualTo(404);
    }

    @Test
    void put_awsChunkedWhoseDecodedLengthDiffers_answers400IncompleteBody() {
        String body = "b\r\nhello world\r\n0\r\n\r\n";

        assertError(send("PUT", "/" + BUCKET + "/short", chunkedHeaders("STREAMING-UNSIGNED-PAYLOAD-TRAILER", 12), bytes(body)),
                400, "IncompleteBody");
    }

    @Test
    void put_awsChunkedWhoseChunkIsShorterThanItsSize_answers400IncompleteBody() {
        String body = "ff\r\nhello world\r\n0\r\n\r\n";

        assertError(send("PUT", "/" + BUCKET + "/cut", chunkedHeaders("STREAMING-UNSIGNED-PAYLOAD-TRAILER", 255), bytes(body)),
                400, "IncompleteBody");
    }

    @Test
    void put_whoseChecksumHeaderDoesNotMatch_answers400BadDigest() {
        assertError(send("PUT", "/" + BUCKET + "/crc", Map.of("If-None-Match", "*",
                "x-amz-checksum-crc32", Checksums.of("crc32", bytes("other"))), bytes("body")), 400, "BadDigest");
        assertError(send("PUT", "/" + BUCKET + "/sha", Map.of("If-None-Match", "*",
                "x-amz-checksum-sha256", Checksums.of("sha256", bytes("other"))), bytes("body")), 400, "BadDigest");
        assertError(send("PUT", "/" + BUCKET + "/md5", Map.of("If-None-Match", "*",
                "Content-MD5", Base64.getEncoder().encodeToString(Checksums.md5(bytes("other")))), bytes("body")), 400, "BadDigest");
        assertThat(send("PUT", "/" + BUCKET + "/crc32c", Map.of("If-None-Match", "*",
                "x-amz-checksum-crc32c", Checksums.of("crc32c", bytes("body"))), bytes("body")).statusCode()).isEqualTo(200);
    }

    @Test
    void put_whoseChecksumAlgorithmTheLocalS3CannotCompute_answers501() {
        assertError(send("PUT", "/" + BUCKET + "/nvme", Map.of("If-None-Match", "*", "x-amz-checksum-crc64nvme", "AAAAAAAAAAA="),
                bytes("body")), 501, "NotImplemented");
    }

    @Test
    void put_whosePayloadHashDoesNotMatch_answers400XAmzContentSha256Mismatch() {
        String wrong = HexFormat.of().formatHex(new byte[32]);

        assertError(send("PUT", "/" + BUCKET + "/hash", Map.of("If-None-Match", "*", "x-amz-content-sha256", wrong), bytes("body")),
                400, "XAmzContentSHA256Mismatch");
    }

    @Test
    void put_toAnUnknownBucket_answers404NoSuchBucket() {
        var response = send("PUT", "/no-such-bucket/k", Map.of("If-None-Match", "*"), bytes("x"));

        assertError(response, 404, "NoSuchBucket");
        assertThat(text(xml(response), "BucketName")).isEqualTo("no-such-bucket");
    }

    @Test
    void put_withACopySourceOrASubResource_answers501NotImplemented() {
        put("k", "v");

        assertError(send("PUT", "/" + BUCKET + "/copy", Map.of("If-None-Match", "*", "x-amz-copy-source", "/" + BUCKET + "/k"),
                new byte[0]), 501, "NotImplemented");
        assertError(send("PUT", "/" + BUCKET + "/k?retention", Map.of(), bytes("<Retention/>")), 501, "NotImplemented");
        assertError(send("PUT", "/" + BUCKET + "/k?tagging", Map.of(), bytes("<Tagging/>")), 501, "NotImplemented");
    }

    @Test
    void put_withAPercentEncodedKey_keepsTheDecodedKey() {
        assertThat(send("PUT", "/" + BUCKET + "/dir/k%20%C3%A9+x", Map.of("If-None-Match", "*"), bytes("v")).statusCode()).isEqualTo(200);

        assertThat(keys(list("list-type=2"))).containsExactly("dir/k é+x");
        assertThat(send("GET", "/" + BUCKET + "/dir/k%20%C3%A9%2Bx", Map.of(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void get_ofAnUnknownKey_answers404NoSuchKeyNamingTheKey() {
        var response = get("missing/key");

        assertError(response, 404, "NoSuchKey");
        assertThat(text(xml(response), "Key")).isEqualTo("missing/key");
        assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
    }

    @Test
    void head_answersTheSizeWithoutABody_andAnUnknownKeyWithA404Alone() {
        put("k", "12345");

        var found = head("k");
        var missing = head("missing");

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().firstValue("Content-Length")).contains("5");
        assertThat(found.body()).isEmpty();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEmpty();
    }

    @Test
    void get_withChecksumModeEnabled_answersTheCrc32OfTheObject() {
        put("k", "checked");

        var plain = get("k");
        var checked = send("GET", "/" + BUCKET + "/k", Map.of("x-amz-checksum-mode", "ENABLED"), null);

        assertThat(plain.headers().firstValue("x-amz-checksum-crc32")).isEmpty();
        assertThat(checked.headers().firstValue("x-amz-checksum-crc32")).contains(Checksums.of("crc32", bytes("checked")));
        assertThat(checked.headers().firstValue("x-amz-checksum-type")).contains("FULL_OBJECT");
    }

    @Test
    void delete_ofAnObject_answers403AccessDeniedAsLockedAndTheObjectStays() {
        put("k", "kept");

        var response = send("DELETE", "/" + BUCKET + "/k", Map.of(), null);

        assertError(response, 403, "AccessDenied");
        assertThat(text(xml(response), "Message")).contains("locked");
        assertThat(new String(get("k").body(), StandardCharsets.UTF_8)).isEqualTo("kept");
    }

    @Test
    void deleteObjectsAndDeleteBucket_answer403AccessDenied() {
        put("k", "kept");

        assertError(send("POST", "/" + BUCKET + "?delete", Map.of(), bytes("<Delete><Object><Key>k</Key></Object></Delete>")),
                403, "AccessDenied");
        assertError(send("DELETE", "/" + BUCKET, Map.of(), null), 403, "AccessDenied");
        assertThat(keys(list("list-type=2"))).containsExactly("k");
    }

    @Test
    void list_withMaxKeys_pagesThroughEveryKeyOnceWithOpaqueTokens() {
        List<String> keys = IntStream.range(0, 7).mapToObj(i -> "p/" + i).toList();
        keys.forEach(k -> put(k, k));

        List<String> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            Document page = xml(list("list-type=2&prefix=p%2F&max-keys=3" + token.map(t -> "&continuation-token=" + t).orElse("")));
            seen.addAll(keys(page));
            token = Optional.ofNullable(optionalText(page, "NextContinuationToken"));
            assertThat(text(page, "IsTruncated")).isEqualTo(Boolean.toString(token.isPresent()));
            pages++;
        } while (token.isPresent());

        assertThat(seen).isEqualTo(keys);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void list_withADelimiterAndOneKeyAPage_stepsOverEachCommonPrefixWhole() {
        List.of("a/1", "a/2", "b/1", "c").forEach(k -> put(k, k));

        Document first = xml(list("list-type=2&delimiter=%2F&max-keys=1"));
        Document second = xml(list("list-type=2&delimiter=%2F&max-keys=1&continuation-token=" + text(first, "NextContinuationToken")));
        Document third = xml(list("list-type=2&delimiter=%2F&max-keys=1&continuation-token=" + text(second, "NextContinuationToken")));

        assertThat(texts(first, "CommonPrefixes")).containsExactly("a/");
        assertThat(texts(second, "CommonPrefixes")).containsExactly("b/");
        assertThat(keys(third)).containsExactly("c");
        assertThat(text(third, "IsTruncated")).isEqualTo("false");
    }

    @Test
    void list_withStartAfter_beginsAfterThatKey() {
        List.of("a", "b", "c").forEach(k -> put(k, k));

        assertThat(keys(list("list-type=2&start-after=a"))).containsExactly("b", "c");
    }

    @Test
    void list_withEncodingTypeUrl_encodesKeysAsTheSdkAndTheCliDecodeThem() {
        put("dir/a%20b%2Bc", "v");

        Document page = xml(list("list-type=2&encoding-type=url&prefix=dir%2F"));

        assertThat(text(page, "EncodingType")).isEqualTo("url");
        assertThat(keys(page)).containsExactly("dir%2Fa+b%2Bc");
        assertThat(text(page, "Prefix")).isEqualTo("dir%2F");
    }

    @Test
    void list_withABadTokenOrMaxKeys_answers400InvalidArgument() {
        assertError(list("list-type=2&continuation-token=%21%21"), 400, "InvalidArgument");
        assertError(list("list-type=2&continuation-token=" + Base64.getUrlEncoder().encodeToString(bytes("zzz"))), 400, "InvalidArgument");
        assertError(list("list-type=2&max-keys=-1"), 400, "InvalidArgument");
        assertError(list("list-type=2&max-keys=many"), 400, "InvalidArgument");
    }

    @Test
    void list_withoutListType2_answers501NotImplemented() {
        assertError(list(""), 501, "NotImplemented");
        assertError(list("versions"), 501, "NotImplemented");
    }

    @Test
    void createBucket_whenTheNameIsInvalidOrTaken_answersS3sErrors() {
        assertError(send("PUT", "/Not_Valid", Map.of(), new byte[0]), 400, "InvalidBucketName");
        assertError(send("PUT", "/a..b", Map.of(), new byte[0]), 400, "InvalidBucketName");
        assertError(send("PUT", "/" + BUCKET, Map.of(), new byte[0]), 409, "BucketAlreadyOwnedByYou");
        assertThat(texts(xml(send("GET", "/", Map.of(), null)), "Name")).containsExactly(BUCKET);
    }

    private HttpResponse<byte[]> put(String key, String body) {
        return send("PUT", "/" + BUCKET + "/" + key, Map.of("If-None-Match", "*"), bytes(body));
    }

    private HttpResponse<byte[]> get(String key) {
        return send("GET", "/" + BUCKET + "/" + key, Map.of(), null);
    }

    private HttpResponse<byte[]> head(String key) {
        return send("HEAD", "/" + BUCKET + "/" + key, Map.of(), null);
    }

    private HttpResponse<byte[]> list(String query) {
        return send("GET", "/" + BUCKET + (query.isEmpty() ? "" : "?" + query), Map.of(), null);
    }

    private static Map<String, String> chunkedHeaders(String contentSha256, int decodedLength) {
        return Map.of("If-None-Match", "*", "Content-Encoding", "aws-chunked", "x-amz-content-sha256", contentSha256,
                "x-amz-decoded-content-length", Integer.toString(decodedLength), "x-amz-trailer", "x-amz-checksum-crc32");
    }

    private HttpResponse<byte[]> send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(s3.endpoint() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String code) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/xml");
        Document error = xml(response);
        assertThat(error.getDocumentElement().getTagName()).isEqualTo("Error");
        assertThat(text(error, "Code")).isEqualTo(code);
        assertThat(text(error, "Message")).isNotBlank();
        assertThat(text(error, "RequestId")).isNotBlank();
    }

    private static Document xml(HttpResponse<byte[]> response) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    private static List<String> keys(HttpResponse<byte[]> response) {
        return keys(xml(response));
    }

    private static List<String> keys(Document page) {
        List<String> keys = new ArrayList<>();
        NodeList contents = page.getElementsByTagName("Contents");
        for (int i = 0; i < contents.getLength(); i++) {
            keys.add(((Element) contents.item(i)).getElementsByTagName("Key").item(0).getTextContent());
        }
        return keys;
    }

    private static List<String> texts(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }

    private static String text(Document document, String tag) {
        String text = optionalText(document, tag);
        assertThat(text).as("<" + tag + ">").isNotNull();
        return text;
    }

    private static String optionalText(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String md5Hex(String text) {
        return HexFormat.of().formatHex(Checksums.md5(bytes(text)));
    }
}
