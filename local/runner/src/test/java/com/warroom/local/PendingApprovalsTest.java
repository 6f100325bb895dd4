package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.approvals.ApprovalStore;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.json.Json;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.TestKeys;
import com.warroom.local.auth.TokenVerifier;
import com.warroom.local.gateway.LocalGateway;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a restart of the runner finds of the approval workflow, and how it finishes it. */
@ExtendWith(EmbeddedStackExtension.class)
class PendingApprovalsTest {

    // a guard against a hang, not a timing assertion
    private static final Duration GUARD = Duration.ofMinutes(1);

    private static RSAKey key;
    private static LocalGateway gateway;
    private static ApprovalStore store;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start(EmbeddedStack stack) throws Exception {
        key = TestKeys.newKey();
        var routes = LocalTriggers.realize(Topology.warroom(), stack, (what, cause) -> {
            throw new AssertionError(what, cause);
        }).routes();
        gateway = LocalGateway.start(new InetSocketAddress("127.0.0.1", 0), Topology.warroom(), routes,
                new TokenVerifier(key, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC()));
        store = new ApprovalStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.APPROVALS.envVar()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void resume_whenARequestWasApprovedButTheRestartLostItsExecution_appliesAndClosesItOnce(EmbeddedStack stack) throws Exception {
        String round = "R-resume-" + UUID.randomUUID().toString().substring(0, 8);
        String ops = TestKeys.token(key, Role.OPS);
        assertThat(post("/v1/admin/system-flags/set", ops, "{\"flag\":\"contribute\",\"scope\":\"round:" + round
                + "\",\"enabled\":false,\"reason\":\"pausing before the restart\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> requested = post("/v1/admin/system-flags/set", ops, "{\"flag\":\"contribute\",\"scope\":\"round:" + round
                + "\",\"enabled\":true,\"reason\":\"resume after the restart\",\"expectedVersion\":1}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String id = Json.readTree(requested.body()).get("approvalId").asText();
        Eventually.await("the workflow waits for a decision", () -> store.find(id).map(r -> r.taskToken() != null).orElse(false));

        // the restart between the decision and the apply: the decision is in the table, its execution is gone
        stack.localStepFunctions().forgetExecutions();
        String bob = TestKeys.signed(key, TestKeys.validClaims().subject("bob").claim("cognito:groups", List.of("super_admin")).build());
        HttpResponse<String> approved = post("/v1/admin/approvals/" + id + "/approve", bob, "{\"comment\":\"checked the round\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(409);
        assertThat(store.find(id).orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ApprovalStatus.APPROVED.name());
            assertThat(r.closed()).isFalse();
        });

        assertThat(resume(stack)).contains(id);
        stack.localStepFunctions().awaitQuiet(stack.localStepFunctions().executionArn(Topology.APPROVAL, id), GUARD);
        assertThat(resume(stack)).as("a closed request is not resumed again").doesNotContain(id);

        ApprovalRequest closed = store.find(id).orElseThrow();
        assertThat(closed.status()).as(closed.outcome()).isEqualTo(ApprovalStatus.APPLIED.name());
        assertThat(closed.closed()).isTrue();
        JsonNode check = Json.readTree(get("/v1/system-flags/check?flag=contribute&round=" + round, ops).body());
        assertThat(check.get("allowed").asBoolean()).isTrue();
        List<String> actions = StreamSupport.stream(Json.readTree(get("/v1/admin/audit?target=flag:contribute@round:" + round, ops)
                .body()).get("entries").spliterator(), false).map(e -> e.get("action").asText()).toList();
        assertThat(actions).filteredOn(ApprovalAudit.APPROVED::equals).hasSize(1);
        assertThat(actions).filteredOn(ApprovalAudit.APPLIED::equals).hasSize(1);
        assertThat(actions).filteredOn(ApprovalAudit.CLOSED::equals).hasSize(1);
        assertThat(actions).doesNotContain(ApprovalAudit.FAILED);
    }

    private static List<String> resume(EmbeddedStack stack) {
        return PendingApprovals.resume(store, ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()),
                (id, decision) -> stack.localStepFunctions().startAfterDecision(Topology.APPROVAL, id, decision));
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.url().resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.url().resolve(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
