package com.warroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.testing.FakeContext;
import com.warroom.testing.LocalDynamoDb;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDynamoDb.Extension.class)
class ApiRouterTest {

    private static final String SET = "POST /v1/admin/system-flags/set";
    private static final String CHECK = "GET /v1/system-flags/check";
    private static final String HEALTH = "GET /v1/health";

    private static IdempotencyStore idempotency;

    private final List<ApiRequest> seen = new ArrayList<>();
    private final AtomicReference<RouteAction> setAction =
            new AtomicReference<>(r -> ApiResult.ok(Map.of("applied", true)));

    private final ApiRouter router = new ApiRouter(Map.of(
            SET, r -> { seen.add(r); return setAction.get().handle(r); },
            CHECK, r -> { seen.add(r); return ApiResult.ok(Map.of("allowed", true)); },
            HEALTH, r -> { seen.add(r); return ApiResult.ok(Map.of("status", "ok")); }), idempotency);

    @BeforeAll
    static void createIdempotencyTable(LocalDynamoDb dynamo) {
        idempotency = new IdempotencyStore(dynamo.enhanced(), dynamo.createTable(Topology.IDEMPOTENCY), Clock.systemUTC());
    }

    // ---- event building ----

    private static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> claims, String body) {
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId("req-123");
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setSourceIp("203.0.113.7");
        http.setMethod(routeKey.substring(0, routeKey.indexOf(' ')));
        http.setPath(routeKey.substring(routeKey.indexOf(' ') + 1));
        context.setHttp(http);
        if (claims != null) {
            var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(claims);
            var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            authorizer.setJwt(jwt);
            context.setAuthorizer(authorizer);
        }
        var e = new APIGatewayV2HTTPEvent();
        e.setVersion("2.0");
        e.setRouteKey(routeKey);
        e.setRawPath(http.getPath());
        e.setRequestContext(context);
        e.setBody(body);
        e.setHeaders(new HashMap<>(Map.of("Content-Type", "application/json")));
        return e;
    }

    private static Map<String, String> caller(String groups) {
        return Map.of("sub", "sub-1", "email", "ops@example.com", "cognito:groups", groups);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String slug) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getHeaders()).containsEntry("X-Request-Id", "req-123");
        assertThat(response.getIsBase64Encoded()).isFalse();
        JsonNode body = json(response);
        assertThat(body.get("type").asText()).isEqualTo(Problem.TYPE_BASE + slug);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).isNotBlank();
    }

    // ---- construction ----

    @Test
    void constructor_whenActionForRouteNotInTopology_expectRejected() {
        assertThatThrownBy(() -> new ApiRouter(Map.of("DELETE /v1/everything", r -> ApiResult.ok("x"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DELETE /v1/everything");
    }

    @Test
    void constructor_whenWriteRouteTakesAKeyButNoStoreGiven_expectRejected() {
        assertThatThrownBy(() -> new ApiRouter(Map.of(SET, r -> ApiResult.ok("x"), CHECK, r -> ApiResult.ok("x"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SET).hasMessageContaining("IdempotencyStore");
    }

    @Test
    void constructor_whenOnlyReadRoutes_expectNoStoreNeeded() {
        assertThat(new ApiRouter(Map.of(CHECK, r -> ApiResult.ok("x"), HEALTH, r -> ApiResult.ok("x")))
                .handle(event(HEALTH, null, null), null).getStatusCode()).isEqualTo(200);
    }

    // ---- routing and auth ----

    @Test
    void handle_whenAllowedCaller_expectActionCalledWithDecodedRequestAndJsonAnswer() {
        var e = event(SET, caller("[ops]"), "{\"flag\":\"payout\"}");
        e.setHeaders(new HashMap<>(Map.of("Idempotency-Key", "k-1", "Content-Type", "application/json")));
        e.setQueryStringParameters(Map.of("dryRun", "true"));
        e.setPathParameters(Map.of("id", "p-1"));

        APIGatewayV2HTTPResponse response = router.handle(e, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("X-Request-Id", "req-123");
        assertThat(json(response).get("applied").asBoolean()).isTrue();
        assertThat(seen).hasSize(1);
        ApiRequest r = seen.get(0);
        assertThat(r.routeKey()).isEqualTo(SET);
        assertThat(r.rawPath()).isEqualTo("/v1/admin/system-flags/set");
        assertThat(r.body()).isEqualTo("{\"flag\":\"payout\"}");
        assertThat(r.header("idempotency-key")).contains("k-1");
        assertThat(r.header("content-type")).contains("application/json");
        assertThat(r.queryParam("dryRun")).contains("true");
        assertThat(r.pathParameters()).containsEntry("id", "p-1");
        assertThat(r.requestId()).isEqualTo("req-123");
        assertThat(r.sourceIp()).isEqualTo("203.0.113.7");
        assertThat(r.requireCaller().sub()).isEqualTo("sub-1");
        assertThat(r.requireCaller().roles()).containsExactly(Role.OPS);
    }

    @Test
    void handle_whenEventHasNoMapsOrBody_expectEmptyMapsAndEmptyBody() {
        var e = event(CHECK, caller("[support]"), null);
        e.setHeaders(null);
        APIGatewayV2HTTPResponse response = router.handle(e, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        ApiRequest r = seen.get(0);
        assertThat(r.query()).isEmpty();
        assertThat(r.pathParameters()).isEmpty();
        assertThat(r.headers()).isEmpty();
        assertThat(r.body()).isEmpty();
    }

    @Test
    void handle_whenTheAuditChainWasTamperedWith_expect409ProblemNamingIt() {
        ApiRouter tampered = new ApiRouter(Map.of(CHECK, r -> {
            throw new com.warroom.audit.AuditChainTampered("the audit head is missing while the chain has entries");
        }));

        APIGatewayV2HTTPResponse response = tampered.handle(event(CHECK, caller("[ops]"), null), null);

        assertProblem(response, 409, "audit-chain-tampered");
        assertThat(json(response).get("detail").asText()).contains("the audit head is missing").contains("nothing was changed");
        assertThat(response.getBody()).doesNotContain("Exception");
    }

    @Test
    void handle_whenUnknownRoute_expect404Problem() {
        APIGatewayV2HTTPResponse response = router.handle(event("GET /v1/nowhere", caller("[super_admin]"), null), null);
        assertProblem(response, 404, "not-found");
        assertThat(json(response).get("title").asText()).isEqualTo("Not found");
        assertThat(json(response).get("detail").asText()).isEqualTo("no route GET /v1/nowhere");
        assertThat(json(response).has("errors")).isFalse();
        assertThat(seen).isEmpty();
    }

    @Test
    void handle_whenRouteInTopologyButNoActionHere_expect404Problem() {
        assertProblem(router.handle(event("GET /v1/admin/audit", caller("[super_admin]"), null), null), 404, "not-found");
    }

    @Test
    void handle_whenNoRouteKey_expect404Problem() {
        var e = event(CHECK, caller("[ops]"), null);
        e.setRouteKey(null);
        assertProblem(router.handle(e, null), 404, "not-found");
    }

    @Test
    void handle_whenNoClaims_expect401AndActionNotCalled() {
        APIGatewayV2HTTPResponse response = router.handle(event(SET, null, "{}"), null);
        assertProblem(response, 401, "unauthorized");
        assertThat(json(response).get("title").asText()).isEqualTo("Authentication required");
        assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(seen).isEmpty();
    }

    @Test
    void handle_whenClaimsWithoutSub_expect401() {
        assertProblem(router.handle(event(SET, Map.of("cognito:groups", "[super_admin]"), "{}"), null), 401, "unauthorized");
        assertThat(seen).isEmpty();
    }

    @Test
    void handle_whenCallerLacksRouteRole_expect403AndActionNotCalled() {
        APIGatewayV2HTTPResponse response = router.handle(event(SET, caller("[support finance]"), "{}"), null);
        assertProblem(response, 403, "forbidden");
        assertThat(json(response).get("detail").asText()).isEqualTo("role [finance, support] may not call " + SET);
        assertThat(seen).isEmpty();
    }

    @Test
    void handle_whenCallerHasNoRoles_expect403() {
        assertProblem(router.handle(event(SET, Map.of("sub", "s"), "{}"), null), 403, "forbidden");
    }

    @Test
    void handle_whenServiceCallsAdminRoute_expect403ButCheckAllowed() {
        Map<String, String> service = Map.of("sub", "client-1", "scope", "warroom/service");
        assertProblem(router.handle(event(SET, service, "{}"), null), 403, "forbidden");
        assertThat(router.handle(event(CHECK, service, null), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void handle_whenPublicRouteWithoutToken_expectActionCalledWithoutCaller() {
        APIGatewayV2HTTPResponse response = router.handle(event(HEALTH, null, null), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(seen.get(0).caller()).isEmpty();
    }

    // ---- body bounds and encoding ----

    @Test
    void handle_whenBodyOver1MiB_expect413AndActionNotCalled() {
        String body = "{\"reason\":\"" + "x".repeat(ApiRouter.MAX_BODY_BYTES) + "\"}";
        APIGatewayV2HTTPResponse response = router.handle(event(SET, caller("[ops]"), body), null);
        assertProblem(response, 413, "payload-too-large");
        assertThat(seen).isEmpty();
    }

    @Test
    void handle_whenBodyExactly1MiB_expectAccepted() {
        String body = "x".repeat(ApiRouter.MAX_BODY_BYTES);
        assertThat(router.handle(event(SET, caller("[ops]"), body), null).getStatusCode()).isEqualTo(200);
        assertThat(seen.get(0).body()).hasSize(ApiRouter.MAX_BODY_BYTES);
    }

    @Test
    void handle_whenBodyUnder1MiCharactersButOver1MiBInUtf8_expect413() {
        String body = "\u00e9".repeat(ApiRouter.MAX_BODY_BYTES / 2 + 1);
        assertProblem(router.handle(event(SET, caller("[ops]"), body), null), 413, "payload-too-large");
    }

    @Test
    void handle_whenOversizeBodyWithoutToken_expect401NotTheSizeAnswer() {
        String body = "x".repeat(ApiRouter.MAX_BODY_BYTES + 1);
        assertProblem(router.handle(event(SET, null, body), null), 401, "unauthorized");
    }

    @Test
    void handle_whenBodyIsBase64Encoded_expectActionSeesDecodedText() {
        String text = "{\"reason\":\"caf\u00e9 \u2603\"}";
        var e = event(SET, caller("[ops]"), Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        e.setIsBase64Encoded(true);
        assertThat(router.handle(e, null).getStatusCode()).isEqualTo(200);
        assertThat(seen.get(0).body()).isEqualTo(text);
    }

    @Test
    void handle_whenBase64BodyDecodesToOver1MiB_expect413() {
        byte[] raw = new byte[ApiRouter.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(raw, (byte) 'a');
        var e = event(SET, caller("[ops]"), Base64.getEncoder().encodeToString(raw));
        e.setIsBase64Encoded(true);
        assertProblem(router.handle(e, null), 413, "payload-too-large");
    }

    @Test
    void handle_whenBase64BodyIsNotBase64_expectNoInternalsLeaked() {
        var e = event(SET, caller("[ops]"), "not base64!!");
        e.setIsBase64Encoded(true);
        APIGatewayV2HTTPResponse response = router.handle(e, null);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).doesNotContain("IllegalArgument", "java.", "Base64", "Illegal base64");
        assertThat(seen).isEmpty();
    }

    @Test
    void handle_whenBase64BodyIsNotBase64_expect400() {
        var e = event(SET, caller("[ops]"), "not base64!!");
        e.setIsBase64Encoded(true);
        assertProblem(router.handle(e, null), 400, "malformed-json");
    }

    // ---- failures never leak ----

    @Test
    void handle_whenActionThrows_expect500WithRequestIdAndNoInternals() {
        setAction.set(r -> {
            throw new IllegalStateException("secret-table-name wr-prod-payouts exploded");
        });
        APIGatewayV2HTTPResponse response = router.handle(event(SET, caller("[ops]"), "{}"), null);

        assertProblem(response, 500, "internal");
        String body = response.getBody();
        assertThat(json(response).get("detail").asText()).contains("req-123");
        assertThat(body).doesNotContain("IllegalStateException", "secret-table-name", "exploded", "java.",
                "com.warroom", "\tat ", "at com.", "Exception");
        assertThat(json(response).has("errors")).isFalse();
    }

    @Test
    void handle_whenActionThrowsAndNoRequestContext_expect500WithUnknownRequestId() {
        setAction.set(r -> {
            throw new NullPointerException("x");
        });
        var e = event(SET, caller("[ops]"), "{}");
        APIGatewayV2HTTPResponse ok = router.handle(e, null);
        assertThat(ok.getStatusCode()).isEqualTo(500);

        var bare = new APIGatewayV2HTTPEvent();
        bare.setRouteKey(HEALTH);
        APIGatewayV2HTTPResponse response = router.handle(bare, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("X-Request-Id", "unknown");
        assertThat(seen.get(seen.size() - 1).sourceIp()).isEqualTo("unknown");
    }

    @Test
    void handle_whenActionAnswersValidationProblem_expectProblemJsonWithErrors() {
        setAction.set(r -> ApiResult.problem(Problem.validation(List.of(new FieldError("flag", "is required"),
                new FieldError("enabled", "must be true or false")))));
        APIGatewayV2HTTPResponse response = router.handle(event(SET, caller("[super_admin]"), "{}"), null);

        assertProblem(response, 400, "validation");
        JsonNode errors = json(response).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("flag");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("is required");
        assertThat(json(response).get("detail").asText()).isEqualTo("flag: is required; enabled: must be true or false");
    }

    @Test
    void handle_whenActionAddsHeaders_expectThemKeptWithContentTypeAndRequestId() {
        setAction.set(r -> new ApiResult(201, Map.of("id", "a-1"), Map.of("Location", "/v1/approvals/a-1")));
        APIGatewayV2HTTPResponse response = router.handle(event(SET, caller("[ops]"), "{}"), null);
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Location", "/v1/approvals/a-1")
                .containsEntry("Content-Type", "application/json").containsEntry("X-Request-Id", "req-123");
    }

    @Test
    void handle_whenResultCannotBeEncoded_expect500Problem() {
        setAction.set(r -> ApiResult.ok(new Object()));
        assertProblem(router.handle(event(SET, caller("[ops]"), "{}"), null), 500, "internal");
        setAction.set(r -> null);
        assertProblem(router.handle(event(SET, caller("[ops]"), "{}"), null), 500, "internal");
    }

    // ---- through Powertools logging, as in Lambda ----

    @Test
    void handle_whenLambdaContextGiven_expectSameAnswers() {
        FakeContext context = new FakeContext("aws-req-1");
        assertThat(router.handle(event(CHECK, caller("[support]"), null), context).getStatusCode()).isEqualTo(200);
        assertProblem(router.handle(event(SET, caller("[support]"), "{}"), context), 403, "forbidden");
        setAction.set(r -> {
            throw new IllegalStateException("boom");
        });
        APIGatewayV2HTTPResponse failed = router.handle(event(SET, caller("[ops]"), "{}"), context);
        assertProblem(failed, 500, "internal");
        assertThat(failed.getBody()).doesNotContain("boom", "IllegalStateException");
    }

    @Test
    void problem_whenSerialized_expectRfc9457MembersOnly() {
        JsonNode p = Json.readTree(Json.write(Problem.conflict("flag changed meanwhile")));
        assertThat(p.get("type").asText()).isEqualTo("https://warroom.dev/problems/conflict");
        assertThat(p.get("title").asText()).isEqualTo("Conflict");
        assertThat(p.get("status").asInt()).isEqualTo(409);
        assertThat(p.get("status").isInt()).isTrue();
        assertThat(p.get("detail").asText()).isEqualTo("flag changed meanwhile");
        assertThat(p.has("errors")).isFalse();
        assertThat(Problem.invalidField("limit", "too big").errors()).containsExactly(new FieldError("limit", "too big"));
        assertThat(new Problem("t", "x", 400, "d", null).errors()).isEmpty();
    }

    // ---- media type (issue 8) ----

    private static APIGatewayV2HTTPEvent withContentType(APIGatewayV2HTTPEvent e, String contentType) {
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        e.setHeaders(headers);
        return e;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.NullSource
    @org.junit.jupiter.params.provider.ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/octet-stream", "application/json; charset=iso-8859-1",
        "application/json;charset=utf-16", "application/jsonx", "", "application/problem+json", "application/json; charset=\"\""})
    void handle_whenBodyRouteGetsAnotherMediaType_expect415BeforeActionAndIdempotency(String contentType) {
        var e = withContentType(event(SET, caller("[ops]"), "{\"flag\":\"payout\"}"), contentType);
        String key = "k-415-" + String.valueOf(contentType).hashCode();
        e.getHeaders().put("Idempotency-Key", key);
        assertProblem(router.handle(e, null), 415, "unsupported-media-type");
        assertThat(seen).isEmpty();
        // the refused request claimed nothing: the same key with a good media type runs the action
        var good = withContentType(event(SET, caller("[ops]"), "{\"flag\":\"payout\"}"), "application/json");
        good.getHeaders().put("Idempotency-Key", key);
        assertThat(router.handle(good, null).getStatusCode()).isEqualTo(200);
        assertThat(seen).hasSize(1);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
        "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", " application/json ; Charset=Utf-8 "})
    void handle_whenBodyRouteGetsJson_expectAccepted(String contentType) {
        assertThat(router.handle(withContentType(event(SET, caller("[ops]"), "{}"), contentType), null).getStatusCode())
                .isEqualTo(200);
        assertThat(seen).hasSize(1);
    }

    @Test
    void handle_whenReadRouteHasNoContentType_expectAccepted() {
        assertThat(router.handle(withContentType(event(CHECK, caller("[ops]"), null), null), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void prime_whenRoutesTakeBodies_expectEveryActionReached() {
        router.prime();
        assertThat(seen).extracting(ApiRequest::routeKey).contains(SET, CHECK);
    }
}
