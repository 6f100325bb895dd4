package com.warroom.flags.api;

import static com.warroom.flags.api.FlagApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Retries of the kill-switch route with an {@code Idempotency-Key}: one change, one audit entry, the first answer again. */
@ExtendWith(EmbeddedStackExtension.class)
class IdempotentSetFlagTest {

    private static final int CLIENTS = 20;
    private static final String REPLAYED = "Idempotent-Replayed";

    private static FlagApi api;
    private static AuditTrail trail;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        api = new FlagApi(stack);
        trail = AuditTrail.fromSettings(DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build());
    }

    private static String body(String flag, String scope, boolean enabled, String reason) {
        return Json.write(Map.of("flag", flag, "scope", scope, "enabled", enabled, "reason", reason));
    }

    private static APIGatewayV2HTTPResponse send(String body, String key) {
        // a fresh handler per call, as separate Lambda instances would answer the retries
        return FlagApi.call(new FlagAdminHandler(), FlagApi.setWithKey(FlagApi.OPS, Role.OPS, body, key));
    }

    private static List<AuditEntry> entriesFor(String flag, String scope) {
        return trail.newest(new AuditQuery(Optional.of("flag:" + flag + "@" + scope), Optional.empty(), 50, Optional.empty()));
    }

    @Test
    void set_whenTwentyClientsSendTheSameKeyAtOnce_changesTheFlagOnceAndEveryAnswerIsTheFirstOrInProgress() throws Exception {
        String scope = "round:" + UUID.randomUUID();
        String body = body("claim.vesting", scope, false, "Vesting schedule under review, pausing claims");
        String key = UUID.randomUUID().toString();
        Map<String, Integer> before = api.counts();
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            calls.add(() -> send(body, key));
        }

        List<APIGatewayV2HTTPResponse> responses = FlagApi.race(calls);

        List<APIGatewayV2HTTPResponse> answered = responses.stream().filter(r -> r.getStatusCode() == 200).toList();
        List<APIGatewayV2HTTPResponse> inProgress = responses.stream().filter(r -> r.getStatusCode() == 409).toList();
        assertThat(answered.size() + inProgress.size()).as("every answer is 200 or 409").isEqualTo(CLIENTS);
        assertThat(answered).extracting(APIGatewayV2HTTPResponse::getBody).containsOnly(answered.get(0).getBody());
        assertThat(answered).filteredOn(r -> !r.getHeaders().containsKey(REPLAYED)).as("only the first ran").hasSize(1);
        assertThat(answered).filteredOn(r -> r.getHeaders().containsKey(REPLAYED))
                .allSatisfy(r -> assertThat(r.getHeaders()).containsEntry(REPLAYED, "true"));
        assertThat(inProgress).allSatisfy(r -> {
            FlagApi.assertProblem(r, 409, null);
            assertThat(json(r).path("type").asText()).isEqualTo("https://warroom.dev/problems/request-in-progress");
            assertThat(r.getHeaders()).containsEntry("Retry-After", "1");
        });
        assertThat(json(answered.get(0)).path("version").asLong()).isEqualTo(1);
        assertThat(api.counts()).isEqualTo(Map.of("flags", before.get("flags") + 1, "audit", before.get("audit") + 1,
                "approvals", before.get("approvals")));
        assertThat(entriesFor("claim.vesting", scope)).hasSize(1);

        APIGatewayV2HTTPResponse retry = send(body, key);

        assertThat(retry.getStatusCode()).isEqualTo(200);
        assertThat(retry.getBody()).isEqualTo(answered.get(0).getBody());
        assertThat(retry.getHeaders()).containsEntry(REPLAYED, "true");
        assertThat(api.counts().get("audit")).isEqualTo(before.get("audit") + 1);
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void set_whenFundFlagReEnableIsRetriedWithTheSameKey_answersTheFirst202AndOpensOneApproval() {
        String scope = "round:" + UUID.randomUUID();
        assertThat(api.set("refund", scope, false, "Refund abuse in this round").getStatusCode()).isEqualTo(200);
        String body = body("refund", scope, true, "Abuse blocked, please re-enable refunds");
        String key = UUID.randomUUID().toString();
        Map<String, Integer> before = api.counts();

        APIGatewayV2HTTPResponse first = send(body, key);
        APIGatewayV2HTTPResponse retry = send(body, key);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(202);
        assertThat(first.getHeaders()).doesNotContainKey(REPLAYED);
        assertThat(retry.getStatusCode()).isEqualTo(202);
        assertThat(retry.getHeaders()).containsEntry(REPLAYED, "true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(json(retry).path("approvalId").asText()).isNotBlank().isEqualTo(json(first).path("approvalId").asText());
        assertThat(api.counts()).isEqualTo(Map.of("flags", before.get("flags"), "audit", before.get("audit") + 1,
                "approvals", before.get("approvals") + 1));
    }

    @Test
    void set_whenTheKeyIsReusedWithAnotherBody_answers422AndWritesNothing() {
        String scope = "user:" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        assertThat(send(body("payout", scope, false, "Payout destination under review"), key).getStatusCode()).isEqualTo(200);
        Map<String, Integer> before = api.counts();

        APIGatewayV2HTTPResponse reused = send(body("payout", scope, false, "Another reason, another request"), key);

        FlagApi.assertProblem(reused, 422, null);
        assertThat(json(reused).path("type").asText()).isEqualTo("https://warroom.dev/problems/idempotency-key-reused");
        assertThat(api.counts()).isEqualTo(before);
        assertThat(entriesFor("payout", scope)).extracting(AuditEntry::reason).containsExactly("Payout destination under review");
    }

    @Test
    void set_whenTheKeyIsInvalid_answers400NamingTheHeaderAndWritesNothing() {
        Map<String, Integer> before = api.counts();
        String body = body("payout", "user:" + UUID.randomUUID(), false, "Payout destination under review");

        FlagApi.assertProblem(send(body, "k".repeat(256)), 400, "Idempotency-Key");
        FlagApi.assertProblem(send(body, ""), 400, "Idempotency-Key");

        assertThat(api.counts()).isEqualTo(before);
    }
}
