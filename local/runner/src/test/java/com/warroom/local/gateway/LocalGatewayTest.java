package com.warroom.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.warroom.http.ApiRouter;
import com.warroom.json.Json;
import com.warroom.local.LocalTriggers;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.TestKeys;
import com.warroom.local.auth.TokenVerifier;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway in front of the real functions on the embedded stack, called over HTTP. */
@ExtendWith(EmbeddedStackExtension.class)
class LocalGatewayTest {

    private static RSAKey key;
    private static LocalGateway gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start(EmbeddedStack stack) throws IOException {
        key = TestKeys.newKey();
        LambdaFunctions routes = LocalTriggers.realize(Topology.warroom(), stack, (what, cause) -> {
            throw new AssertionError(what, cause);
        }).routes();
        gateway = LocalGateway.start(new InetSocketAddress("127.0.0.1", 0), Topology.warroom(),
                routes, new TokenVerifier(key, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC()));
        client = new GatewayClient(gateway.url());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void health_isPublicAndReady() {
        HttpResponse<String> response = client.get("/v1/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.readTree(response.body())).isEqualTo(Json.readTree("{\"status\":\"ok\"}"));
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }

    @Test
    void health_whenTheAuthorizationHeaderIsGarbage_stillAnswersBecauseNoAuthorizerRuns() {
        assertThat(client.get("/v1/health", "garbage").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPath_is404Problem() {
        HttpResponse<String> response = client.get("/v1/nope");

        assertProblem(response, 404, "not-found");
        assertThat(problem(response).get("detail").asText()).isEqualTo("no route for GET /v1/nope");
    }

    @Test
    void knownPathWithAnotherMethod_is405WithAllow() {
        HttpResponse<String> response = client.send(client.request("/v1/health").DELETE());

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("allow")).hasValue("GET");
    }

    @Test
    void bodyOverOneMebibyte_declaredByContentLength_is413WithoutReadingIt() {
        GatewayClient.RawResponse response = client.raw(setFlagHead(ApiRouter.MAX_BODY_BYTES + 1), "{".getBytes(StandardCharsets.US_ASCII));

        assertRawProblem(response, 413, "payload-too-large");
    }

    @Test
    void bodyOverOneMebibyte_sentInFull_is413AndTheGatewayKeepsServing() {
        byte[] body = jsonOfExactly(ApiRouter.MAX_BODY_BYTES + 4096);

        GatewayClient.RawResponse response = client.raw(setFlagHead(body.length), body);

        assertRawProblem(response, 413, "payload-too-large");
        assertThat(client.get("/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void bodyOverOneMebibyte_sentInChunks_is413() {
        byte[] body = chunked(jsonOfExactly(ApiRouter.MAX_BODY_BYTES + 4096), 256 * 1024);

        GatewayClient.RawResponse response = client.raw(
                "POST /v1/admin/system-flags/set HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestKeys.token(key, Role.OPS)
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", body);

        assertRawProblem(response, 413, "payload-too-large");
    }

    @Test
    void bodyOfExactlyOneMebibyte_reachesTheFunction() {
        byte[] body = jsonOfExactly(ApiRouter.MAX_BODY_BYTES);

        GatewayClient.RawResponse response = client.raw(setFlagHead(body.length), body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(Json.readTree(response.body()).get("flag").asText()).isEqualTo("notification.reminder");
    }

    @Test
    void bodyOverOneMebibyte_streamedWithoutLength_is413() {
        byte[] body = new byte[ApiRouter.MAX_BODY_BYTES + 1024];
        Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = client.send(client.authorized("/v1/admin/system-flags/set", TestKeys.token(key, Role.OPS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void requestLineThatIsNotHttp_is400ProblemAndTheGatewayKeepsServing() {
        assertMalformed(client.raw("GARBAGE"));
        assertMalformed(client.raw("GET\r\nHost: 127.0.0.1"));

        assertThat(client.get("/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void queryWithBadPercentEncoding_is400ProblemNamingTheQueryString() {
        GatewayClient.RawResponse response = client.raw("GET /v1/system-flags/check?flag=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + TestKeys.token(key, Role.OPS));

        assertThat(assertMalformed(response)).contains("the query string", "percent-encoding", "%zz");
    }

    @Test
    void queryThatIsNotUtf8OnceDecoded_is400Problem() {
        GatewayClient.RawResponse response = client.raw("GET /v1/system-flags/check?flag=%ff%fe HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + TestKeys.token(key, Role.OPS));

        assertRawProblem(response, 400, "malformed-request");
        assertThat(Json.readTree(response.body()).get("detail").asText()).contains("the query string", "UTF-8");
    }

    @Test
    void pathVariableThatIsNotUtf8OnceDecoded_is400ProblemNamingThePath() {
        GatewayClient.RawResponse response = client.raw("GET /v1/admin/approvals/%ff%fe HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + TestKeys.token(key, Role.SUPER_ADMIN));

        assertThat(assertMalformed(response)).contains("the path", "UTF-8");
        assertThat(response.header("apigw-requestid")).as("the gateway routed it").isPresent();
    }

    @Test
    void nonPublicRoute_withoutToken_is401() {
        HttpResponse<String> response = client.get("/v1/system-flags");

        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
    }

    @Test
    void nonPublicRoute_withExpiredToken_is401() {
        String expired = TestKeys.token(key, LocalIdentity.WARROOM_LOCAL, Instant.now().minus(Duration.ofHours(2)), Role.OPS);

        HttpResponse<String> response = client.get("/v1/system-flags", expired);

        assertProblem(response, 401, "unauthorized");
        assertThat(problem(response).get("detail").asText()).contains("expired");
    }

    @Test
    void nonPublicRoute_withTokenSignedByAnotherKey_is401() {
        HttpResponse<String> response = client.get("/v1/system-flags", TestKeys.token(TestKeys.impostorOf(key), Role.OPS));

        assertProblem(response, 401, "unauthorized");
        assertThat(problem(response).get("detail").asText()).contains("signature");
    }

    @Test
    void nonPublicRoute_withTokenFromAnotherIssuer_is401() {
        String foreign = TestKeys.token(key, new LocalIdentity("https://cognito-idp.example/pool", "warroom-local-dev"),
                Instant.now(), Role.OPS);

        HttpResponse<String> response = client.get("/v1/system-flags", foreign);

        assertProblem(response, 401, "unauthorized");
        assertThat(problem(response).get("detail").asText()).contains("issuer");
    }

    @Test
    void nonPublicRoute_withAnUnsignedAlgNoneToken_is401() {
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().issuer("warroom-local").subject("mallory")
                .claim("cognito:groups", List.of("super_admin")).claim("token_use", "access").claim("client_id", "warroom-local-dev")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build()).serialize();

        HttpResponse<String> response = client.get("/v1/admin/audit", unsigned);

        assertProblem(response, 401, "unauthorized");
        assertThat(problem(response).get("detail").asText()).contains("not a signed JWT");
    }

    @Test
    void nonPublicRoute_withAnRs256HeaderButNoSignature_is401() {
        String[] parts = TestKeys.token(key, Role.SUPER_ADMIN).split("\\.");

        HttpResponse<String> response = client.get("/v1/admin/audit", parts[0] + "." + parts[1] + ".");

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void nonPublicRoute_withAnHmacToken_is401() throws JOSEException {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer("warroom-local").subject("mallory").claim("token_use", "access")
                        .claim("client_id", "warroom-local-dev").issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        hmac.sign(new MACSigner(new byte[32]));

        HttpResponse<String> response = client.get("/v1/admin/audit", hmac.serialize());

        assertProblem(response, 401, "unauthorized");
        assertThat(problem(response).get("detail").asText()).contains("RS256");
    }

    @Test
    void nonPublicRoute_withAnotherSchemeOrGarbage_is401() {
        assertProblem(client.send(client.request("/v1/system-flags").header("Authorization", "Basic YWxpY2U6c2VjcmV0")), 401, "unauthorized");
        assertProblem(client.get("/v1/system-flags", "garbage"), 401, "unauthorized");
    }

    @Test
    void nonPublicRoute_withASignedTokenWithoutTokenUse_is401() {
        String token = TestKeys.signed(key, TestKeys.validClaims().claim("token_use", null).build());

        HttpResponse<String> response = client.get("/v1/system-flags", token);

        assertProblem(response, 401, "unauthorized");
        assertThat(problem(response).get("detail").asText()).contains("token_use");
    }

    @ParameterizedTest
    @MethodSource("oddGroups")
    void setFlag_withASignedTokenWhoseGroupsAreNotAListOfNames_is401AndChangesNothing(Object groups) {
        String token = TestKeys.signed(key, TestKeys.validClaims().claim("cognito:groups", groups).build());

        HttpResponse<String> set = client.send(client.authorized("/v1/admin/system-flags/set", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"flag\":\"refund\",\"scope\":\"round:odd-groups\",\"enabled\":false,\"reason\":\"odd group claims\"}")));

        assertProblem(set, 401, "unauthorized");
        assertThat(problem(set).get("detail").asText()).contains("cognito:groups");
        JsonNode check = Json.readTree(client.get("/v1/system-flags/check?flag=refund&round=odd-groups", TestKeys.token(key, Role.OPS)).body());
        assertThat(check.get("allowed").asBoolean()).isTrue();
    }

    static Stream<Object> oddGroups() {
        return Stream.of(Arrays.asList(null, "ops"), "ops", 7, List.of(List.of("ops")), Map.of("ops", true), List.of("ops", 1));
    }

    /*
     * A bad escape in the query reaches the gateway, which names the query string; one in the path cannot be parsed, and
     * Jetty's error handler answers it (local/README.md, "How close to AWS it is"). Either way a problem, and no function runs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/v1/admin/audit?actor=%zz", "/v1/admin/approvals/%", "/v1/admin/approvals/%zz", "/v1/admin/audit?actor=%"})
    void badPercentEncodingInTheTarget_is400ProblemAndTheGatewayKeepsServing(String target) {
        GatewayClient.RawResponse response = client.raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + TestKeys.token(key, Role.SUPER_ADMIN));

        assertThat(assertMalformed(response)).contains("percent-encoding");
        assertThat(client.get("/v1/health").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: ten", "Content-Length: -1", "Content-Length: 99999999999999999999999",
            "Content-Length: 2\r\nContent-Length: 3", "Content-Length: 2, 3", "Content-Length: 0x2"})
    void setFlag_withABadContentLength_is400ProblemAndChangesNothing(String contentLength) {
        GatewayClient.RawResponse response = client.raw("POST /v1/admin/system-flags/set HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + TestKeys.token(key, Role.OPS) + "\r\nContent-Type: application/json\r\n" + contentLength,
                "{\"flag\":\"refund\",\"scope\":\"round:bad-length\",\"enabled\":false,\"reason\":\"bad length\"}"
                        .getBytes(StandardCharsets.UTF_8));

        assertRefusedBeforeTheGateway(response);
        assertThat(assertMalformed(response)).contains("Content-Length");
        JsonNode check = Json.readTree(client.get("/v1/system-flags/check?flag=refund&round=bad-length", TestKeys.token(key, Role.OPS)).body());
        assertThat(check.get("allowed").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GARBAGE", "GET\r\nHost: 127.0.0.1", "GET /v1/health HTTP/1.1\r\nHost 127.0.0.1",
            "GET /v1/health HTTP/1.1\r\n: no-name", "GET /v1/health\u0001 HTTP/1.1\r\nHost: 127.0.0.1"})
    void malformedRequestLineOrHeader_is400ProblemAndTheGatewayKeepsServing(String head) {
        GatewayClient.RawResponse response = client.raw(head);

        assertRefusedBeforeTheGateway(response);
        assertThat(assertMalformed(response)).containsAnyOf("request line", "header");
        assertThat(client.get("/v1/health").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("otherUnparsableRequests")
    void otherRequestsJettyRefuses_areProblemsThatSayWhy(String head, int status, String slug, String saying) {
        GatewayClient.RawResponse response = client.raw(head);

        assertRefusedBeforeTheGateway(response);
        assertRawProblem(response, status, slug);
        assertThat(Json.readTree(response.body()).get("detail").asText()).contains(saying).doesNotContain("Exception");
    }

    static Stream<Arguments> otherUnparsableRequests() {
        String malformed = "malformed-request";
        return Stream.of(
                Arguments.of("GET /v1/health HTTP/1.1", 400, malformed, "Host"),
                Arguments.of("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: localhost", 400, malformed, "Host"),
                Arguments.of("POST /v1/admin/system-flags/set HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3",
                        400, malformed, "Transfer-Encoding"),
                Arguments.of("GET /v1/health#top HTTP/1.1\r\nHost: 127.0.0.1", 400, malformed, "fragment"),
                Arguments.of("GET /v1/admin/approvals/a%00b HTTP/1.1\r\nHost: 127.0.0.1", 400, malformed, "path"),
                Arguments.of("GET /v1/health HTTP/3.0\r\nHost: 127.0.0.1", 505, "http-version-not-supported", "HTTP/1.1"),
                Arguments.of("GET /v1/" + "a".repeat(16 * 1024) + " HTTP/1.1\r\nHost: 127.0.0.1", 414, "uri-too-long", "bytes"));
    }

    @Test
    void headersOverTheLimit_is431Problem() {
        GatewayClient.RawResponse response = client.raw("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "a".repeat(16 * 1024));

        assertRefusedBeforeTheGateway(response);
        assertRawProblem(response, 431, "request-header-fields-too-large");
        assertThat(client.get("/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void bodyWithBrokenChunkedEncoding_is400ProblemAndChangesNothing() {
        GatewayClient.RawResponse response = client.raw("POST /v1/admin/system-flags/set HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + TestKeys.token(key, Role.OPS) + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                "zz\r\n{\"flag\":\"refund\",\"scope\":\"round:bad-chunks\",\"enabled\":false,\"reason\":\"bad chunks\"}\r\n0\r\n\r\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(assertMalformed(response)).contains("chunked");
        JsonNode check = Json.readTree(client.get("/v1/system-flags/check?flag=refund&round=bad-chunks", TestKeys.token(key, Role.OPS)).body());
        assertThat(check.get("allowed").asBoolean()).isTrue();
    }

    @Test
    void head_isAnsweredWithHeadersOnlyAndTheConnectionStaysInStep() {
        HttpResponse<String> response = client.send(client.request("/v1/health").HEAD());

        // the topology has no HEAD routes, and the gateway does not answer HEAD with a GET route
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValueAsLong("content-length").orElseThrow()).isPositive();
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        assertThat(client.get("/v1/health").statusCode()).isEqualTo(200);
    }

    // refused while Jetty parsed it: no request id, since nothing was routed, and the connection closed
    private static void assertRefusedBeforeTheGateway(GatewayClient.RawResponse response) {
        assertThat(response.header("apigw-requestid")).as("the gateway never saw it").isEmpty();
        assertThat(response.header("connection")).hasValue("close");
    }

    /** A 400 malformed-request problem whose detail says what is wrong in words; the detail. */
    private static String assertMalformed(GatewayClient.RawResponse response) {
        assertRawProblem(response, 400, "malformed-request");
        JsonNode problem = Json.readTree(response.body());
        assertThat(problem.get("title").asText()).isNotBlank();
        String detail = problem.get("detail").asText();
        assertThat(detail).isNotBlank().doesNotContain("Exception", "java.", "org.eclipse", "Bad Request");
        assertThat(response.body()).doesNotContain("\tat ", "Exception");
        return detail;
    }

    @Test
    void listFlags_withAnAllowedRole_reachesTheHandler() {
        HttpResponse<String> response = client.get("/v1/system-flags", TestKeys.token(key, Role.OPS));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.readTree(response.body()).get("flags").isArray()).isTrue();
    }

    @Test
    void listFlags_withNoAllowedRole_isRefusedByTheHandler() {
        assertProblem(client.get("/v1/system-flags", TestKeys.token(key)), 403, "forbidden");
    }

    @Test
    void audit_isForAuditReadersOnly() {
        assertProblem(client.get("/v1/admin/audit", TestKeys.token(key, Role.SUPPORT)), 403, "forbidden");
        assertThat(client.get("/v1/admin/audit", TestKeys.token(key, Role.FINANCE)).statusCode()).isEqualTo(200);
    }

    @Test
    void setFlag_withARoleThatMayNotSetFlags_is403AndChangesNothing() {
        String support = TestKeys.token(key, Role.SUPPORT, Role.FINANCE);

        HttpResponse<String> set = client.send(client.authorized("/v1/admin/system-flags/set", support)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"flag\":\"refund\",\"scope\":\"round:R403\",\"enabled\":false,\"reason\":\"support should not do this\"}")));

        assertProblem(set, 403, "forbidden");
        JsonNode check = Json.readTree(client.get("/v1/system-flags/check?flag=refund&round=R403", support).body());
        assertThat(check.get("allowed").asBoolean()).isTrue();
    }

    @Test
    void setFlag_throughTheGateway_isAppliedAndListed() {
        String ops = TestKeys.token(key, Role.OPS);

        HttpResponse<String> set = client.send(client.authorized("/v1/admin/system-flags/set", ops)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"flag\":\"ama.join_token\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"AMA join links leaked\"}")));

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode listed = Json.readTree(client.get("/v1/system-flags", ops).body());
        assertThat(listed.get("flags").findValues("flag").stream().map(JsonNode::asText)).contains("ama.join_token");
        JsonNode ama = IntStream.range(0, listed.get("flags").size()).mapToObj(i -> listed.get("flags").get(i))
                .filter(f -> f.get("flag").asText().equals("ama.join_token")).findFirst().orElseThrow();
        assertThat(ama.get("global").get("enabled").asBoolean()).isFalse();
    }

    @Test
    void textBodyThatIsNotUtf8_is400Problem() {
        HttpResponse<String> response = client.send(client.authorized("/v1/admin/system-flags/set", TestKeys.token(key, Role.OPS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', (byte) 0xc3, '}'})));

        assertProblem(response, 400, "malformed-request");
        assertThat(problem(response).get("detail").asText()).contains("not valid UTF-8");
    }

    @Test
    void everyRequest_getsItsOwnRequestId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.get("/v1/health").headers().firstValue("apigw-requestid").orElseThrow());
        }

        assertThat(ids).hasSize(5);
    }

    private static String setFlagHead(int contentLength) {
        return "POST /v1/admin/system-flags/set HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestKeys.token(key, Role.OPS)
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength;
    }

    /** A valid set-flag request padded with spaces to exactly {@code size} bytes. */
    private static byte[] jsonOfExactly(int size) {
        byte[] json = "{\"flag\":\"notification.reminder\",\"scope\":\"round:size-limit\",\"enabled\":false,\"reason\":\"body size boundary\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(json, 0, body, 0, json.length);
        return body;
    }

    private static byte[] chunked(byte[] body, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int start = 0; start < body.length; start += chunkSize) {
            int length = Math.min(chunkSize, body.length - start);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, start, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static void assertRawProblem(GatewayClient.RawResponse response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("content-type")).hasValue("application/problem+json");
        JsonNode problem = Json.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://warroom.dev/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    static JsonNode problem(HttpResponse<String> response) {
        return Json.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode problem = problem(response);
        assertThat(problem.get("type").asText()).isEqualTo("https://warroom.dev/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
    }
}
