package com.warroom.config.api;

import static com.warroom.config.api.ConfigFixtures.body;
import static com.warroom.config.api.ConfigFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalIntegrity;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.actions.ConfigChangeAction;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.http.ApiRouter;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.sfn.ExecutionView;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /v1/admin/config/changes}: every bad input is refused with nothing written; a valid one is 202 and starts the workflow. */
@ExtendWith(EmbeddedStackExtension.class)
class ChangeRouteTest {

    static final String BASE_ETH = "{\"chain\":\"evm:8453\",\"asset\":\"ETH\",\"address\":\"0x10B1Ef3069a2E5471e1b193060EDC529d806a738\"}";
    private static final String REASON = ConfigFixtures.REASON;

    private static ConfigFixtures fixtures;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ConfigFixtures(stack);
        fixtures.seed();
    }

    private static String sub() {
        return "fin-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"kind\": \"treasury.set\",", 400, "malformed-json", null),
                Arguments.of("not an object", "[1,2]", 400, "malformed-json", null),
                Arguments.of("empty body", "", 400, "malformed-json", null),
                Arguments.of("unknown field", "{\"kind\":\"treasury.set\",\"payload\":" + BASE_ETH + ",\"reason\":\"" + REASON
                        + "\",\"version\":2}", 400, "validation", "version"),
                Arguments.of("kind not a string", "{\"kind\":7,\"payload\":" + BASE_ETH + ",\"reason\":\"" + REASON + "\"}",
                        400, "validation", "kind"),
                Arguments.of("reason not a string", "{\"kind\":\"treasury.set\",\"payload\":" + BASE_ETH + ",\"reason\":42}",
                        400, "validation", "reason"),
                Arguments.of("missing payload", "{\"kind\":\"treasury.set\",\"reason\":\"" + REASON + "\"}", 400, "validation", "payload"),
                Arguments.of("missing kind", "{\"payload\":" + BASE_ETH + ",\"reason\":\"" + REASON + "\"}", 400, "validation", "kind"),
                Arguments.of("short reason", body("treasury.set", BASE_ETH, "too short"), 400, "validation", "reason"),
                Arguments.of("long reason", body("treasury.set", BASE_ETH, "x".repeat(501)), 400, "validation", "reason"),
                Arguments.of("unknown kind", body("treasury.delete", BASE_ETH, REASON), 422, "validation", "kind"),
                Arguments.of("payload not an object", body("treasury.set", "\"evm:1\"", REASON), 422, "validation", "payload"),
                Arguments.of("bad checksum", body("treasury.set",
                        "{\"chain\":\"evm:8453\",\"asset\":\"ETH\",\"address\":\"0x10b1ef3069a2e5471e1b193060edc529d806a738\"}", REASON),
                        422, "validation", "payload.address"),
                Arguments.of("unsupported chain", body("treasury.set",
                        "{\"chain\":\"evm:10\",\"asset\":\"ETH\",\"address\":\"0x10B1Ef3069a2E5471e1b193060EDC529d806a738\"}", REASON),
                        422, "validation", "payload.chain"),
                Arguments.of("unknown payload field", body("treasury.set",
                        "{\"chain\":\"evm:8453\",\"asset\":\"ETH\",\"address\":\"0x10B1Ef3069a2E5471e1b193060EDC529d806a738\",\"memo\":\"x\"}",
                        REASON), 422, "validation", "payload.memo"),
                Arguments.of("secret URL as rpcSecretName", body("network.upsert",
                        "{\"chain\":\"evm:10\",\"name\":\"Optimism\",\"rpcSecretName\":\"https://rpc.example/key\",\"nativeAsset\":\"ETH\"}",
                        REASON), 422, "validation", "payload.rpcSecretName"),
                Arguments.of("splits not adding up", body("fee_rule.set",
                        "{\"id\":\"bonding_swap\",\"rule\":{\"kind\":\"percentage\",\"rateBps\":150,\"splits\":[{\"to\":\"treasury\",\"bps\":5000}]}}",
                        REASON), 422, "validation", null),
                Arguments.of("remove a network holding treasury", body("network.remove", "{\"chain\":\"evm:8453\"}", REASON),
                        422, "validation", "payload.chain"),
                Arguments.of("change that changes nothing", body("treasury.set",
                        "{\"chain\":\"evm:1\",\"asset\":\"USDC\",\"address\":\"0x10B1Ef3069a2E5471e1b193060EDC529d806a738\"}", REASON),
                        422, "validation", "payload"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void change_whenBodyIsBad_isRefusedAndWritesNothing(String what, String body, int status, String type, String field) {
        String sub = sub();
        long version = fixtures.version();

        APIGatewayV2HTTPResponse response = fixtures.change(body, sub, Role.FINANCE);

        JsonNode problem = assertProblem(response, status, type);
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
        }
        if (status == 422) {
            assertThat(problem.path("errors").size()).as(response.getBody()).isPositive();
        }
        assertNothingWritten(sub, version);
    }

    @Test
    void change_whenBodyIsOverOneMebibyte_is413AndWritesNothing() {
        String sub = sub();
        long version = fixtures.version();
        String huge = body("treasury.set", BASE_ETH, REASON + " " + "x".repeat(ApiRouter.MAX_BODY_BYTES));

        assertProblem(fixtures.change(huge, sub, Role.SUPER_ADMIN), 413, "payload-too-large");
        assertNothingWritten(sub, version);
    }

    @Test
    void change_withoutToken_is401() {
        long version = fixtures.version();
        APIGatewayV2HTTPResponse response = fixtures.change(body("treasury.set", BASE_ETH, REASON), null);
        assertProblem(response, 401, "unauthorized");
        assertThat(fixtures.version()).isEqualTo(version);
    }

    @ParameterizedTest
    @MethodSource("notRequesters")
    void change_whenRoleMayNotRequest_is403AndWritesNothing(Role role) {
        String sub = sub();
        long version = fixtures.version();
        assertProblem(fixtures.change(body("treasury.set", BASE_ETH, REASON), sub, role), 403, "forbidden");
        assertNothingWritten(sub, version);
    }

    static Stream<Role> notRequesters() {
        return Stream.of(Role.OPS, Role.REVIEWER, Role.SUPPORT, Role.SERVICE);
    }

    @Test
    void change_whenValid_recordsAPendingRequestWithItsAuditEntryAndStartsTheWorkflow() throws Exception {
        String sub = sub();
        long version = fixtures.version();
        Instant before = Instant.now();

        APIGatewayV2HTTPResponse response = fixtures.change(
                "{ \"reason\": \"" + REASON + "\", \"payload\": {\"address\": \"0x10B1Ef3069a2E5471e1b193060EDC529d806a738\","
                        + " \"asset\": \"ETH\", \"chain\": \"evm:8453\"}, \"kind\": \"treasury.set\" }", sub, Role.FINANCE);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        JsonNode answer = json(response);
        String id = answer.path("approvalId").asText();
        assertThat(answer.path("status").asText()).isEqualTo("PENDING");
        assertThat(answer.path("action").asText()).isEqualTo(ConfigChangeAction.NAME);
        String canonical = "{\"kind\":\"treasury.set\",\"payload\":" + Json.canonical(Json.readTree(BASE_ETH)) + "}";
        assertThat(answer.path("payloadHash").asText()).isEqualTo(AuditHasher.sha256Hex(canonical));
        assertThat(Instant.parse(answer.path("expiresAt").asText()))
                .isAfterOrEqualTo(before.plus(Topology.APPROVAL.decisionTimeout()));

        List<ApprovalRequest> requests = fixtures.requestsBy(sub);
        assertThat(requests).hasSize(1);
        ApprovalRequest request = requests.get(0);
        assertThat(request.id()).isEqualTo(id);
        assertThat(request.payload()).isEqualTo(canonical);
        assertThat(request.reason()).isEqualTo(REASON);
        assertThat(request.requestedByRoles()).containsExactly("finance");
        assertThat(fixtures.version()).as("only the workflow changes the config").isEqualTo(version);

        ExecutionView waiting = fixtures.stack.localStepFunctions().awaitQuiet(
                fixtures.stack.localStepFunctions().executionArn(Topology.APPROVAL, id), Duration.ofSeconds(30));
        assertThat(waiting.state()).isEqualTo("WaitForDecision");
        List<AuditEntry> entries = fixtures.entriesBy(sub);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("approval.requested");
        AuditEntry requested = entries.get(0);
        assertThat(requested.target()).isEqualTo("config:treasury.set");
        assertThat(requested.reason()).isEqualTo(REASON);
        assertThat(requested.sourceIp()).isEqualTo("198.51.100.10");
        assertThat(Json.readTree(requested.after()).path("approvalId").asText()).isEqualTo(id);
        assertThat(Json.readTree(requested.before()).path("version").asLong()).isEqualTo(version);

        // sealed over that entry, once, by this route: the decision route and the apply step check it
        assertThat(request.requestSeal().auditSeq()).isEqualTo(requested.seq());
        ApprovalIntegrity integrity = new ApprovalIntegrity(KmsSealer.forKey(Topology.SEALS),
                seq -> fixtures.entriesBy(sub).stream().filter(e -> e.seq() == seq).findFirst());
        assertThat(integrity.check(request)).isInstanceOf(ApprovalIntegrity.Check.Intact.class);
        assertThat(integrity.check(request.toBuilder().requestedByRoles(List.of("finance", "super_admin")).build()))
                .isInstanceOf(ApprovalIntegrity.Check.Tampered.class);
    }

    @Test
    void change_whenNoConfigIsLoaded_is503AndWritesNothing(EmbeddedStack stack) {
        ConfigFixtures empty = new ConfigFixtures(stack);
        String sub = sub();
        assertProblem(empty.change(body("treasury.set", BASE_ETH, REASON), sub, Role.SUPER_ADMIN), 503, "config-not-loaded");
        assertThat(empty.requestsBy(sub)).isEmpty();
        assertThat(empty.entriesBy(sub)).isEmpty();
    }

    static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String slug) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/" + slug);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    private static void assertNothingWritten(String sub, long version) {
        assertThat(fixtures.requestsBy(sub)).isEmpty();
        assertThat(fixtures.entriesBy(sub)).isEmpty();
        assertThat(fixtures.version()).isEqualTo(version);
    }
}
